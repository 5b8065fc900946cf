/**
 * A new device killed (SIGKILL) while it bootstraps, between two commits of its snapshot pages
 * (several pages share a commit: session.ts SNAPSHOT_PAGES_PER_COMMIT): the pages of the last commit
 * are there with their position, nothing of the pages after it; the next sync goes on from that
 * position and ends with every row of the street once.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { SYNC_CATALOG } from '../../shared/sync/catalog';
import { META } from '../../electron/backend/sync/pull';
import { SNAPSHOT_PAGES_PER_COMMIT } from '../../electron/backend/sync/session';
import { makeReplica, openReplica, rows, startServer, STREET_A, type Replica, type TestServer } from './harness';
import { addCommunities } from './invariants';

const PAGE = 50;
const KILL_AT = SNAPSHOT_PAGES_PER_COMMIT + 2; // the page after the first commit's next one

let server: TestServer;
let source: Replica;

beforeAll(async () => {
  server = await startServer();
  source = await makeReplica(server, 'source', STREET_A);
  addCommunities(source, 'boot', PAGE * (KILL_AT + 2));
  await source.sync();
}, 120_000);

afterAll(async () => {
  await source?.close();
  await server?.close();
});

const syncedRowCount = (r: Replica) => [...SYNC_CATALOG.keys()].reduce((n, table) => n + rows(r, table).length, 0);

interface Report {
  rowsBefore: number[];
  afters: string[];
  inTransaction: boolean;
}

function runUntilKilled(dataDir: string): Promise<Report> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(path.dirname(fileURLToPath(import.meta.url)), 'kill-bootstrap-child.ts'), dataDir, String(PAGE), String(KILL_AT)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let killed = false;
  return new Promise<Report>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child did not reach page ${KILL_AT}: ${out} ${err}`)), 30_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^applying (.*)$/m.exec(out);
      if (!m) return;
      clearTimeout(timer);
      killed = true;
      child.kill('SIGKILL');
      void exited.then((signal) => (signal === 'SIGKILL' ? resolve(JSON.parse(m[1]!) as Report) : reject(new Error(`child ended by ${signal}`))));
    });
    void exited.then(() => killed || reject(new Error(`child exited early: ${out} ${err}`)));
  });
}

test('a device killed between two commits of its snapshot pages resumes without a lost or doubled row', async () => {
  const fresh = await makeReplica(server, 'fresh', STREET_A);
  const before = syncedRowCount(fresh);
  await fresh.close({ keepData: true });
  const report = await runUntilKilled(fresh.dataDir);
  // the kill came inside the open commit of the pages after the first commit
  expect(report.inTransaction).toBe(true);
  expect(report.afters).toHaveLength(KILL_AT - 1);

  const again = openReplica('fresh', fresh.dataDir);
  try {
    const store = again.backend.store;
    expect(store.getMeta(META.bootstrapped)).toBeNull();
    expect(store.getMeta(META.snapshotAfter)).toBe(report.afters[SNAPSHOT_PAGES_PER_COMMIT - 1]);
    expect(syncedRowCount(again) - before).toBe(report.rowsBefore[SNAPSHOT_PAGES_PER_COMMIT]);

    await again.sync({ page: PAGE });
    expect(store.getMeta(META.bootstrapped)).toBe('1');
    for (const table of SYNC_CATALOG.keys()) expect(rows(again, table), table).toEqual(rows(source, table));
  } finally {
    await again.close();
  }
}, 90_000);
