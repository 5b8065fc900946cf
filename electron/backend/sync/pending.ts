/**
 * Parked remote fields (sync_pending): values for columns or tables this version does not know yet,
 * and for rows that cannot be stored yet (a required column or the parent row not arrived, a
 * constraint failing). Only the newest value per field is kept, so parking preserves last-writer-wins.
 */
import type { Store } from '../store/store';

export type PendingReason = 'unknown-table' | 'unknown-column' | 'row-missing' | 'constraint';

export interface PendingField {
  field: string;
  partition: string;
  value: string | number | null;
  hlc: string;
  reason: PendingReason;
}

export function park(
  store: Store,
  table: string,
  rowId: string,
  partition: string,
  fields: Record<string, { value: unknown; hlc: string }>,
  reason: PendingReason,
): void {
  const stmt = store.prepare(
    'INSERT INTO sync_pending (table_name, row_id, field, partition, value, hlc, reason) VALUES (?, ?, ?, ?, ?, ?, ?) ' +
      'ON CONFLICT(table_name, row_id, field) DO UPDATE SET value = excluded.value, hlc = excluded.hlc, ' +
      'partition = excluded.partition, reason = excluded.reason WHERE excluded.hlc > sync_pending.hlc',
  );
  for (const [field, f] of Object.entries(fields)) {
    stmt.run(table, rowId, field, partition, JSON.stringify(f.value ?? null), f.hlc, reason);
  }
}

export function pendingOf(store: Store, table: string, rowId: string): PendingField[] {
  const rows = store
    .prepare('SELECT field, partition, value, hlc, reason FROM sync_pending WHERE table_name = ? AND row_id = ?')
    .all(table, rowId) as (Omit<PendingField, 'value'> & { value: string })[];
  return rows.map((r) => ({ ...r, value: JSON.parse(r.value) as PendingField['value'] }));
}

export function dropPending(store: Store, table: string, rowId: string, fields: string[]): void {
  const stmt = store.prepare('DELETE FROM sync_pending WHERE table_name = ? AND row_id = ? AND field = ?');
  for (const f of fields) stmt.run(table, rowId, f);
}

export function markPending(store: Store, table: string, rowId: string, fields: string[], reason: PendingReason): void {
  const stmt = store.prepare('UPDATE sync_pending SET reason = ? WHERE table_name = ? AND row_id = ? AND field = ?');
  for (const f of fields) stmt.run(reason, table, rowId, f);
}

/** Distinct rows with parked fields. */
export function pendingRows(store: Store): { table: string; rowId: string }[] {
  return store.prepare('SELECT DISTINCT table_name AS "table", row_id AS rowId FROM sync_pending ORDER BY hlc').all() as {
    table: string;
    rowId: string;
  }[];
}

export function pendingCount(store: Store): number {
  return (store.prepare('SELECT count(*) AS n FROM sync_pending').get() as { n: number }).n;
}
