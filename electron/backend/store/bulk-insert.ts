/**
 * Many rows of one synced table written as Store.insert writes one (store.ts): each row inserted
 * and read back as stored (RETURNING *: defaults included), stamped with its own tick of the clock,
 * with one row clock (sync/clocks.ts) and one change-log entry of its own. The rows, outbox and
 * clocks are the same as row by row (store.test.ts holds them to it); only the statements are
 * fewer: field clocks and change-log entries CHUNK rows to a statement, the replica's last stamp
 * saved once (change-entries.ts: the same rule as Store.insert's). For imports of thousands of
 * rows (department data, issue 17).
 */
import type { SyncedTableName } from '../db/schema';
import { ChangeEntries } from './change-entries';
import type { Store } from './store';
import { rowPartition, storedRow } from './table-meta';

/** Inserts the rows (camelCase keys) inside the caller's transaction; returns their ids in order. */
export function insertRows(store: Store, table: SyncedTableName, rows: readonly Record<string, unknown>[], newId: () => string): string[] {
  const ids: string[] = [];
  const entries = new ChangeEntries(store);
  for (const values of rows) {
    const id = typeof values.id === 'string' ? values.id : newId();
    const { names, args } = storedRow(table, values, id, store.nowIso());
    const hlc = store.clock.tick();
    const stored = store
      .prepare(`INSERT INTO ${table} (${names}) VALUES (${args.map(() => '?').join(', ')}) RETURNING *`)
      .get(...args) as Record<string, unknown>;
    entries.add(table, id, rowPartition(table, stored), stored, hlc, true);
    ids.push(id);
  }
  entries.write();
  return ids;
}
