/**
 * The outbox as wire changes: unpushed change_log rows in log order, and the bookkeeping after a
 * push (acknowledged changes leave the log, forget.ts; refused ones kept with the server's reason so the
 * 同步 page can show them — nothing is dropped silently; users changes waiting for a signed-in
 * user's ticket stay in the outbox).
 */
import type { Store } from '../store/store';
import type { Change, PushResponse } from '../../../shared/sync/wire';
import { forgetAcknowledged } from './forget';

interface LogRow {
  hlc: string;
  node_id: string;
  table_name: string;
  row_id: string;
  partition: string;
  fields: string;
}

/** `holdUsers`: users changes wait for a signed-in user's ticket (ticket.ts); the rest goes on. */
export function outboxBatch(store: Store, limit: number, opts: { holdUsers?: boolean } = {}): Change[] {
  const rows = store
    .prepare(
      "SELECT hlc, node_id, table_name, row_id, partition, fields FROM change_log WHERE pushed_at IS NULL AND (? = 0 OR table_name <> 'users') ORDER BY seq LIMIT ?",
    )
    .all(opts.holdUsers ? 1 : 0, limit) as LogRow[];
  return rows.map((r) => ({
    hlc: r.hlc,
    node: r.node_id,
    table: r.table_name,
    rowId: r.row_id,
    partition: r.partition,
    fields: JSON.parse(r.fields) as Change['fields'],
  }));
}

export function outboxCount(store: Store): number {
  return (store.prepare('SELECT count(*) AS n FROM change_log WHERE pushed_at IS NULL').get() as { n: number }).n;
}

/** Records the server's answer to a push, in one transaction. */
export function recordPushResult(store: Store, sent: Change[], res: PushResponse): void {
  const byHlc = new Map(sent.map((c) => [c.hlc, c]));
  const at = store.nowIso();
  const mark = store.prepare('UPDATE change_log SET pushed_at = ? WHERE hlc = ?');
  const reject = store.prepare(
    'INSERT INTO sync_rejections (hlc, table_name, row_id, code, message, field, fields, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ' +
      'ON CONFLICT(hlc) DO NOTHING',
  );
  store.tx(() => {
    for (const hlc of res.accepted) mark.run(at, hlc);
    for (const r of res.rejected) {
      const c = byHlc.get(r.hlc);
      // Not refused for good: it waits in the outbox for a signed-in user's ticket.
      if (!c || r.code === 'admin-proof-required') continue;
      reject.run(r.hlc, c.table, c.rowId, r.code, r.message, r.field ?? null, JSON.stringify(c.fields), at);
      mark.run(at, r.hlc);
    }
    forgetAcknowledged(store);
    store.setMeta('sync_last_push', at);
  });
}

export interface OpenRejection {
  hlc: string;
  tableName: string;
  rowId: string;
  code: string;
  message: string;
  field: string | null;
  fields: Record<string, unknown>;
  at: string;
}

export function openRejections(store: Store): OpenRejection[] {
  const rows = store
    .prepare(
      'SELECT hlc, table_name, row_id, code, message, field, fields, at FROM sync_rejections WHERE resolved_at IS NULL ORDER BY at, hlc',
    )
    .all() as { hlc: string; table_name: string; row_id: string; code: string; message: string; field: string | null; fields: string; at: string }[];
  return rows.map((r) => ({
    hlc: r.hlc,
    tableName: r.table_name,
    rowId: r.row_id,
    code: r.code,
    message: r.message,
    field: r.field,
    fields: JSON.parse(r.fields) as Record<string, unknown>,
    at: r.at,
  }));
}
