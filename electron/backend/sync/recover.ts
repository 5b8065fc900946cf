/**
 * A replica restored from an older copy of its data (last week's backup, a copied data folder) is
 * behind its own pushes: the server holds changes this device pushed after the copy was taken,
 * which a normal pull never returns (a device's own changes are not sent back to it). The sync
 * session finds out from the server (`replica-behind`, see ownCheck) before it pushes anything,
 * and recovers here:
 *  1. it takes a fresh node id, registered with the server, so that new stamps can never repeat one
 *     the server already holds under the old node (push is idempotent by node + hlc: such a change
 *     would be acknowledged as a duplicate and lost);
 *  2. it fetches the device's own changes after its pull cursor (every change pushed after the
 *     copy has a higher sequence than the copy's cursor) and applies them by field-level LWW like
 *     any pulled change (those it already holds are stale no-ops); each one it lacked is written
 *     back into change_log as pushed, so the log knows again what this device has pushed; a change
 *     written on the copy that happens to carry the stamp of a fetched one moves to the new node;
 *  3. the clock, past every fetched stamp, continues under the new node; changes still in the
 *     outbox keep their time and counter and take the new node; a notice is left for the 同步 page.
 * Progress is kept in local_meta, so a recovery interrupted half-way is resumed by the next sync.
 */
import { formatHlc, parseHlc } from '../../../shared/hlc';
import { SyncRefusal } from '../../../shared/sync/rejections';
import type { SyncNotice } from '../../../shared/sync/status';
import { sameFields, type OwnCheck, type PulledChange } from '../../../shared/sync/wire';
import { newNodeId, type Store } from '../store/store';
import { applyRemote, fromChange } from './apply';
import type { SyncTransport } from './http';
import { pullCursor } from './pull';
import { forgetAcknowledged, ownKnown } from './forget';

export const RECOVERY_META = 'sync_recovering';
export const NOTICES_META = 'sync_notices';
const NOTICES_MAX = 20;

/**
 * What this replica knows of its own pushes: its node, and the highest stamp of its changes the
 * server accepted (pushed and not refused), or `none`: kept when they leave the log (forget.ts),
 * or still in the log (a database not migrated yet). The (unique) index on hlc is walked from
 * the top, past the few changes not yet pushed.
 */
export function ownCheck(store: Store): OwnCheck {
  const logged = store
    .prepare(
      `SELECT hlc FROM change_log c WHERE pushed_at IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM sync_rejections r WHERE r.hlc = c.hlc) ORDER BY hlc DESC LIMIT 1`,
    )
    .pluck()
    .get() as string | undefined;
  // acknowledged changes leave the log, their highest stamp kept (forget.ts)
  const forgotten = ownKnown(store);
  const known = !forgotten || (logged !== undefined && logged > forgotten) ? logged : forgotten;
  return { known: known ?? 'none', node: store.nodeId };
}

interface RecoveryState {
  /** Own changes fetched back so far. */
  recovered: number;
  /**
   * The highest acknowledged stamp of the copy when the recovery began: a fetched change above it
   * is one the copy lacked (its acknowledged changes have left its log).
   */
  knownAtStart?: string | null;
  /** The new node, once registered with the server. */
  node?: string;
}

/** An interrupted recovery's progress, or null when none is under way. */
export function recoveryUnderWay(store: Store): RecoveryState | null {
  const raw = store.getMeta(RECOVERY_META);
  return raw ? (JSON.parse(raw) as RecoveryState) : null;
}

interface LogRow {
  seq: number;
  table_name: string;
  row_id: string;
  fields: string;
  pushed_at: string | null;
}

/** A logged change moved to another node: the same time and counter, so its place among others stays. */
function moveToNode(store: Store, c: { seq: number; hlc: string; table_name: string; row_id: string }, node: string): void {
  const stamp = formatHlc({ ...parseHlc(c.hlc), node });
  store.prepare('UPDATE change_log SET hlc = ?, node_id = ? WHERE seq = ?').run(stamp, node, c.seq);
  // by the row's key (field_clocks has no index on hlc)
  store.prepare('UPDATE field_clocks SET hlc = ? WHERE table_name = ? AND row_id = ? AND hlc = ?').run(stamp, c.table_name, c.row_id, c.hlc);
}

/**
 * Writes the device's own fetched changes into change_log as pushed: those the log lacked (counted),
 * and those it holds as not yet pushed (the server has them: the copy was taken before the answer).
 * A change of the log that only shares its stamp with a fetched one (written on the copy, stamped
 * by its old clock exactly as a lost one) is a different change: it moves to the new node.
 */
