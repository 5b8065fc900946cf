import { afterEach, describe, expect, test } from 'vitest';
import { makeHarness, type Harness } from '../testing/harness';
import { systemActor } from '../services/setup/street';
import { clocksOf, columnOrder } from '../sync/clocks';

let h: Harness;
afterEach(() => h?.close());

function counts(h: Harness) {
  const q = (sql: string) => (h.backend.store.sqlite.prepare(sql).get() as { n: number }).n;
  return {
    communities: q('SELECT count(*) AS n FROM communities'),
    changes: q('SELECT count(*) AS n FROM change_log'),
    audit: q('SELECT count(*) AS n FROM audit_events'),
    clocks: q('SELECT count(*) AS n FROM field_clocks'),
  };
}

describe('the write path', () => {
  test('opens the file in WAL mode with foreign keys on', async () => {
    h = await makeHarness();
    const db = h.backend.store.sqlite;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  test('an insert writes the row, one change with every field, field clocks and an audit event', async () => {
    h = await makeHarness();
    const store = h.backend.store;
    const before = counts(h);
    const actor = systemActor('120110001000');
    const id = store.insert('communities', { streetCode: '120110001000', name: '测试社区' }, actor, {
      action: 'org.saveCommunity',
      summary: '新建社区',
    });
    const after = counts(h);
    expect(after.communities).toBe(before.communities + 1);
    // the row's change plus the audit event's own change
    expect(after.changes).toBe(before.changes + 2);
    expect(after.audit).toBe(before.audit + 1);
    const change = store.sqlite
      .prepare("SELECT * FROM change_log WHERE table_name = 'communities' AND row_id = ?")
      .get(id) as { fields: string; partition: string; hlc: string };
    expect(change.partition).toBe('120110001000');
    expect(JSON.parse(change.fields)).toMatchObject({ id, name: '测试社区', street_code: '120110001000' });
    // one row clock for the whole row (sync/clocks.ts), covering every column
    const clocks = store.sqlite.prepare('SELECT field, hlc FROM field_clocks WHERE row_id = ?').all(id) as { field: string; hlc: string }[];
    expect(clocks).toEqual([{ field: `*${columnOrder(store, 'communities').size}`, hlc: change.hlc }]);
    const read = clocksOf(store, 'communities', id);
    for (const col of columnOrder(store, 'communities').keys()) expect(read.get(col)).toBe(change.hlc);
  });

  test('an update logs only the fields that changed, with a later clock; a no-op writes nothing', async () => {
    h = await makeHarness();
    const store = h.backend.store;
    const actor = systemActor('120110001000');
    const id = store.insert('communities', { streetCode: '120110001000', name: '甲' }, actor, null);
    const first = { hlc: clocksOf(store, 'communities', id).get('name')! };
    const changed = store.update('communities', id, { name: '乙', kind: 'community' }, actor, null);
    expect(changed).toEqual(['name']);
    const last = store.sqlite
      .prepare('SELECT fields FROM change_log WHERE row_id = ? ORDER BY seq DESC LIMIT 1')
      .get(id) as { fields: string };
    expect(Object.keys(JSON.parse(last.fields)).sort()).toEqual(['name', 'updated_at']);
    const second = { hlc: clocksOf(store, 'communities', id).get('name')! };
    expect(second.hlc > first.hlc).toBe(true);
    const before = counts(h);
    expect(store.update('communities', id, { name: '乙' }, actor, { action: 'x', summary: 'x' })).toEqual([]);
    expect(counts(h)).toEqual(before);
  });

  test('a failure inside a transaction leaves no row, no change and no audit event', async () => {
    h = await makeHarness();
    const store = h.backend.store;
    const before = counts(h);
    expect(() =>
      store.tx(() => {
        store.insert('communities', { streetCode: '120110001000', name: '丙' }, systemActor('120110001000'), {
          action: 'x',
          summary: 'x',
        });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(counts(h)).toEqual(before);
  });

  test('change-log clocks are unique and increasing in write order', async () => {
    h = await makeHarness();
    const rows = h.backend.store.sqlite.prepare('SELECT hlc FROM change_log ORDER BY seq').all() as { hlc: string }[];
    expect(rows.length).toBeGreaterThan(3);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.hlc > rows[i - 1]!.hlc).toBe(true);
  });
});
