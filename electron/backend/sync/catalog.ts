/** The sync catalog (tables, columns, kinds) derived from the drizzle schema of the synced tables. */
import { getTableConfig, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { SYNCED_TABLES } from '../db/schema';
import type { Catalog, ColumnKind, ColumnSpec, TableSpec } from '../../../shared/sync/columns';

function kindOf(col: SQLiteColumn): ColumnKind {
  switch (col.columnType) {
    case 'SQLiteInteger':
      return 'integer';
    case 'SQLiteBoolean':
      return 'boolean';
    case 'SQLiteTextJson':
      return 'json';
    case 'SQLiteText':
      return 'text';
    default:
      throw new Error(`column type ${col.columnType} of ${col.name} is not supported by sync`);
  }
}

function buildCatalog(): Catalog {
  const out = new Map<string, TableSpec>();
  for (const [name, table] of Object.entries(SYNCED_TABLES)) {
    const columns = new Map<string, ColumnSpec>();
    for (const col of getTableConfig(table).columns) {
      const enumValues = (col as unknown as { enumValues?: string[] }).enumValues;
      columns.set(col.name, {
        name: col.name,
        kind: kindOf(col),
        notNull: col.notNull,
        hasDefault: col.hasDefault,
        ...(enumValues && enumValues.length > 0 ? { enumValues } : {}),
      });
    }
    const required = [...columns.values()].filter((c) => c.notNull && !c.hasDefault).map((c) => c.name);
    out.set(name, { name, columns, required });
  }
  return out;
}

export const SYNC_CATALOG: Catalog = buildCatalog();
