/**
 * The outbox side of a write, one rule for every write path (store.ts insert/update/audit and
 * insertMany): which field clocks a change gets, its change-log entry, and the replica's last stamp
 * saved after. A single change is written at once; many (bulk-insert.ts) CHUNK to a statement.
 */
import { rowClockField } from '../sync/clocks';
import type { Store } from './store';

/** Changes per multi-row statement (6 parameters each for the change log: well under SQLite's limit). */
const CHUNK = 64;

const repeat = (n: number, values: string) => Array.from({ length: n }, () => values).join(', ');

/** The field clocks of one or more changes, `n` rows in one statement (a later stamp replaces an earlier). */
function fieldClocksSql(n: number): string {
  return `INSERT INTO field_clocks (table_name, row_id, field, hlc) VALUES ${repeat(n, '(?, ?, ?, ?)')} ON CONFLICT(table_name, row_id, field) DO UPDATE SET hlc = excluded.hlc`;
}

/** `n` change-log entries (the outbox) in one statement. */
function changeLogSql(n: number): string {
  return `INSERT INTO change_log (hlc, node_id, table_name, row_id, partition, fields) VALUES ${repeat(n, '(?, ?, ?, ?, ?, ?)')}`;
}

/** Change-log entries and field clocks gathered until `write` (inside the caller's transaction). */
export class ChangeEntries {
  private clocks: unknown[] = [];
  private changes: unknown[] = [];
  private last: string | null = null;

  constructor(private readonly store: Store) {}

  /**
   * One change stamped `hlc` (ticked by the caller before its write). A row written `whole` (every
   * column) is stamped with one row clock (sync/clocks.ts), an update field by field.
   */
  add(table: string, rowId: string, partition: string, fields: Record<string, unknown>, hlc: string, whole: boolean): void {
    const rowClock = whole ? rowClockField(this.store, table, Object.keys(fields)) : null;
    for (const field of rowClock === null ? Object.keys(fields) : [rowClock]) this.clocks.push(table, rowId, field, hlc);
    this.changes.push(hlc, this.store.nodeId, table, rowId, partition, JSON.stringify(fields));
    this.last = hlc;
    if (this.changes.length >= CHUNK * 6 || this.clocks.length >= CHUNK * 4) this.flush();
  }

  /** Writes what is gathered and saves the last stamp as the replica's own. */
  write(): void {
    this.flush();
    if (this.last !== null) this.store.setMeta('hlc', this.last);
    this.last = null;
  }

  private flush(): void {
    if (this.clocks.length > 0) this.store.prepare(fieldClocksSql(this.clocks.length / 4)).run(...this.clocks);
    if (this.changes.length > 0) this.store.prepare(changeLogSql(this.changes.length / 6)).run(...this.changes);
    this.clocks = [];
    this.changes = [];
  }
}
