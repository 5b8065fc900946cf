/**
 * A yielding transaction (long work that gives other calls a turn): a write from outside its work
 * is refused while it is open, its own writes nest, and a read-only connection sees only what was
 * committed before it.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { openReadOnly } from '../db/open';
import { makeHarness, type Harness } from '../testing/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

test('while long work holds its transaction, a write from elsewhere is refused and a reader sees the committed state', async () => {
  const store = h.backend.store;
  const reader = openReadOnly(h.backend.dbFile, h.backend.store.databaseKey);
  const metaOf = (key: string) => reader.sqlite.prepare('SELECT value FROM local_meta WHERE key = ?').get(key) as { value: string } | undefined;
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const work = store.txYielding(async () => {
    store.tx(() => store.setMeta('long-work', 'half'));
    await held;
    store.tx(() => store.setMeta('long-work', 'done'));
    return 'ok';
  });
  await new Promise((r) => setImmediate(r));
  expect(store.yieldingOpen).toBe(true);
  expect(() => store.tx(() => store.setMeta('elsewhere', '1'))).toThrow(/正在进行导入等耗时操作/);
  expect(metaOf('long-work')).toBeUndefined();
  release();
  expect(await work).toBe('ok');
  expect(store.yieldingOpen).toBe(false);
  expect(metaOf('long-work')).toEqual({ value: 'done' });
  store.tx(() => store.setMeta('elsewhere', '1'));
  expect(metaOf('elsewhere')).toEqual({ value: '1' });
  reader.close();
});

test('long work that fails rolls back everything it wrote across its turns', async () => {
  const store = h.backend.store;
  await expect(
    store.txYielding(async () => {
      store.tx(() => store.setMeta('long-work', 'half'));
      await new Promise((r) => setImmediate(r));
      throw new Error('last row');
    }),
  ).rejects.toThrow('last row');
  expect(store.getMeta('long-work')).toBeNull();
  expect(store.yieldingOpen).toBe(false);
});
