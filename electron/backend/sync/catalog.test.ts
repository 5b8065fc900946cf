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
import { SYNC_CATALOG, SYNC_TABLE_ORDER, WIRE_TABLES } from '../../../shared/sync/catalog';
import type { ColumnKind } from '../../../shared/sync/columns';
import { createBackend } from '../app';
import { removeTestDir } from '../testing/remove-dir';

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

/** The catalog the drizzle schema describes, in the catalog's own shape (a foreign key names its table). */
function fromDrizzle(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, table] of Object.entries(SYNCED_TABLES)) {
    const cols: Record<string, unknown> = {};
    const parents = new Map<string, string>();
    for (const fk of getTableConfig(table).foreignKeys) {
      const ref = fk.reference();
      for (const c of ref.columns) parents.set(c.name, getTableConfig(ref.foreignTable).name);
    }
    for (const col of getTableConfig(table).columns) {
      const enumValues = (col as unknown as { enumValues?: string[] }).enumValues;
      cols[col.name] = {
        kind: kindOf(col),
        notNull: col.notNull,
        hasDefault: col.hasDefault,
        ...(enumValues && enumValues.length > 0 ? { enumValues } : {}),
        ...(parents.has(col.name) ? { references: parents.get(col.name) } : {}),
      };
    }
    out[name] = cols;
  }
  return out;
}

describe('the SQLite schema covers the wire catalog', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => removeTestDir(d)));

  test('the drizzle schema of the synced tables is the catalog, column by column', () => {
    expect(fromDrizzle()).toEqual(WIRE_TABLES);
    expect(Object.keys(SYNCED_TABLES)).toEqual([...SYNC_CATALOG.keys()]);
  });

  test('the tables in parents-first order: each after every table its foreign keys name, all of them once', () => {
    expect([...SYNC_TABLE_ORDER].sort()).toEqual([...SYNC_CATALOG.keys()].sort());
    const rank = new Map(SYNC_TABLE_ORDER.map((t, i) => [t as string, i]));
    let edges = 0;
    for (const [name, table] of Object.entries(SYNCED_TABLES)) {
      for (const fk of getTableConfig(table).foreignKeys) {
        const parent = getTableConfig(fk.reference().foreignTable).name;
        if (parent === name) continue;
        expect(rank.get(parent)!, `${parent} before ${name}`).toBeLessThan(rank.get(name)!);
        edges++;
      }
    }
    expect(edges).toBeGreaterThan(20);
    // name order, as snapshots were sent before, put these children first
    for (const [parent, child] of [['households', 'enrolments'], ['enrolments', 'enrolment_steps'], ['caregivers', 'care_agreements'], ['ledger_items', 'ledger_events'], ['payment_batches', 'payment_batch_rows']] as const) {
      expect(rank.get(parent)!).toBeLessThan(rank.get(child)!);
    }
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
