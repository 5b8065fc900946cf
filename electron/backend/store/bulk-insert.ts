/**
 * Many rows of one synced table written as Store.insert writes one (store.ts): each row inserted
 * and read back as stored (RETURNING *: defaults included), stamped with its own tick of the clock,
 * with one row clock (sync/clocks.ts) and one change-log entry of its own. The rows, outbox and
 * clocks are the same as row by row (store.test.ts holds them to it); only the statements are
 * fewer: field clocks and change-log entries CHUNK rows to a statement, the replica's last stamp
 * saved once. For imports of thousands of rows (department data, issue 17).
 */
import type { SyncedTableName } from '../db/schema';
import { rowClockField } from '../sync/clocks';
import type { Store } from './store';
import { rowPartition, storedRow } from './table-meta';

/** Rows per multi-row statement (6 parameters each for the change log: well under SQLite's limit). */
const CHUNK = 64;

const repeat = (n: number, values: string) => Array.from({ length: n }, () => values).join(', ');

/** The field clocks of one or more changes, `n` rows in one statement (a later stamp replaces an earlier). */
export function fieldClocksSql(n: number): string {
  return `INSERT INTO field_clocks (table_name, row_id, field, hlc) VALUES ${repeat(n, '(?, ?, ?, ?)')} ON CONFLICT(table_name, row_id, field) DO UPDATE SET hlc = excluded.hlc`;
}

/** `n` change-log entries (the outbox) in one statement. */
export function changeLogSql(n: number): string {
  return `INSERT INTO change_log (hlc, node_id, table_name, row_id, partition, fields) VALUES ${repeat(n, '(?, ?, ?, ?, ?, ?)')}`;
}

/** Inserts the rows (camelCase keys) inside the caller's transaction; returns their ids in order. */
export function insertRows(store: Store, table: SyncedTableName, rows: readonly Record<string, unknown>[], newId: () => string): string[] {
  const ids: string[] = [];
  let clocks: unknown[] = [];
  let changes: unknown[] = [];
  let last: string | null = null;
  const flush = () => {
    if (clocks.length > 0) store.prepare(fieldClocksSql(clocks.length / 4)).run(...clocks);
    if (changes.length > 0) store.prepare(changeLogSql(changes.length / 6)).run(...changes);
    clocks = [];
    changes = [];
  };
  for (const values of rows) {
    const id = typeof values.id === 'string' ? values.id : newId();
    const { names, args } = storedRow(table, values, id, store.nowIso());
    const hlc = store.clock.tick();
    const stored = store
      .prepare(`INSERT INTO ${table} (${names}) VALUES (${args.map(() => '?').join(', ')}) RETURNING *`)
      .get(...args) as Record<string, unknown>;
    const columns = Object.keys(stored);
    const rowClock = rowClockField(store, table, columns);
    for (const field of rowClock === null ? columns : [rowClock]) clocks.push(table, id, field, hlc);
    changes.push(hlc, store.nodeId, table, id, rowPartition(table, stored), JSON.stringify(stored));
    ids.push(id);
    last = hlc;
    if (changes.length >= CHUNK * 6 || clocks.length >= CHUNK * 4) flush();
  }
  flush();
  if (last !== null) store.setMeta('hlc', last);
  return ids;
}
