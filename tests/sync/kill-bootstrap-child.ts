/**
 * Child process of "a device killed while it bootstraps" (bootstrap-kill.test.ts): opens an enrolled,
 * never-synced replica's data directory and bootstraps it with small snapshot pages. When snapshot
 * page `killAt` is being applied (its cursor is written, nothing of it committed), it prints the rows
 * counted before each page so far and blocks, for the parent to kill it with SIGKILL right there.
 *
 *   tsx tests/sync/kill-bootstrap-child.ts <dataDir> <pageSize> <killAt>
 */
import { createBackend } from '../../electron/backend/app';
import { httpTransport } from '../../electron/backend/sync/http';
import { syncConfig, syncOnce, type SyncSummary } from '../../electron/backend/sync/session';
import { META } from '../../electron/backend/sync/pull';

async function main(): Promise<void> {
  const [dataDir, pageSize, killAt] = process.argv.slice(2);
  const backend = createBackend({ dataDir: dataDir!, logError: () => undefined, sync: { autoStart: false } });
  const store = backend.store;
  const summary: SyncSummary = { snapshotRows: 0, pushed: 0, rejected: 0, pulled: 0 };
  // rowsBefore[k]: the snapshot rows of the pages before page k+1
  const rowsBefore: number[] = [];
  // afters[k]: the snapshot position page k+1 wrote (where a bootstrap resumes after it)
  const afters: string[] = [];
  const setMeta = store.setMeta.bind(store);
  store.setMeta = (key, value) => {
    if (key === META.snapshotAfter) afters.push(value);
    if (key === META.snapshotCursor) {
      rowsBefore.push(summary.snapshotRows);
      if (rowsBefore.length === Number(killAt)) {
        const report = { rowsBefore, afters, inTransaction: store.sqlite.inTransaction };
        process.stdout.write(`applying ${JSON.stringify(report)}\n`);
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); // until killed
      }
    }
    setMeta(key, value);
  };
  const cfg = syncConfig(store)!;
  await syncOnce(store, httpTransport(cfg.serverUrl, cfg.token), { page: Number(pageSize), progress: summary });
  process.stdout.write(`done ${JSON.stringify(summary)}\n`);
  backend.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${String((err as Error).stack ?? err)}\n`);
  process.exit(1);
});
