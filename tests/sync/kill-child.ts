/**
 * Child process of the "client killed mid-apply" fault (faults.test.ts): opens an enrolled replica's
 * data directory and syncs it with small pull pages. When pull page `killAt` has been written but
 * its transaction not yet committed (the cursor is the last thing a page writes), it says so on
 * stdout and blocks, for the parent to kill it with SIGKILL right there.
 *
 *   tsx tests/sync/kill-child.ts <dataDir> <pageSize> <killAt>
 */
import { createBackend } from '../../electron/backend/app';
import { httpTransport } from '../../electron/backend/sync/http';
import { syncConfig, syncOnce } from '../../electron/backend/sync/session';
import { META } from '../../electron/backend/sync/pull';

async function main(): Promise<void> {
  const [dataDir, pageSize, killAt] = process.argv.slice(2);
  const backend = createBackend({ dataDir: dataDir!, logError: () => undefined, sync: { autoStart: false } });
  const store = backend.store;
  const setMeta = store.setMeta.bind(store);
  let pages = 0;
  store.setMeta = (key, value) => {
    if (key === META.cursor && ++pages === Number(killAt)) {
      const report = { committedCursor: store.getMeta(META.cursor), pageCursor: value, inTransaction: store.sqlite.inTransaction };
      process.stdout.write(`applying ${JSON.stringify(report)}\n`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); // until killed
    }
    setMeta(key, value);
  };
  const cfg = syncConfig(store)!;
  const summary = await syncOnce(store, httpTransport(cfg.serverUrl, cfg.token), { page: Number(pageSize) });
  process.stdout.write(`done ${JSON.stringify(summary)}\n`);
  backend.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${String((err as Error).stack ?? err)}\n`);
  process.exit(1);
});
