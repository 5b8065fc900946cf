/** The synced tables' columns as the store writes them: camelCase key <-> SQL name, and the driver value. */
import { getTableConfig, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { SYNCED_TABLES, type SyncedTableName } from '../db/schema';

export interface ColumnMeta {
  key: string;
  name: string;
  column: SQLiteColumn;
}

export interface TableMeta {
  name: SyncedTableName;
  byKey: Map<string, ColumnMeta>;
  byName: Map<string, ColumnMeta>;
}

export const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt']);

function buildMeta(name: SyncedTableName): TableMeta {
  const cfg = getTableConfig(SYNCED_TABLES[name]);
  const byKey = new Map<string, ColumnMeta>();
  const byName = new Map<string, ColumnMeta>();
  const table = SYNCED_TABLES[name] as unknown as Record<string, SQLiteColumn>;
  for (const col of cfg.columns) {
    const key = Object.keys(table).find((k) => table[k] === col);
    if (!key) continue;
    const m = { key, name: col.name, column: col };
    byKey.set(key, m);
    byName.set(col.name, m);
  }
  return { name, byKey, byName };
}

const META: Record<SyncedTableName, TableMeta> = Object.fromEntries(
  (Object.keys(SYNCED_TABLES) as SyncedTableName[]).map((n) => [n, buildMeta(n)]),
) as Record<SyncedTableName, TableMeta>;

export function tableMeta(name: SyncedTableName): TableMeta {
  return META[name];
}

export function toDriver(col: ColumnMeta, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  return col.column.mapToDriverValue(value);
}


/** The partition (street) a synced row belongs to. */
export function rowPartition(table: string, row: Record<string, unknown>): string {
  if (typeof row.street_code !== 'string') throw new Error(`row of ${table} has no partition`);
  return row.street_code;
}

/** A row as the store inserts it: `id`, created and updated at `at`, columns by SQL name (quoted) and driver values. */
export function storedRow(table: SyncedTableName, values: Record<string, unknown>, id: string, at: string): { names: string; args: unknown[] } {
  const meta = META[table];
  const names: string[] = [];
  const args: unknown[] = [];
  for (const [key, value] of Object.entries({ ...values, id, createdAt: at, updatedAt: at })) {
    const col = meta.byKey.get(key);
    if (!col) throw new Error(`unknown column ${table}.${key}`);
    if (value === undefined) continue;
    names.push(`"${col.name}"`);
    args.push(toDriver(col, value));
  }
  return { names: names.join(', '), args };
}
