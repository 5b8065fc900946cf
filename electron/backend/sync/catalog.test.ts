/**
 * The PC's SQLite schema covers the shared wire catalog exactly: the synced tables of the drizzle
 * schema are the catalog's tables, with the same columns, kinds, nullability, defaults and enumerated
 * values; and the migrated database file has every catalog column.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { getTableConfig, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { SYNCED_TABLES } from '../db/schema';
import { SYNC_CATALOG, WIRE_TABLES } from '../../../shared/sync/catalog';
import type { ColumnKind } from '../../../shared/sync/columns';
import { createBackend } from '../app';

function kindOf(col: SQLiteColumn): ColumnKind | string {
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
      return `unsupported ${col.columnType}`;
  }
}

/** The catalog the drizzle schema describes, in the catalog's own shape. */
function fromDrizzle(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, table] of Object.entries(SYNCED_TABLES)) {
    const cols: Record<string, unknown> = {};
    for (const col of getTableConfig(table).columns) {
      const enumValues = (col as unknown as { enumValues?: string[] }).enumValues;
      cols[col.name] = {
        kind: kindOf(col),
        notNull: col.notNull,
        hasDefault: col.hasDefault,
        ...(enumValues && enumValues.length > 0 ? { enumValues } : {}),
      };
    }
    out[name] = cols;
  }
  return out;
}

describe('the SQLite schema covers the wire catalog', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  test('the drizzle schema of the synced tables is the catalog, column by column', () => {
    expect(fromDrizzle()).toEqual(WIRE_TABLES);
    expect(Object.keys(SYNCED_TABLES)).toEqual([...SYNC_CATALOG.keys()]);
  });

  test('the migrated database file has every table and column of the catalog', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-catalog-'));
    dirs.push(dataDir);
    const backend = createBackend({ dataDir, logError: () => undefined });
    try {
      for (const [table, spec] of SYNC_CATALOG) {
        const cols = backend.store.sqlite.pragma(`table_info("${table}")`) as { name: string; notnull: number }[];
        const inFile = new Map(cols.map((c) => [c.name, c.notnull === 1]));
        const want = new Map([...spec.columns.values()].map((c) => [c.name, c.notNull]));
        expect(inFile, table).toEqual(want);
      }
    } finally {
      backend.close();
    }
  });
});
