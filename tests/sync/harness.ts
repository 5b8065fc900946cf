/**
 * Multi-replica sync harness: a district server (Fastify + PGlite) listening on 127.0.0.1 and office
 * replicas that are real backends (createBackend) on their own SQLite files, enrolled with one-time
 * codes and synced over HTTP.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openServerDb, type OpenedServerDb } from '../../server/db/open';
import { createScratchDatabase } from '../support/scratch-postgres';
import { buildServer } from '../../server/app';
import * as admin from '../../server/admin/commands';
import { forgetRecentEnrollments } from '../../server/sync/devices';
import { createBackend, type Backend } from '../../electron/backend/app';
import { httpTransport } from '../../electron/backend/sync/http';
import { enrollDevice, syncConfig, syncOnce, type SyncSummary } from '../../electron/backend/sync/session';
import { DISTRICT_PARTITION, type Scope } from '../../shared/sync/wire';
import { removeTestDir } from '../../electron/backend/testing/remove-dir';

export const STREET_A = '120110001000';
export const STREET_B = '120110002000';

export interface TestServer {
  url: string;
  opened: OpenedServerDb;
  app: FastifyInstance;
  /**
   * Stops the HTTP server at once, cutting the requests in flight, and starts a new one on the same
   * port and database. On PostgreSQL the database connections are cut too, so that transactions in
   * flight roll back as a crashed process's do; on in-process PGlite their handlers may still finish.
   */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * With SYNC_TEST_DATABASE_URL (an admin connection to a real PostgreSQL, as .ci/run sets), each
 * server gets a fresh database of its own, dropped on close; otherwise an in-memory PGlite.
 */
interface TestDb {
  opened: OpenedServerDb;
  drop: () => Promise<void>;
  /** What a crashed server process leaves: its connections gone, their transactions rolled back. */
  cut: () => Promise<void>;
  /** The database as a restarted process opens it: a new connection pool (PGlite: the same instance). */
  reopen: (old: OpenedServerDb) => Promise<OpenedServerDb>;
}

async function openTestDb(): Promise<TestDb> {
  const adminUrl = process.env.SYNC_TEST_DATABASE_URL;
  if (!adminUrl) return { opened: await openServerDb({}), drop: async () => undefined, cut: async () => undefined, reopen: async (old) => old };
  const db = await createScratchDatabase(adminUrl, 'doudi_test');
  const open = () => openServerDb({ databaseUrl: db.url, onConnectionError: () => undefined });
  return {
    opened: await open(),
    cut: () => db.asAdmin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${db.name}' AND pid <> pg_backend_pid()`),
    // The old pool's idle clients may not yet have heard that their backends were terminated; a
    // restarted process never reuses them (reusing them made the first query after a restart fail).
    reopen: async (old) => {
      await old.close().catch(() => undefined);
      return open();
    },
    drop: db.drop,
  };
}

export async function startServer(opts: { bodyLimit?: number; logStream?: { write(line: string): void } } = {}): Promise<TestServer> {
  const { opened, drop, cut, reopen } = await openTestDb();
  const now = new Date();
  await admin.createStreets(opened.db, now, [STREET_A, STREET_B]);
  await admin.createUser(opened.db, now, { username: 'zgz_admin', displayName: '王一', role: 'street-admin', password: 'secret-pass-1', partition: STREET_A });
  await admin.createUser(opened.db, now, { username: 'fnc_admin', displayName: '赵二', role: 'street-admin', password: 'secret-pass-2', partition: STREET_B });
  const logger = opts.logStream ? { level: 'info', stream: opts.logStream } : undefined;
  const app = buildServer({ db: opened, bodyLimit: opts.bodyLimit, logger });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('no address');
  const server: TestServer = {
    url: `http://127.0.0.1:${addr.port}`,
    opened,
    app,
    restart: async () => {
      const old = server.app;
      old.server.close(); // stops listening at once (Fastify's close tolerates it)
      old.server.closeAllConnections();
      await cut();
      await old.close();
      server.opened = await reopen(server.opened);
      forgetRecentEnrollments(server.opened.db);
      server.app = buildServer({ db: server.opened, bodyLimit: opts.bodyLimit, logger });
      await server.app.listen({ host: '127.0.0.1', port: addr.port });
    },
    close: async () => {
      await server.app.close();
      await server.opened.close();
      await drop();
    },
  };
  return server;
}

/** A server with the district's admin account too (区管理, qu_admin / district-pass-1), for tests of the district device. */
export async function startDistrictServer(): Promise<TestServer> {
  const server = await startServer();
  await admin.createUser(server.opened.db, new Date(), { username: 'qu_admin', displayName: '区管理', role: 'district-admin', password: 'district-pass-1', partition: DISTRICT_PARTITION });
  return server;
}

export interface Replica {
  name: string;
  dataDir: string;
  backend: Backend;
  scope: Scope;
  /** Milliseconds added to real time for this replica's clock. */
  skew: { ms: number };
  sync(opts?: { batch?: number; page?: number; timeoutMs?: number }): Promise<SyncSummary>;
  /** Syncs against an address nobody listens on (offline). */
  syncOffline(): Promise<unknown>;
  /** Closes the backend; the data directory is removed unless kept (to reopen it). */
  close(opts?: { keepData?: boolean }): void;
}

