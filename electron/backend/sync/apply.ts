/**
 * Applies remote changes to the local replica with field-level last-writer-wins by HLC against
 * field_clocks, so replicas converge whatever the order or repetition of delivery. Remote changes
 * are written straight to the tables (pull.ts applies a page with the search index deferred, so it
 * is indexed once per page, store/search-index.ts) and are NOT appended to the outbox, so they
 * never bounce back. Call inside a transaction (see pull.ts).
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { withSearchIndexDeferred } from '../store/search-index';
import type { Store } from '../store/store';
import type { Change } from '../../../shared/sync/wire';
import type { TableSpec } from '../../../shared/sync/columns';
import { SYNC_CATALOG } from '../../../shared/sync/catalog';
import { clocksOf, rowClockField, rowClockFor, stampClocks, STAMP_ONE, type RowClocks } from './clocks';
import { dropPending, markPending, park, pendingCount, pendingOf, pendingRows } from './pending';
import { isDemoAccountRow } from '../../../shared/demo';
import { isDemoData } from '../demo/marker';
import { districtVersionOfFrozen, keptForDistrict } from './district-batch';

type Value = string | number | null;

/**
 * A remote row patch: a clock per field, or `clock` when all its fields carry one (a pulled change,
 * most snapshot rows; the shape of a snapshot page row, SnapshotPageRow).
 */
export type RemoteRow = {
  table: string;
  rowId: string;
  partition: string;
  fields: Record<string, Value>;
} & ({ clock: string; clocks?: undefined } | { clocks: Record<string, string>; clock?: undefined });

const clockOf = (r: RemoteRow, field: string): string | undefined => r.clock ?? r.clocks![field];

export interface ApplyStats {
  applied: number;
  stale: number;
  parked: number;
}

export function fromChange(c: Change): RemoteRow {
  return { table: c.table, rowId: c.rowId, partition: c.partition, fields: c.fields, clock: c.hlc };
}

function isConstraintError(err: unknown): boolean {
  return typeof (err as { code?: unknown })?.code === 'string' && (err as { code: string }).code.startsWith('SQLITE_CONSTRAINT');
}

function rowExists(store: Store, table: string, rowId: string): boolean {
  return store.prepare(`SELECT 1 FROM "${table}" WHERE id = ?`).get(rowId) !== undefined;
}

/**
 * Writes the fields (insert or update); false when a constraint refuses them. The write is ONE
 * statement (its triggers included), which SQLite undoes by itself when it fails, so
 * inside an open transaction it needs no savepoint of its own (a savepoint per row cost a third of
 * a bootstrap: bench sync-bootstrap).
 */
