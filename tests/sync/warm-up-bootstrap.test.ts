/**
 * The 工作台 warm-up (services/home/warm-up.ts) and a PC's bootstrap: while the snapshot is not all
 * in, a warm-up would keep nothing (the bootstrap's open group commit holds a transaction, and its
 * next pages write the tables the sections read), so it is skipped; the bootstrap's end warms up.
 */
import { expect, test } from 'vitest';
import { createBackend } from '../../electron/backend/app';
import { META } from '../../electron/backend/sync/pull';
import { keptTables } from '../../electron/backend/store/since-last-change';
import { removeTestDir } from '../../electron/backend/testing/remove-dir';
import { makeReplica, STREET_A } from './harness';
import { serverPerFile } from './file-server';

const file = serverPerFile();

test("no warm-up while the PC's snapshot is not all in; the bootstrap's end warms the 工作台", async () => {
  const enrolled = await makeReplica(file.server, 'warmBoot', STREET_A);
  await enrolled.close({ keepData: true });
  const b = createBackend({ dataDir: enrolled.dataDir, logError: () => undefined, sync: { autoStart: false }, warmUp: { delayMs: 0 } });
  const key = `wb|visits|${STREET_A}|`;
  try {
    const run = await b.sync.runNow('manual');
    expect(run.ok).toBe(true);
    expect(b.store.getMeta(META.bootstrapped)).toBe('1');
    for (let i = 0; i < 200 && !keptTables(b.store, key); i++) await new Promise((r) => setTimeout(r, 25));
    expect(keptTables(b.store, key)).toBeDefined();

    // A bootstrap interrupted part-way (the street is in, the snapshot's end is not): nothing to warm.
    b.store.tx(() => b.store.setMeta(META.bootstrapped, '0'));
    expect(await b.warmUp()).toBe(false);
    b.store.tx(() => b.store.setMeta(META.bootstrapped, '1'));
    expect(await b.warmUp()).toBe(true);
  } finally {
    b.close();
    await b.idle();
    removeTestDir(enrolled.dataDir);
  }
});