export interface ReplicaOptions {
  /** The address the replica enrolls with and syncs to (e.g. a fault proxy); the server's by default. */
  url?: string;
  /** Request timeout of the replica's transport. */
  timeoutMs?: number;
}

export async function makeReplica(server: TestServer, name: string, partition: string, opts: ReplicaOptions = {}): Promise<Replica> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `doudi-replica-${name}-`));
  const backend = createBackend({ dataDir, logError: () => undefined });
  keepChangeLedger(backend);
  const url = opts.url ?? server.url;
  const { code } = await admin.issueEnrollmentCode(server.opened.db, new Date(), partition);
  await enrollDevice(backend.store, httpTransport(url, null), { serverUrl: url, code, deviceName: name });
  backend.close();
  return openReplica(name, dataDir, opts);
}

/** Enrolls the replicas ([name, partition] each) and then syncs each once, in order: a multi-PC test's start. */
export async function makeSyncedReplicas<S extends [name: string, partition: string][]>(server: TestServer, ...specs: S): Promise<{ [K in keyof S]: Replica }> {
  const made: Replica[] = [];
  for (const [name, partition] of specs) made.push(await makeReplica(server, name, partition));
  for (const r of made) await r.sync();
  return made as { [K in keyof S]: Replica };
}

/**
 * What the replica ever logged, for the invariants: acknowledged changes leave change_log
 * (forget.ts), so temporary triggers of the test copy each logged change's stamp into a table of
 * the file (copied with it, like the data) and follow its re-stamping; a change removed before it
 * was pushed (take the server's value) leaves it too.
 */
function keepChangeLedger(backend: Backend): void {
  backend.store.sqlite.exec(`
    CREATE TABLE IF NOT EXISTS main.test_change_ledger (hlc TEXT NOT NULL, node_id TEXT NOT NULL, PRIMARY KEY (hlc, node_id));
    CREATE TEMP TRIGGER IF NOT EXISTS test_ledger_insert AFTER INSERT ON main.change_log
    BEGIN INSERT OR IGNORE INTO test_change_ledger (hlc, node_id) VALUES (NEW.hlc, NEW.node_id); END;
    CREATE TEMP TRIGGER IF NOT EXISTS test_ledger_move AFTER UPDATE OF hlc, node_id ON main.change_log
    BEGIN UPDATE test_change_ledger SET hlc = NEW.hlc, node_id = NEW.node_id WHERE hlc = OLD.hlc AND node_id = OLD.node_id; END;
    CREATE TEMP TRIGGER IF NOT EXISTS test_ledger_drop AFTER DELETE ON main.change_log WHEN OLD.pushed_at IS NULL
    BEGIN DELETE FROM test_change_ledger WHERE hlc = OLD.hlc AND node_id = OLD.node_id; END;
    INSERT OR IGNORE INTO test_change_ledger (hlc, node_id) SELECT hlc, node_id FROM change_log;
  `);
}

/** Opens an enrolled replica's data directory again (background sync off: tests sync explicitly). */
/**
 * A URL on 127.0.0.1 where nothing listens (a port just bound and let go): the connection is really
 * refused, as when the district server is down. (Port 9 was refused by fetch itself as a "bad port",
 * so no connection was ever tried.)
 */
function refusingUrl(): Promise<string> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(`http://127.0.0.1:${port}`));
    });
  });
}

export function openReplica(name: string, dataDir: string, opts: ReplicaOptions = {}): Replica {
  const skew = { ms: 0 };
  const backend = createBackend({ dataDir, now: () => new Date(Date.now() + skew.ms), logError: () => undefined, sync: { autoStart: false } });
  keepChangeLedger(backend);
  const scope = syncConfig(backend.store)!.scope;
  const transport = (timeoutMs = opts.timeoutMs) => {
    const cfg = syncConfig(backend.store)!;
    return httpTransport(cfg.serverUrl, cfg.token, { timeoutMs });
  };
  return {
    name,
    dataDir,
    backend,
    scope,
    skew,
    sync: (o = {}) => syncOnce(backend.store, transport(o.timeoutMs), o),
    syncOffline: async () => syncOnce(backend.store, httpTransport(await refusingUrl(), syncConfig(backend.store)!.token, { timeoutMs: 2000 })),
    close: async (o = {}) => {
      backend.close();
      await backend.idle(); // a long commit's checkpoint thread may still be opening the file
      if (!o.keepData) removeTestDir(dataDir);
    },
  };
}

export function rows(r: Replica, table: string, partition?: string): Record<string, unknown>[] {
  const where = partition ? ' WHERE street_code = ?' : '';
  return r.backend.store.sqlite.prepare(`SELECT * FROM "${table}"${where} ORDER BY id`).all(...(partition ? [partition] : [])) as Record<string, unknown>[];
}

export function actorOf(partition: string) {
  return { userId: null, username: 'test', streetCode: partition };
}
