import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openServerDb, type OpenedServerDb } from '../db/open';
import { syncRows } from '../db/schema';
import { snapshotPage } from './snapshot';

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
  ] as const;
  await opened.db.insert(syncRows).values(rows.map(([t, id, p], i) => ({ tableName: t, rowId: id, partition: p, fields: { id }, clocks: {}, seq: i + 1 })));
}, 60_000);

afterAll(async () => {
  await opened?.close();
});

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
  test('a street device gets district-wide rows first, then its street, each row once, in any page size', async () => {
    const want = ['district:policy_params/p1', 'district:users/u9', `${A}:communities/c1`, `${A}:households/h1`, `${A}:persons/x1`, `${A}:persons/x2`];
    for (const limit of [1, 2, 5, 6, 100]) expect(await all({ kind: 'street', partition: A }, limit)).toEqual(want);
  });

  test('a district device gets every row in table and row order', async () => {
    const got = await all({ kind: 'district', partition: 'district' }, 3);
    expect(got).toHaveLength(8);
    expect(got[0]).toBe(`${A}:communities/c1`);
  });

  test('a position in the older form starts the street snapshot again', async () => {
    expect((await all({ kind: 'street', partition: A }, 100, 'households/h1'))[0]).toBe('district:policy_params/p1');
  });
});
