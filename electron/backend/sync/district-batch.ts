/**
 * Two PCs of a street that confirm the same month's payment batch offline (issue 12): the district
 * server keeps the confirmation that reached it first and refuses the other's (payment-batch-frozen).
 * What was paid is the district's record, so the PC whose batch was refused takes the district's
 * batch when it arrives, whatever the clocks say (a confirmed amount never changes: this replaces a
 * confirmation the district never accepted). The refused confirmation stays visible: its changes
 * on the 同步 page (sync_rejections), an audit event, and a note the batch screen shows.
 *
 * apply.ts parks the district's values of a batch this PC holds frozen (they differ: the triggers
 * would refuse them); settleDistrictBatches then swaps them in, once the parked rows make up the
 * district's batch exactly (its digest), with the frozen-batch triggers lifted for that one swap.
 */
import { labelOf } from '../../../shared/codes';
import { PROGRAMMES } from '../../../shared/assistance/codes';
import type { BatchReplacedNote } from '../../../shared/assistance/batches';
import type { Store } from '../store/store';
import { frozenRows, rowsDigest } from '../services/assistance/batches';
import { systemActor } from '../services/setup/street';
import { noteReplaced } from '../services/assistance/batch-replaced';
import { stampClocks } from './clocks';
import { pendingOf, dropPending } from './pending';

type Value = string | number | null;

const FROZEN = new Set(['confirmed', 'paid']);
const TRIGGERS = ['payment_batch_rows_no_update', 'payment_batch_rows_no_delete', 'payment_batches_confirmed_frozen', 'payment_batches_no_delete'];

/**
 * Whether a remote change to this row must be kept aside rather than applied by the clocks: another
 * PC's version of a batch row this PC holds, or another confirmation of a batch it holds frozen.
 */
export function districtVersionOfFrozen(store: Store, table: string, rowId: string, fields: Record<string, Value>): boolean {
  if (table === 'payment_batch_rows') {
    // Another PC's row as it inserted it (rows are written whole, once): a change of some fields only is refused as ever.
    if (!('created_at' in fields)) return false;
    const local = store.prepare('SELECT * FROM payment_batch_rows WHERE id = ?').get(rowId) as Record<string, Value> | undefined;
    return local !== undefined && Object.entries(fields).some(([f, v]) => f in local && local[f] !== v);
  }
  if (table !== 'payment_batches') return false;
  const local = store.prepare('SELECT * FROM payment_batches WHERE id = ?').get(rowId) as Record<string, Value> | undefined;
  if (!local || !FROZEN.has(String(local.status))) return false;
  // Another PC's confirmation (even of the same rows), or its generation of the batch (the same derived id, created apart).
  return ['digest', 'confirmed_at', 'created_at'].some((f) => f in fields && fields[f] !== local[f]);
}

/** Parked values of a frozen batch (or its rows) here wait for settleDistrictBatches, whatever their clocks. */
export function keptForDistrict(store: Store, table: string, rowId: string): boolean {
  if (table === 'payment_batch_rows') return store.prepare('SELECT 1 FROM payment_batch_rows WHERE id = ?').get(rowId) !== undefined;
  if (table !== 'payment_batches') return false;
  const local = store.prepare('SELECT status FROM payment_batches WHERE id = ?').get(rowId) as { status: string } | undefined;
  return local !== undefined && FROZEN.has(local.status);
}

function parkedFields(store: Store, table: string, rowId: string): Record<string, { value: Value; hlc: string }> {
  return Object.fromEntries(pendingOf(store, table, rowId).map((p) => [p.field, { value: p.value, hlc: p.hlc }]));
}

/** Lifts the frozen-batch triggers around `fn` (inside the caller's transaction), then puts them back as they were. */
function withoutFreeze<T>(store: Store, fn: () => T): T {
  const saved = TRIGGERS.map((name) => store.sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(name) as { sql: string } | undefined);
  for (const name of TRIGGERS) store.sqlite.exec(`DROP TRIGGER IF EXISTS "${name}"`);
  try {
    return fn();
  } finally {
    for (const s of saved) if (s) store.sqlite.exec(s.sql);
  }
}

