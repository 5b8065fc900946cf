import { afterEach, describe, expect, test } from 'vitest';
import { nameId } from '../../../shared/crypto/name-id';
import { makeHarness, TEST_STREET, type Harness } from '../testing/harness';
import { systemActor } from '../services/setup/street';
import { clocksOf, columnOrder } from '../sync/clocks';

let h: Harness;
afterEach(() => h?.close());

/** 150 communities (more than one statement's worth): some with defaults left to the table, some with an explicit null. */
const ROWS = Array.from({ length: 150 }, (_, i) => ({
  id: nameId(`bulk-insert-test/${i}`),
  streetCode: TEST_STREET.code,
  name: `第${i + 1}社区`,
  ...(i % 3 === 0 ? { kind: 'village' } : {}),
  contactName: i % 2 === 0 ? null : undefined,
  ...(i % 5 === 0 ? { sortOrder: i } : {}),
}));

/** Department records: a JSON column (facts) and a nullable one. */
const RECORDS = Array.from({ length: 70 }, (_, i) => ({
  id: nameId(`bulk-insert-test/record/${i}`),
  streetCode: TEST_STREET.code,
  importId: nameId('bulk-insert-test/import'),
  source: 'medical',
  personId: nameId(`bulk-insert-test/person/${i}`),
  householdId: nameId(`bulk-insert-test/household/${i % 7}`),
  idNumber: `12011019800101${String(1000 + i).slice(1)}X`,
  startOn: '2026-05-01',
  endOn: i % 2 ? '2026-05-31' : null,
  facts: { totalFen: 100_000 + i, selfPaidFen: 20_000 + i },
}));

/** What the rows left behind: the rows, their outbox entries in order, their field clocks, the saved stamp. */
function written(h: Harness, table = 'communities', given: { id: string }[] = ROWS) {
  const db = h.backend.store.sqlite;
  const ids = JSON.stringify(given.map((r) => r.id));
  return {
    rows: db.prepare(`SELECT * FROM ${table} WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`).all(ids),
    changes: db
      .prepare('SELECT hlc, node_id, table_name, row_id, partition, fields, pushed_at FROM change_log WHERE row_id IN (SELECT value FROM json_each(?)) ORDER BY seq')
      .all(ids),
    clocks: db.prepare('SELECT * FROM field_clocks WHERE row_id IN (SELECT value FROM json_each(?)) ORDER BY row_id, field').all(ids),
    hlc: h.backend.store.getMeta('hlc'),
  };
}

describe('bulk insert (Store.insertMany)', () => {
  test('writes the same rows, outbox entries and field clocks as insert row by row', async () => {
    const at = new Date('2026-06-15T04:00:00.000Z');
    h = await makeHarness({ now: () => at });
    const store = h.backend.store;
    const start = store.clock.current();
    let oneByOne: ReturnType<typeof written> | null = null;
    expect(() =>
      store.tx(() => {
        for (const r of ROWS) store.insert('communities', r, systemActor(TEST_STREET.code), null);
        oneByOne = written(h);
        throw new Error('roll back');
      }),
    ).toThrow('roll back');
    expect(written(h).rows).toEqual([]);
    store.clock.reset(start); // the same stamps again

    const ids = store.tx(() => store.insertMany('communities', ROWS));
    expect(ids).toEqual(ROWS.map((r) => r.id));
    const bulk = written(h);
    expect(oneByOne).not.toBeNull();
    expect(bulk.rows).toHaveLength(ROWS.length);
    expect(bulk.changes).toHaveLength(ROWS.length);
    expect(bulk).toEqual(oneByOne);
    // each row whole under its own stamp: one row clock covering every column, defaults logged as stored
    const first = bulk.changes[0] as { row_id: string; hlc: string; fields: string };
    expect(JSON.parse(first.fields)).toMatchObject({ kind: 'village', sort_order: 0, contact_name: null });
    expect(clocksOf(store, 'communities', first.row_id).get('name')).toBe(first.hlc);
    expect((bulk.clocks as { field: string }[]).every((c) => c.field === `*${columnOrder(store, 'communities').size}`)).toBe(true);
  });

  test('a JSON column is written and logged as insert writes it', async () => {
    const at = new Date('2026-06-15T04:00:00.000Z');
    h = await makeHarness({ now: () => at });
    const store = h.backend.store;
    const start = store.clock.current();
    let oneByOne: ReturnType<typeof written> | null = null;
    expect(() =>
      store.tx(() => {
        for (const r of RECORDS) store.insert('department_records', r, systemActor(TEST_STREET.code), null);
        oneByOne = written(h, 'department_records', RECORDS);
        throw new Error('roll back');
      }),
    ).toThrow('roll back');
    store.clock.reset(start);
    store.tx(() => store.insertMany('department_records', RECORDS));
    const bulk = written(h, 'department_records', RECORDS);
    expect(bulk.rows).toHaveLength(RECORDS.length);
    expect(bulk).toEqual(oneByOne);
    expect(JSON.parse((bulk.changes[0] as { fields: string }).fields).facts).toBe(JSON.stringify(RECORDS[0]!.facts));
  });

  test('a row that fails leaves none of the rows, changes or clocks (all or nothing)', async () => {
    h = await makeHarness();
    const store = h.backend.store;
    const rows = [...ROWS.slice(0, 100), { ...ROWS[100]!, name: null }];
    expect(() => store.tx(() => store.insertMany('communities', rows))).toThrow();
    expect(written(h)).toMatchObject({ rows: [], changes: [], clocks: [] });
  });
});
