/**
 * Field clocks of the local replica (field_clocks): the HLC of each stored field value, the basis
 * of field-level last-writer-wins.
 *
 * Row clocks: a row written whole under one stamp (a local insert or audit event, store.ts; a
 * remote row stored as new that carries every column under one clock: an insert, a snapshot row
 * not changed since) gets ONE entry, field `*<n>`, instead of one per column, where n is the number
 * of the table's columns when it was stamped, in SQLite's column order (which additive schema
 * changes only extend), so that a column added by a later upgrade is not covered. A field gets an
 * entry of its own only when a later write stamps it. A column's clock is the newer of its own
 * entry and the row clock (if that covers the column): the row clock stamped every column, so an
 * older own entry was overwritten by it. One entry per column was 14 times the data (issue 19)
 * and a third of a bootstrap's cost (bench sync-bootstrap).
 */
import type { Store } from '../store/store';

const ROW_CLOCK = '*';

/** Rows of field clocks per INSERT statement (4 parameters each, well under SQLite's limit). */
const CLOCKS_PER_STATEMENT = 64;

const columnOrders = new WeakMap<Store, Map<string, Map<string, number>>>();

/** Column name -> position (cid) of a table, as SQLite stores it. */
export function columnOrder(store: Store, table: string): Map<string, number> {
  let byTable = columnOrders.get(store);
  if (!byTable) {
    byTable = new Map();
    columnOrders.set(store, byTable);
  }
  let order = byTable.get(table);
  if (!order) {
    const cols = store.sqlite.pragma(`table_info("${table}")`) as { cid: number; name: string }[];
    order = new Map(cols.map((c) => [c.name, c.cid]));
    byTable.set(table, order);
  }
  return order;
}

export interface RowClocks {
  /** Entries stored for the row (0: the replica never stored a clock of it). */
  size: number;
  /** The clock of a field's stored value, if any. */
  get(field: string): string | undefined;
}

export function clocksOf(store: Store, table: string, rowId: string): RowClocks {
  const rows = store.prepare('SELECT field, hlc FROM field_clocks WHERE table_name = ? AND row_id = ?').all(table, rowId) as {
    field: string;
    hlc: string;
  }[];
  const own = new Map<string, string>();
  let row: { hlc: string; columns: number } | null = null;
  for (const r of rows) {
    if (r.field.startsWith(ROW_CLOCK)) row = { hlc: r.hlc, columns: Number(r.field.slice(ROW_CLOCK.length)) };
    else own.set(r.field, r.hlc);
  }
  return {
    size: rows.length,
    get(field) {
      const mine = own.get(field);
      if (!row || (mine !== undefined && mine >= row.hlc)) return mine;
      const cid = columnOrder(store, table).get(field);
      return cid !== undefined && cid < row.columns ? row.hlc : mine;
    },
  };
}

/**
 * The field of the row clock entry for a row holding these columns, when they are columns of the
 * table and cover every one of them (`id` aside); else null.
 */
export function rowClockField(store: Store, table: string, columns: Iterable<string>): string | null {
  const order = columnOrder(store, table);
  const have = new Set(columns);
  for (const col of order.keys()) if (col !== 'id' && !have.has(col)) return null;
  for (const col of have) if (!order.has(col)) return null;
  return `${ROW_CLOCK}${order.size}`;
}

/**
 * The row clock for a row about to be inserted with these fields and clocks, when they cover
 * every column of the table with one clock; else null.
 */
export function rowClockFor(store: Store, table: string, clocks: Record<string, string>): Record<string, string> | null {
  const field = rowClockField(store, table, Object.keys(clocks));
  if (field === null) return null;
  let hlc: string | undefined;
  for (const [col, h] of Object.entries(clocks)) {
    if (col === 'id') continue;
    if (hlc !== undefined && h !== hlc) return null;
    hlc = h;
  }
  return hlc === undefined ? null : { [field]: hlc };
}

const UPSERT_CLOCKS = (rows: number) =>
  `INSERT INTO field_clocks (table_name, row_id, field, hlc) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?)').join(', ')} ` +
  'ON CONFLICT(table_name, row_id, field) DO UPDATE SET hlc = excluded.hlc WHERE excluded.hlc > field_clocks.hlc';

/** Stores one clock (table, row id, field, hlc) if newer than the one stored. */
export const STAMP_ONE = UPSERT_CLOCKS(1);

/** Stores clocks of a row's fields, each only if newer than the one stored. */
export function stampClocks(store: Store, table: string, rowId: string, clocks: Record<string, string>): void {
  const entries = Object.entries(clocks);
  for (let i = 0; i < entries.length; i += CLOCKS_PER_STATEMENT) {
    const part = entries.slice(i, i + CLOCKS_PER_STATEMENT);
    const args: string[] = [];
    for (const [field, hlc] of part) args.push(table, rowId, field, hlc);
    // One statement per field count, cached by the store.
    store.prepare(UPSERT_CLOCKS(part.length)).run(...args);
  }
}


/**
 * Forgets the clocks of some fields of a row (their next remote value wins), the other fields
 * keeping theirs: a row clock covering a dropped field is replaced by entries of the fields it
 * still stamps.
 */
export function dropFieldClocks(store: Store, table: string, rowId: string, fields: string[]): void {
  if (fields.length === 0) return;
  const clocks = clocksOf(store, table, rowId);
  const row = (store.prepare("SELECT field, hlc FROM field_clocks WHERE table_name = ? AND row_id = ? AND field LIKE '*%'").get(table, rowId) as
    | { field: string; hlc: string }
    | undefined);
  const drop = new Set(fields);
  if (row) {
    const covered = Number(row.field.slice(ROW_CLOCK.length));
    const keep: Record<string, string> = {};
    for (const [col, cid] of columnOrder(store, table)) {
      if (cid < covered && !drop.has(col)) keep[col] = clocks.get(col)!;
    }
    store.prepare('DELETE FROM field_clocks WHERE table_name = ? AND row_id = ? AND field = ?').run(table, rowId, row.field);
    stampClocks(store, table, rowId, keep);
  }
  const del = store.prepare('DELETE FROM field_clocks WHERE table_name = ? AND row_id = ? AND field = ?');
  for (const f of drop) del.run(table, rowId, f);
}
