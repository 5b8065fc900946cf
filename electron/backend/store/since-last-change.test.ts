import { afterEach, describe, expect, test } from 'vitest';
import { makeHarness, type Harness } from '../testing/harness';
import { openFile } from '../services/backup/copy';
import { communities } from '../db/schema';
import { systemActor } from '../services/setup/street';
import { keptTables, sinceLastChange } from './since-last-change';
import type { Store } from './store';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

/** Two tables of the test's own (made at run time: the triggers must follow the schema). */
function setUp(store: Store): void {
  store.sqlite.exec('CREATE TABLE t_read (n INTEGER); CREATE TABLE t_other (n INTEGER); INSERT INTO t_read VALUES (1);');
}

/** A kept sum of t_read that counts how often it was worked out. */
function keptSum(store: Store) {
  let computed = 0;
  const read = () =>
    sinceLastChange(store, 'sum', () => {
      computed++;
      return (store.sqlite.prepare('SELECT sum(n) AS s FROM t_read').get() as { s: number }).s;
    });
  return { read, computed: () => computed };
}

describe('results kept until a table they read changes', () => {
  test('a write to a table the result read recomputes it; a write to another table does not', async () => {
    h = await makeHarness();
    const store = h.backend.store;
    setUp(store);
    const k = keptSum(store);
    expect(k.read()).toBe(1);
    expect(k.read()).toBe(1);
    expect(k.computed()).toBe(1);
    expect(keptTables(store, 'sum')).toEqual(['t_read']);
    store.sqlite.prepare('INSERT INTO t_other VALUES (5)').run();
    store.setMeta('some_setting', 'x'); // local_meta: another table too
    expect(k.read()).toBe(1);
    expect(k.computed()).toBe(1);
    store.sqlite.prepare('UPDATE t_read SET n = 2').run();
    expect(k.read()).toBe(2);
    expect(k.computed()).toBe(2);
    store.sqlite.prepare('DELETE FROM t_read').run();
    expect(k.read()).toBeNull();
    expect(k.computed()).toBe(3);
  });

  test('a write inside a transaction that rolls back still recomputes; nothing computed inside it is kept', async () => {
    h = await makeHarness();
    const store = h.backend.store;
    setUp(store);
    const k = keptSum(store);
    expect(k.read()).toBe(1);
    const inside = store.sqlite.transaction(() => {
      store.sqlite.prepare('INSERT INTO t_read VALUES (10)').run();
      return k.read(); // sees the uncommitted row
    });
    expect(() =>
      store.sqlite.transaction(() => {
        expect(inside()).toBe(11);
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    expect(k.read()).toBe(1); // never the rolled-back 11
    expect(k.computed()).toBe(3);
  });

  test('a commit by another connection recomputes', async () => {
    h = await makeHarness();
    const store = h.backend.store;
    setUp(store);
    const k = keptSum(store);
    expect(k.read()).toBe(1);
    const other = openFile(store.sqlite.name, store.databaseKey);
    try {
      other.prepare('INSERT INTO t_read VALUES (4)').run();
    } finally {
      other.close();
    }
    expect(k.read()).toBe(5);
    expect(k.computed()).toBe(2);
  });

  test('the day turning in Shanghai recomputes (injected clock)', async () => {
    let now = new Date('2026-06-15T15:00:00.000Z'); // 23:00 in Shanghai
    h = await makeHarness({ now: () => now });
    const store = h.backend.store;
    setUp(store);
    const k = keptSum(store);
    k.read();
    now = new Date('2026-06-15T15:59:00.000Z');
    k.read();
    expect(k.computed()).toBe(1);
    now = new Date('2026-06-15T16:00:00.000Z'); // 00:00 on the 16th
    k.read();
    expect(k.computed()).toBe(2);
  });

  test("a nested kept result's tables count for the outer one, also when served from where it was kept", async () => {
    h = await makeHarness();
    const store = h.backend.store;
    setUp(store);
    const k = keptSum(store);
    k.read(); // the inner one is kept before the outer is first worked out
    let outer = 0;
    const readOuter = () =>
      sinceLastChange(store, 'outer', () => {
        outer++;
        return k.read() + (store.sqlite.prepare('SELECT count(*) AS c FROM t_other').get() as { c: number }).c;
      });
    expect(readOuter()).toBe(1);
    expect(keptTables(store, 'outer')?.sort()).toEqual(['t_other', 't_read']);
    store.sqlite.prepare('UPDATE t_read SET n = 7').run();
    expect(readOuter()).toBe(7);
    expect(outer).toBe(2);
  });

  test('reads made through drizzle are seen', async () => {
    h = await makeHarness();
    const store = h.backend.store;
    let computed = 0;
    const read = () =>
      sinceLastChange(store, 'drizzle', () => {
        computed++;
        return store.orm.select().from(communities).all().length;
      });
    const before = read();
    expect(keptTables(store, 'drizzle')).toContain('communities');
    store.insert('communities', { streetCode: '120110001000', name: '新测试社区' }, systemActor('120110001000'), { action: 'org.saveCommunity', summary: '新建社区' });
    expect(read()).toBe(before + 1);
    expect(computed).toBe(2);
  });
});