function write(store: Store, table: string, rowId: string, exists: boolean, fields: Record<string, Value>): boolean {
  const names = Object.keys(fields);
  const unit = (fn: () => void) => (store.sqlite.inTransaction ? fn() : store.tx(fn));
  try {
    unit(() => {
      if (exists) {
        store
          .prepare(`UPDATE "${table}" SET ${names.map((n) => `"${n}" = ?`).join(', ')} WHERE id = ?`)
          .run(...names.map((n) => fields[n]), rowId);
      } else {
        const all = { ...fields, id: rowId };
        const cols = Object.keys(all);
        store
          .prepare(`INSERT INTO "${table}" (${cols.map((n) => `"${n}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
          .run(...cols.map((n) => all[n as keyof typeof all]));
      }
    });
    return true;
  } catch (err) {
    if (isConstraintError(err)) return false;
    throw err;
  }
}

/** Tries to store the parked known-column fields of one row; true when nothing known stays parked. */
export function materialize(store: Store, table: string, rowId: string): boolean {
  const spec = SYNC_CATALOG.get(table);
  if (!spec || keptForDistrict(store, table, rowId)) return false;
  const parked = pendingOf(store, table, rowId).filter((p) => spec.columns.has(p.field));
  if (parked.length === 0) return true;
  const clocks = clocksOf(store, table, rowId);
  const fresh = parked.filter((p) => {
    const local = clocks.get(p.field);
    return !local || p.hlc > local;
  });
  const stale = parked.filter((p) => !fresh.includes(p));
  dropPending(store, table, rowId, stale.map((p) => p.field));
  if (fresh.length === 0) return true;
  const exists = rowExists(store, table, rowId);
  const fields: Record<string, Value> = {};
  const stamp: Record<string, string> = {};
  for (const p of fresh) {
    fields[p.field] = p.value;
    stamp[p.field] = p.hlc;
  }
  if (!exists && !spec.required.every((c) => c === 'id' || c in fields)) return false;
  if (!write(store, table, rowId, exists, fields)) {
    markPending(store, table, rowId, Object.keys(fields), exists ? 'constraint' : 'row-missing');
    return false;
  }
  // A new row whose parked fields cover it under one stamp (a snapshot row that waited for its
  // parent) keeps one row clock, as if it had arrived in order (issue 19).
  stampClocks(store, table, rowId, (!exists && rowClockFor(store, table, stamp)) || stamp);
  dropPending(store, table, rowId, Object.keys(fields));
  return true;
}

/** What applyRemote knows while it applies a batch: its counts, and whether anything is parked. */
interface ApplyRun {
  stats: ApplyStats;
  /** False while sync_pending is empty: then no row has parked fields to look up (a bootstrap). */
  anyParked: boolean;
  /** `table/rowId` of rows of the batch this replica had never stored, until each is first applied. */
  unseen: Set<string>;
}

const NO_CLOCKS: RowClocks = { size: 0, get: () => undefined };

/**
 * The rows of a batch the replica has neither stored nor stamped, found with two queries per
 * table instead of two look-ups per row (a bootstrap's rows are all new). Only while nothing is
 * parked: a parked row would need a third look-up.
 */
function unseenRows(store: Store, rows: RemoteRow[], anyParked: boolean): Set<string> {
  const unseen = new Set<string>();
  if (anyParked || rows.length < 2) return unseen;
  const byTable = new Map<string, string[]>();
  for (const r of rows) {
    if (!SYNC_CATALOG.has(r.table)) continue;
    const ids = byTable.get(r.table) ?? [];
    ids.push(r.rowId);
    byTable.set(r.table, ids);
  }
  for (const [table, ids] of byTable) {
    const list = JSON.stringify(ids);
    const seen = new Set([
      ...(store.prepare(`SELECT id FROM "${table}" WHERE id IN (SELECT value FROM json_each(?))`).pluck().all(list) as string[]),
      ...(store
        .prepare('SELECT DISTINCT row_id FROM field_clocks WHERE table_name = ? AND row_id IN (SELECT value FROM json_each(?))')
        .pluck()
        .all(table, list) as string[]),
    ]);
    for (const id of ids) if (!seen.has(id)) unseen.add(`${table}/${id}`);
  }
  return unseen;
}

/**
 * How a row new to the replica with these fields is inserted and stamped (insertNew); null when
 * such a row takes the general path: a field of a column unknown here, or fields that do not
 * cover every column (they get a clock each).
 */
interface InsertPlan {
  insert: Database.Statement;
  /** Field names in the order of the statement's parameters, without `id` (the last parameter). */
  names: string[];
  /** The field of the row clock entry (clocks.ts). */
  rowClock: string;
}

const insertPlans = new WeakMap<Store, Map<string, InsertPlan | null>>();
/** Field sets remembered per replica (a snapshot brings one per table; pulled patches vary). */
const MAX_PLANS = 512;

function insertPlan(store: Store, spec: TableSpec, fields: Record<string, Value>): InsertPlan | null {
  let plans = insertPlans.get(store);
  if (!plans) insertPlans.set(store, (plans = new Map()));
  const names = Object.keys(fields).filter((n) => n !== 'id');
  const key = `${spec.name}\0${names.join('\0')}`;
  let plan = plans.get(key);
  if (plan === undefined) {
    if (plans.size >= MAX_PLANS) plans.clear();
    const cols = [...names, 'id'];
    // Null as well for a column this replica's table lacks (from a newer replica).
    const rowClock = rowClockField(store, spec.name, cols);
    plan = rowClock === null ? null : {
      insert: store.prepare(`INSERT INTO "${spec.name}" (${cols.map((n) => `"${n}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`),
      names,
      rowClock,
    };
    plans.set(key, plan);
  }
  return plan;
}

/**
 * The common case of a bootstrap, quickly: a row the replica never stored, nothing parked, every
 * field known and under one clock that covers every column. One prepared statement inserts it and
 * one stamps its row clock, the same writes as the general path below without building its SQL,
 * maps and records per row. False when the row is not such a row or a constraint refuses it: the
 * general path then handles it.
 */
function insertNew(store: Store, spec: TableSpec, r: RemoteRow): boolean {
  if (r.clock === undefined) return false;
  const plan = insertPlan(store, spec, r.fields);
  if (!plan) return false;
  const args: Value[] = plan.names.map((n) => r.fields[n]!);
  args.push(r.rowId);
  try {
    plan.insert.run(args);
  } catch (err) {
    if (isConstraintError(err)) return false;
    throw err;
  }
  store.prepare(STAMP_ONE).run(r.table, r.rowId, plan.rowClock, r.clock);
  return true;
}

function applyKnown(store: Store, spec: TableSpec, r: RemoteRow, run: ApplyRun): void {
  const { stats } = run;
  // Seen once, a row of the batch is looked up like any other (the batch may hold it twice).
  const firstSight = run.unseen.delete(`${r.table}/${r.rowId}`);
  if (firstSight && !run.anyParked && insertNew(store, spec, r)) {
    stats.applied += Object.keys(r.fields).length;
    return;
  }
  // The district's version of a payment batch this PC holds frozen otherwise: kept aside whatever
  // the clocks, for district-batch.ts to swap in (the district's confirmation came first).
  if (!firstSight && districtVersionOfFrozen(store, r.table, r.rowId, r.fields)) {
    const all = Object.fromEntries(Object.entries(r.fields).map(([f, v]) => [f, { value: v, hlc: clockOf(r, f)! }]));
    park(store, r.table, r.rowId, r.partition, all, 'constraint');
    run.anyParked = true;
    stats.parked += Object.keys(all).length;
    return;
  }
  const clocks = firstSight ? NO_CLOCKS : clocksOf(store, r.table, r.rowId);
  const parked = new Map(run.anyParked ? pendingOf(store, r.table, r.rowId).map((p) => [p.field, p.hlc]) : []);
  const winners: Record<string, Value> = {};
  const winClocks: Record<string, string> = {};
  const unknown: Record<string, { value: unknown; hlc: string }> = {};
  for (const [field, value] of Object.entries(r.fields)) {
    const hlc = clockOf(r, field);
    if (!hlc) continue;
    const local = clocks.get(field);
    const park = parked.get(field);
    if ((local && hlc <= local) || (park && hlc <= park)) {
      stats.stale++;
      continue;
    }
    if (!spec.columns.has(field)) unknown[field] = { value, hlc };
    else {
      winners[field] = value;
      winClocks[field] = hlc;
    }
  }
  if (Object.keys(unknown).length > 0) {
    park(store, r.table, r.rowId, r.partition, unknown, 'unknown-column');
    run.anyParked = true;
    stats.parked += Object.keys(unknown).length;
  }
  const names = Object.keys(winners);
  if (names.length === 0) return;
  const knownParked = [...parked.keys()].some((f) => spec.columns.has(f));
  const exists = !firstSight && rowExists(store, r.table, r.rowId);
  // Append-only, as at the server (and refused by the database's triggers): a stored audit event, a
  // frozen payment batch row, or a submitted report stays as it is.
  if (exists && (r.table === 'audit_events' || r.table === 'payment_batch_rows' || r.table === 'report_submissions')) {
    stats.stale += names.length;
    return;
  }
  const complete = exists || spec.required.every((c) => c === 'id' || c in winners);
  if (!knownParked && complete && write(store, r.table, r.rowId, exists, winners)) {
    // A row new here, nothing of it parked or unknown: one row clock if it covers every column.
    const fresh = !exists && clocks.size === 0 && parked.size === 0 && Object.keys(unknown).length === 0;
    stampClocks(store, r.table, r.rowId, (fresh && rowClockFor(store, r.table, winClocks)) || winClocks);
    stats.applied += names.length;
    return;
  }
  const withClocks = Object.fromEntries(names.map((n) => [n, { value: winners[n], hlc: winClocks[n]! }]));
  park(store, r.table, r.rowId, r.partition, withClocks, exists ? 'constraint' : 'row-missing');
  run.anyParked = true;
  if (materialize(store, r.table, r.rowId)) stats.applied += names.length;
  else stats.parked += names.length;
}

/**
 * Applies remote rows; merges their clocks into the local HLC. Run inside a transaction.
 * `retry: false` leaves parked rows for later: older servers sent a snapshot's tables in name order,
 * so a child table's rows (enrolment_steps, enrolments) came pages before their households; retrying
 * every parked row after each page made a bootstrap quadratic (bench sync-bootstrap: 12x slower
 * once a street's enrolments were in the snapshot). The snapshot retries once, after its last page.
 */
export function applyRemote(store: Store, rows: RemoteRow[], opts: { retry?: boolean } = {}): ApplyStats {
  const stats: ApplyStats = { applied: 0, stale: 0, parked: 0 };
  const anyParked = store.prepare('SELECT 1 FROM sync_pending LIMIT 1').get() !== undefined;
  const run: ApplyRun = { stats, anyParked, unseen: unseenRows(store, rows, anyParked) };
  let maxHlc = '';
  for (const r of rows) {
    if (r.clock !== undefined) {
      if (r.clock > maxHlc) maxHlc = r.clock;
    } else for (const h of Object.values(r.clocks)) if (h > maxHlc) maxHlc = h;
    // the demo's account never lands in a real street (pushed before the server refused it)
    if (isDemoAccountRow(r) && !isDemoData(store)) {
      stats.stale++;
      continue;
    }
    const spec = SYNC_CATALOG.get(r.table);
    store.noteTouched(r.table);
    if (!spec) {
      const all = Object.fromEntries(Object.entries(r.fields).map(([f, v]) => [f, { value: v, hlc: clockOf(r, f)! }]));
      park(store, r.table, r.rowId, r.partition, all, 'unknown-table');
      run.anyParked = true;
      stats.parked += Object.keys(all).length;
      continue;
    }
    applyKnown(store, spec, r, run);
  }
  if (maxHlc) {
    store.clock.receive(maxHlc);
    store.setMeta('hlc', store.clock.current());
    store.noteRemoteHlc(maxHlc);
  }
  if ((opts.retry ?? true) && (stats.parked > 0 || (stats.applied > 0 && pendingCount(store) > 0))) retryPending(store);
  return stats;
}

/**
 * Retries every parked row until no more progress: parents that arrived later, columns that became
 * known after an upgrade. Returns how many rows are still parked.
 */
export function retryPending(store: Store): number {
  for (;;) {
    if (!retryRows(store, pendingRows(store))) return pendingRows(store).length;
  }
}

/** Tries to land each of these parked rows; true if any did (a row's pending fields went down). */
function retryRows(store: Store, rows: { table: string; rowId: string }[]): boolean {
  let progress = false;
  for (const { table, rowId } of rows) {
    const before = pendingOf(store, table, rowId).length;
    materialize(store, table, rowId);
    if (pendingOf(store, table, rowId).length < before) progress = true;
  }
  return progress;
}

/** Parked rows retried in one transaction: a fraction of a page's work. */
const RETRY_CHUNK = 250;

/**
 * retryPending for the many rows a bootstrap parks (a street's enrolments and steps come pages
 * before their households): a chunk of rows per transaction, with `turn()` between chunks, so the
 * backend's other calls are served meanwhile. Each chunk lands whole or not at all; a run cut off
 * leaves the rest parked, as before the retry.
 */
export async function retryPendingInTurns(store: Store, turn: () => Promise<void>): Promise<number> {
  for (;;) {
    const rows = pendingRows(store);
    let progress = false;
    for (let i = 0; i < rows.length; i += RETRY_CHUNK) {
      if (withSearchIndexDeferred(store, () => retryRows(store, rows.slice(i, i + RETRY_CHUNK)))) progress = true;
      await turn();
    }
    if (!progress) return pendingRows(store).length;
  }
}