function writeFields(store: Store, table: string, rowId: string, fields: Record<string, { value: Value; hlc: string }>): void {
  const names = Object.keys(fields).filter((f) => f !== 'id');
  if (names.length === 0) return;
  store.sqlite.prepare(`UPDATE "${table}" SET ${names.map((n) => `"${n}" = ?`).join(', ')} WHERE id = ?`).run(...names.map((n) => fields[n]!.value), rowId);
  store.sqlite.prepare('DELETE FROM field_clocks WHERE table_name = ? AND row_id = ?').run(table, rowId);
  stampClocks(store, table, rowId, Object.fromEntries(names.map((n) => [n, fields[n]!.hlc])));
  dropPending(store, table, rowId, Object.keys(fields));
}

/**
 * Takes the district's batch for every frozen batch of this PC the district confirmed apart (its
 * confirmation parked here), once all its rows are here. Returns the batches replaced. Run inside the pull's transaction.
 */
export function settleDistrictBatches(store: Store): string[] {
  const ids = (
    store.prepare("SELECT DISTINCT row_id AS id FROM sync_pending WHERE table_name = 'payment_batches' AND field = 'digest'").all() as { id: string }[]
  ).map((r) => r.id);
  const replaced: string[] = [];
  for (const id of ids) {
    const local = store.prepare('SELECT * FROM payment_batches WHERE id = ?').get(id) as Record<string, Value> | undefined;
    const district = parkedFields(store, 'payment_batches', id);
    if (!local || !FROZEN.has(String(local.status)) || !district.digest) continue;
    const before = frozenRows(store, id);
    try {
      store.tx(() => withoutFreeze(store, () => swapIn(store, id, district)));
    } catch (err) {
      if (err instanceof NotYet) continue;
      throw err;
    }
    replaced.push(id);
    // The same rows confirmed twice: only the confirmation's time and person were the district's.
    if (district.digest.value !== local.digest) recordReplaced(store, local, before);
  }
  return replaced;
}

/** The batch's rows and fields as the district holds them (parked here); NotYet when some rows have not arrived. */
function swapIn(store: Store, id: string, district: Record<string, { value: Value; hlc: string }>): void {
  for (const r of store.prepare('SELECT id FROM payment_batch_rows WHERE batch_id = ?').all(id) as { id: string }[]) {
    const parked = parkedFields(store, 'payment_batch_rows', r.id);
    if (Object.keys(parked).length > 0) writeFields(store, 'payment_batch_rows', r.id, parked);
    else if (store.prepare("SELECT 1 FROM sync_rejections WHERE table_name = 'payment_batch_rows' AND row_id = ?").get(r.id)) {
      // This PC's own row the district refused: it stays on the 同步 page (sync_rejections), not in the batch.
      store.sqlite.prepare('DELETE FROM payment_batch_rows WHERE id = ?').run(r.id);
      store.sqlite.prepare("DELETE FROM field_clocks WHERE table_name = 'payment_batch_rows' AND row_id = ?").run(r.id);
    }
  }
  // The district's rows make up its batch exactly, or nothing changes yet (more may come in a later page).
  if (rowsDigest(frozenRows(store, id)) !== district.digest!.value) throw new NotYet();
  writeFields(store, 'payment_batches', id, district);
}

class NotYet extends Error {}

/** The note the batch screen shows and an audit event: what this PC had confirmed, and the district's batch that replaced it. */
function recordReplaced(store: Store, local: Record<string, Value>, before: ReturnType<typeof frozenRows>): void {
  const id = String(local.id);
  const note: BatchReplacedNote = {
    at: store.nowIso(),
    local: {
      confirmedAt: local.confirmed_at as string | null,
      confirmedBy: local.confirmed_by as string | null,
      rowCount: before.length,
      totalFen: before.reduce((s, r) => s + r.amountFen, 0),
    },
  };
  noteReplaced(store, id, note);
  const district = store.prepare('SELECT confirmed_at, confirmed_by, row_count, total_fen FROM payment_batches WHERE id = ?').get(id) as Record<string, Value>;
  const title = `${labelOf(PROGRAMMES, String(local.programme))} ${String(local.month)} 发放批次`;
  store.audit(systemActor(String(local.street_code)), {
    action: 'batches.replaced-by-district',
    summary:
      `本机确认的${title}（${note.local.rowCount}条，合计${(note.local.totalFen / 100).toFixed(2)}元）未被区级服务器接受：` +
      `区里已先收到同月另一份确认（${String(district.confirmed_by)}，${String(district.row_count)}条，合计${(Number(district.total_fen) / 100).toFixed(2)}元），本机已改用区里的批次`,
    entity: 'payment_batches',
    entityId: id,
    detail: { local: note.local },
  });
}
