import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openServerDb, type OpenedServerDb } from '../db/open';
import { syncRows } from '../db/schema';
import type { SnapshotResponse } from '../../shared/sync/wire';
import { snapshotPageJson } from './snapshot';

const A = '120110001000';
const B = '120110002000';
let opened: OpenedServerDb;

beforeAll(async () => {
  opened = await openServerDb({});
  const rows = [
    ['policy_params', 'p1', 'district'],
    ['users', 'u9', 'district'],
    ['communities', 'c1', A],
    ['persons', 'x2', A],
    ['persons', 'x1', A],
    ['households', 'h1', A],
    ['persons', 'y1', B],
    ['communities', 'c2', B],
    ['enrolment_steps', 's1', A],
    ['enrolments', 'e1', A],
  ] as const;
  await opened.db.insert(syncRows).values(rows.map(([t, id, p], i) => ({ tableName: t, rowId: id, partition: p, fields: { id }, clocks: {}, seq: i + 1 })));
}, 60_000);

afterAll(async () => {
  await opened?.close();
});

async function snapshotPage(...args: Parameters<typeof snapshotPageJson>): Promise<SnapshotResponse> {
  return JSON.parse(await snapshotPageJson(...args)) as SnapshotResponse;
}

async function all(scope: { kind: 'street' | 'district'; partition: string }, limit: number, first?: string) {
  const got: string[] = [];
  let after = first;
  for (let i = 0; i < 20; i++) {
    const page = await snapshotPage(opened.db, { scope }, { after, cursor: 8, limit }, new Date());
    got.push(...page.rows.map((r) => `${r.partition}:${r.table}/${r.rowId}`));
    if (page.next === null) return got;
    after = page.next;
  }
  throw new Error('snapshot did not end');
}

describe('snapshot pages', () => {
  const streetA = [
    'district:policy_params/p1', 'district:users/u9',
    `${A}:communities/c1`, `${A}:households/h1`, `${A}:persons/x1`, `${A}:persons/x2`, `${A}:enrolments/e1`, `${A}:enrolment_steps/s1`,
  ];

  test('a street device gets district-wide rows first, then its street, parents before children, each row once, in any page size', async () => {
    for (const limit of [1, 2, 5, 8, 100]) expect(await all({ kind: 'street', partition: A }, limit)).toEqual(streetA);
  });

  test('a district device gets every row, table by table parents first', async () => {
    const got = await all({ kind: 'district', partition: 'district' }, 3);
    expect(got).toHaveLength(10);
    expect(got.slice(0, 2).sort()).toEqual([`${A}:communities/c1`, `${B}:communities/c2`]);
    expect(got.slice(-2)).toEqual([`${A}:enrolments/e1`, `${A}:enrolment_steps/s1`]);
  });

  test('a device that began in the name order of an older server goes on in that order to the end, missing nothing', async () => {
    // What an older server sent a street device: partition by partition, (table, row id); its
    // position after each row is where such a device may have stopped.
    const older = ['district:policy_params/p1', 'district:users/u9', `${A}:communities/c1`, `${A}:enrolment_steps/s1`, `${A}:enrolments/e1`, `${A}:households/h1`, `${A}:persons/x1`, `${A}:persons/x2`];
    for (let i = 0; i < older.length - 1; i++) {
      const [partition, rest] = older[i]!.split(':');
      const rest2 = await all({ kind: 'street', partition: A }, 2, `${partition}/${rest}`);
      expect(rest2, older[i]).toEqual(older.slice(i + 1));
    }
    const district = await all({ kind: 'district', partition: 'district' }, 2, 'enrolments/e1');
    expect(district).toEqual([`${A}:households/h1`, `${A}:persons/x1`, `${A}:persons/x2`, `${B}:persons/y1`, 'district:policy_params/p1', 'district:users/u9']);
  });

  test('asked for row clocks, a row whose fields share one clock comes with `clock`; any other row keeps `clocks`', async () => {
    const C = '120110003000';
    const h1 = '001795912000115-0000-abcdef0123456789';
    const h2 = '001795912000999-0000-abcdef0123456789';
    await opened.db.insert(syncRows).values([
      { tableName: 'communities', rowId: 'same', partition: C, fields: { id: 'same', name: '甲' }, clocks: { id: h1, name: h1 }, seq: 20 },
      { tableName: 'communities', rowId: 'mixed', partition: C, fields: { id: 'mixed', name: '乙' }, clocks: { id: h1, name: h2 }, seq: 21 },
      { tableName: 'communities', rowId: 'unclocked', partition: C, fields: { id: 'unclocked', name: '丙' }, clocks: { id: h1 }, seq: 22 },
    ]);
    const scope = { kind: 'street' as const, partition: C };
    const rowPage = await snapshotPage(opened.db, { scope }, { cursor: 22, limit: 10, clocks: 'row' }, new Date());
    expect(rowPage.rows.filter((r) => r.partition === C)).toEqual([
      { table: 'communities', rowId: 'mixed', partition: C, fields: { id: 'mixed', name: '乙' }, clocks: { id: h1, name: h2 } },
      { table: 'communities', rowId: 'same', partition: C, fields: { id: 'same', name: '甲' }, clock: h1 },
      { table: 'communities', rowId: 'unclocked', partition: C, fields: { id: 'unclocked', name: '丙' }, clocks: { id: h1 } },
    ]);
    // Older clients do not ask, and get a clock per field on every row.
    const fieldPage = await snapshotPage(opened.db, { scope }, { cursor: 22, limit: 10 }, new Date());
    expect(fieldPage.rows.filter((r) => r.partition === C).map((r) => 'clocks' in r)).toEqual([true, true, true]);
  });

  test('a position in another form, of another street or of an unknown table starts the street snapshot again', async () => {
    for (const p of ['households/h1', `${B}/households/h1`, `deps/${B}/households/h1`, `deps/${A}/no_such_table/x`, 'deps/', 'x']) {
      expect(await all({ kind: 'street', partition: A }, 100, p), p).toEqual(streetA);
    }
  });
});
