/**
 * The server's PostgreSQL schema covers the shared wire catalog: a full row of every catalog table,
 * a value in every column, pushed by a street device, passes the server's checks, is stored in the
 * change log and the merged state, and comes back from a pull exactly as it was sent (kinds kept:
 * text as text, integers and 0/1 as numbers, JSON as its text). A column outside the catalog, or a
 * value of the wrong kind, is refused by name.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { openServerDb, type OpenedServerDb } from '../db/open';
import { syncRows } from '../db/schema';
import { SYNC_CATALOG } from '../../shared/sync/catalog';
import { textFormat, type ColumnSpec } from '../../shared/sync/columns';
import { formatHlc } from '../../shared/hlc';
import { uuidv7 } from '../../shared/uuid';
import type { Change } from '../../shared/sync/wire';
import { pullChanges, pushChanges, type Pusher } from './log';

const STREET = '120110001000';
const NODE = 'catalognode';
const NOW = new Date('2026-03-10T02:00:00.000Z');
let opened: OpenedServerDb;

/** A value the column's kind and format accept, different per column so that a mix-up shows. */
function sample(table: string, col: ColumnSpec, i: number): string | number | null {
  if (col.name === 'deleted_at') return null; // a new audit or batch row may not arrive deleted
  if (col.name === 'street_code') return STREET;
  if (table === 'users' && col.name === 'role') return 'caseworker'; // no device raises a role higher
  if (col.enumValues) return col.enumValues[col.enumValues.length - 1]!;
  switch (col.kind) {
    case 'integer':
      return 1000 + i;
    case 'boolean':
      return i % 2;
    case 'json':
      return JSON.stringify({ 样例: [i, `值${i}`] });
    case 'text':
      switch (textFormat(col.name)) {
        case 'instant':
          return `2026-03-0${1 + (i % 9)}T02:00:00.000Z`;
        case 'date':
          return `2001-02-${String(1 + (i % 28)).padStart(2, '0')}`;
        case 'month':
          return `2026-${String(1 + (i % 12)).padStart(2, '0')}`;
        case 'text':
          return `样例 ${table}.${col.name}`;
      }
  }
}

function fullRow(table: string, rowId: string): Change['fields'] {
  const spec = SYNC_CATALOG.get(table)!;
  const fields = Object.fromEntries([...spec.columns.values()].map((c, i) => [c.name, sample(table, c, i)]));
  return { ...fields, id: rowId };
}

let counter = 0;
const change = (table: string, rowId: string, fields: Change['fields']): Change => ({
  hlc: formatHlc({ millis: NOW.getTime() - 1000, counter: counter++, node: NODE }),
  node: NODE,
  table,
  rowId,
  partition: STREET,
  fields,
});

const device: Pusher = {
  deviceId: 'catalog-device',
  node: NODE,
  scope: { kind: 'street', partition: STREET },
  enrolledAt: NOW.toISOString(), // may bring new accounts without a ticket (authority.ts)
};

beforeAll(async () => {
  opened = await openServerDb({});
}, 60_000);

afterAll(async () => {
  await opened?.close();
});

describe('the server stores every column of the wire catalog', () => {
  test('a full row of every table is accepted, stored and pulled back unchanged', async () => {
    const rows = [...SYNC_CATALOG.keys()].map((table) => change(table, uuidv7(NOW.getTime()), fullRow(table, '')));
    for (const c of rows) c.fields.id = c.rowId;
    const pushed = await pushChanges(opened.db, device, rows, NOW);
    expect(pushed.rejected).toEqual([]);
    expect(pushed.accepted).toHaveLength(SYNC_CATALOG.size);

    for (const c of rows) {
      const [stored] = await opened.db
        .select({ fields: syncRows.fields, partition: syncRows.partition })
        .from(syncRows)
        .where(and(eq(syncRows.tableName, c.table), eq(syncRows.rowId, c.rowId)));
      expect(stored, c.table).toEqual({ fields: c.fields, partition: STREET });
    }

    const pulled = await pullChanges(opened.db, { id: 'other-device', scope: { kind: 'street', partition: STREET } }, 0, 1000, NOW);
    const byRow = new Map(pulled.changes.map((p) => [p.rowId, p]));
    for (const c of rows) expect(byRow.get(c.rowId)?.fields, c.table).toEqual(c.fields);
  });

  test('a column outside the catalog and a value of the wrong kind are refused by name', async () => {
    const id = uuidv7(NOW.getTime());
    const unknown = change('households', id, { ...fullRow('households', id), hukou_code: '农业' });
    const wrongKind = change('communities', uuidv7(NOW.getTime()), { sort_order: '三' });
    const { rejected } = await pushChanges(opened.db, device, [unknown, wrongKind], NOW);
    expect(rejected.map((r) => [r.code, r.field])).toEqual([
      ['unknown-column', 'hukou_code'],
      ['bad-value', 'sort_order'],
    ]);
  });
});
