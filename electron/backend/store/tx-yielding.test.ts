/**
 * A yielding transaction (long work that gives other calls a turn): a write from outside its work
 * is refused while it is open, its own writes nest, and a read-only connection sees only what was
 * committed before it.
 */
import fs from 'node:fs';
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

test('the commit of long work leaves the WAL checkpoint to a thread of its own, which copies the pages into the file', async () => {
  // SQLite checkpoints at a COMMIT that leaves over 1,000 pages in the WAL: after a 20,000-row
  // import that copied tens of MB on the backend's thread, in one stretch of seconds.
  let sizeAtCommit = -1;
  const g = await makeHarness({
    events: (e) => {
      if (e.type === 'changed' && e.tables.includes('local_meta') && sizeAtCommit < 0) sizeAtCommit = fs.statSync(g.backend.dbFile).size;
    },
  });
  try {
    const store = g.backend.store;
    const before = fs.statSync(g.backend.dbFile).size;
    const value = 'x'.repeat(1_500_000);
    await store.txYielding(async () => {
      for (let i = 0; i < 4; i++) {
        store.tx(() => store.setMeta(`bulk-${i}`, value)); // ~1,500 pages of 4 KB in all
        store.noteTouched('local_meta'); // heard (the 'changed' event) as soon as the commit is made
        await new Promise((r) => setImmediate(r));
      }
    });
    expect(sizeAtCommit).toBe(before); // the pages are in the WAL only: nothing was copied at the commit
    const deadline = Date.now() + 30_000;
    while (fs.statSync(g.backend.dbFile).size < before + 4 * value.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(fs.statSync(g.backend.dbFile).size).toBeGreaterThan(before + 4 * value.length);
    const reader = openReadOnly(g.backend.dbFile, store.databaseKey);
    expect((reader.sqlite.prepare("SELECT length(value) AS n FROM local_meta WHERE key = 'bulk-3'").get() as { n: number }).n).toBe(value.length);
    reader.close();
    // writes go on as before, with SQLite's own checkpoint
    store.tx(() => store.setMeta('after', '1'));
    expect(store.getMeta('after')).toBe('1');
  } finally {
    g.close();
  }
});