function adoptOwnChanges(store: Store, changes: PulledChange[], node: string, knownAtStart: string | null): number {
  const find = store.prepare('SELECT seq, table_name, row_id, fields, pushed_at FROM change_log WHERE hlc = ?');
  const ack = store.prepare('UPDATE change_log SET pushed_at = ? WHERE seq = ?');
  const add = store.prepare(
    'INSERT INTO change_log (hlc, node_id, table_name, row_id, partition, fields, pushed_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const at = store.nowIso();
  let added = 0;
  for (const c of changes) {
    const held = find.get(c.hlc) as LogRow | undefined;
    if (held) {
      const same =
        held.table_name === c.table &&
        held.row_id === c.rowId &&
        sameFields(JSON.parse(held.fields) as Record<string, unknown>, c.fields);
      if (same) {
        if (held.pushed_at === null) ack.run(at, held.seq);
        continue;
      }
      if (held.pushed_at !== null) continue; // not this replica's to repair: the server refused it
      moveToNode(store, { ...held, hlc: c.hlc }, node);
    }
    // written as acknowledged (forgotten with the page: forget.ts); a stamp above what the copy
    // knew is a change the copy lacked
    add.run(c.hlc, c.node, c.table, c.rowId, c.partition, JSON.stringify(c.fields), at);
    if (knownAtStart === null || c.hlc > knownAtStart) added++;
  }
  return added;
}

/** Changes still in the outbox under an earlier node take the new one. */
function moveOutboxToNode(store: Store, node: string): void {
  const rows = store
    .prepare('SELECT seq, hlc, table_name, row_id FROM change_log WHERE pushed_at IS NULL AND node_id <> ? ORDER BY seq')
    .all(node) as { seq: number; hlc: string; table_name: string; row_id: string }[];
  for (const r of rows) moveToNode(store, r, node);
}

/** A second recovery this soon means two PCs take turns on one device's enrollment (a copied data folder). */
const REPEAT_WINDOW_MS = 7 * 24 * 3600 * 1000;

export function recoveryMessage(recovered: number, repeated = false): string {
  const base =
    recovered > 0
      ? `本机数据来自较早的备份，已从区级服务器取回本机此后上传的 ${recovered} 条修改，并已为本机换用新的节点编号；此后的修改照常同步。`
      : '本机数据来自较早的备份或复制的数据文件夹，已为本机换用新的节点编号；区级服务器上没有本机缺少的修改。';
  return repeated
    ? `${base}近期已多次出现这种情况：可能有两台电脑在使用同一份复制的数据文件夹。数据不会丢失，但请系统管理员为其中一台电脑重新登记设备（新的登记码）。`
    : base;
}

/** Leaves a notice for the 同步 page (the newest first, the last few kept). */
export function keepNotice(store: Store, notice: SyncNotice): void {
  store.setMeta(NOTICES_META, JSON.stringify([notice, ...syncNotices(store)].slice(0, NOTICES_MAX)));
}

export function syncNotices(store: Store): SyncNotice[] {
  const raw = store.getMeta(NOTICES_META);
  return raw ? (JSON.parse(raw) as SyncNotice[]) : [];
}

/** Registers a fresh node id with the server (another, should one be taken). */
async function registerNewNode(t: SyncTransport): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const node = newNodeId();
    try {
      await t.renewNode(node);
      return node;
    } catch (err) {
      if (!(err instanceof SyncRefusal && err.code === 'node-taken') || attempt >= 3) throw err;
    }
  }
}

/** Recovers a replica found behind its own pushes; returns how many of its changes it fetched back. */
export async function recoverOwnChanges(
  store: Store,
  t: SyncTransport,
  opts: { page: number },
): Promise<{ recovered: number; notice: SyncNotice }> {
  const state: RecoveryState = recoveryUnderWay(store) ?? { recovered: 0, knownAtStart: ownCheck(store).known };
  const knownAtStart = state.knownAtStart === undefined || state.knownAtStart === 'none' ? null : state.knownAtStart;
  store.setMeta(RECOVERY_META, JSON.stringify(state));
  // The new node first: a change of the copy stamped like a fetched one moves to it (adoptOwnChanges).
  if (state.node) await t.renewNode(state.node);
  else {
    state.node = await registerNewNode(t);
    store.setMeta(RECOVERY_META, JSON.stringify(state));
  }
  const node = state.node;
  // From the pull cursor (the copy's): every change pushed after the copy has a higher sequence.
  let after = pullCursor(store);
  for (;;) {
    const res = await t.pull(after, opts.page, { own: true });
    store.tx(() => {
      state.recovered += adoptOwnChanges(store, res.changes, node, knownAtStart);
      applyRemote(store, res.changes.map(fromChange));
      forgetAcknowledged(store);
      store.setMeta(RECOVERY_META, JSON.stringify(state));
    });
    after = res.cursor;
    if (!res.hasMore) break;
  }
  const previous = syncNotices(store).find((n) => n.code === 'restored-copy');
  const repeated = !!previous && store.nowDate().getTime() - Date.parse(previous.at) < REPEAT_WINDOW_MS;
  const notice: SyncNotice = { at: store.nowIso(), code: 'restored-copy', message: recoveryMessage(state.recovered, repeated), recovered: state.recovered };
  store.tx(() => {
    // the clock has moved past every fetched stamp (applyRemote); it continues under the new node
    store.renewNode(node);
    moveOutboxToNode(store, node);
    keepNotice(store, notice);
    store.setMeta(RECOVERY_META, '');
  });
  return { recovered: state.recovered, notice };
}
