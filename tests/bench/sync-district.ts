/**
 * The district the sync benches run against: a generated street loaded into a source office
 * replica through the write path (generateStreet + loadStreetData: rows, field clocks, outbox), and
 * a district server (Fastify + PGlite in a data directory, the server code the app uses) on
 * 127.0.0.1 holding that street as if the source replica had pushed its whole outbox. The server
 * is filled in this process, then serves from a child process of its own (child-server.ts).
 *
 * How the server gets the street: pushing 140,000 changes through POST /v1/push one batch at a
 * time costs minutes at the default size (each change is still validated and merged, if 500 to a statement:
 * server/sync/store-batch.ts),
 * and push is not what these benches measure. So the source's outbox is written into the server's
 * two tables in bulk exactly as pushChanges leaves them: every change appended to sync_changes in
 * outbox order with its own sequence number and the pushing device, and sync_rows holding the
 * per-field last-writer-wins merge of those changes (fields, field clocks, last sequence). The
 * source replica then records its outbox as pushed and its pull cursor at the top of the log, as
 * after a real push and pull. The benches check that replicas end up with the source's rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { max, sql } from 'drizzle-orm';
import { openServerDb, type OpenedServerDb } from '../../server/db/open';
import { syncChanges, syncRows } from '../../server/db/schema';
import { buildServer } from '../../server/app';
import * as admin from '../../server/admin/commands';
import { createBackend, type Backend } from '../../electron/backend/app';
import { generateStreet } from '../../electron/backend/demo/generate';
import { loadStreetData } from '../../electron/backend/demo/load';
import { httpTransport, type SyncTransport } from '../../electron/backend/sync/http';
import { enrollDevice, syncConfig, SYNC_META } from '../../electron/backend/sync/session';
import { outboxBatch, recordPushResult } from '../../electron/backend/sync/encode';
import { META as PULL_META } from '../../electron/backend/sync/pull';
import { SYNC_CATALOG } from '../../shared/sync/catalog';
import type { Change } from '../../shared/sync/wire';
import { DONGLI_STREETS } from '../../shared/streets';
import { log } from './lib';
import { forkServer } from './child-server';
import { createScratchDatabase } from '../support/scratch-postgres';

type Value = string | number | null;

/**
 * With BENCH_DATABASE_URL=postgres://… the district server stores in a fresh database created on
 * that PostgreSQL for the run (and dropped after), as production can; else embedded PGlite in
 * a data directory, the default `npm run server` uses. PostgreSQL works in its own processes, so
 * the CPU time the benches report then leaves out the database's share; compare wall-clock times.
 */
export function benchStorage(): string {
  return process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
}

/** The district server of a bench, running in its own process (child-server.ts). */
export interface BenchServer {
  url: string;
  /** A one-time enrollment code of a street (the admin CLI's issue-code). */
  issueCode(street: string): Promise<string>;
  /** CPU milliseconds the server process has used so far. */
  cpuMs(): Promise<number>;
  close(): Promise<void>;
}

/** The server while the bench fills it, in this process: the database written in bulk. */
interface FillingServer {
  url: string;
  opened: OpenedServerDb;
  /** Where the database is, for the serving process: a PGlite data directory or a PostgreSQL URL. */
  where: string;
  /** Stops serving and closes the database here (once; later calls do nothing). */
  close(): Promise<void>;
  /** Removes the database (the data directory, the PostgreSQL database). */
  drop(): Promise<void>;
}

async function startFillingServer(): Promise<FillingServer> {
  const pg = process.env.BENCH_DATABASE_URL ? await createScratchDatabase(process.env.BENCH_DATABASE_URL, 'doudi_bench') : null;
  const dataDir = pg ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-bench-server-'));
  const opened = await openServerDb(pg ? { databaseUrl: pg.url } : { dataDir: dataDir! });
  const app = buildServer({ db: opened, bodyLimit: 64 * 1024 * 1024 });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('no address');
  let closed = false;
  return {
    url: `http://127.0.0.1:${addr.port}`,
    opened,
    where: pg ? pg.url : dataDir!,
    close: async () => {
      if (closed) return;
      closed = true;
      await app.close();
      await opened.close();
    },
    drop: async () => {
      await pg?.drop();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Closes the filling server and serves its database from a child process instead. */
async function serveInChild(filling: FillingServer): Promise<BenchServer> {
  await filling.close();
  const child = await forkServer(new URL('./district-server-main.ts', import.meta.url), [filling.where]);
  return {
    url: child.url,
    issueCode: (street) => child.ask<string>('code', street),
    cpuMs: () => child.cpuMs(),
    close: async () => {
      await child.close();
      await filling.drop();
    },
  };
}

export interface BenchReplica {
  name: string;
  backend: Backend;
  dataDir: string;
  transport(): SyncTransport;
  close(): void;
}

/** A fresh, empty office replica (a real backend on its own SQLite file), not enrolled yet. */
export function emptyReplica(name: string, opts: { unencrypted?: boolean } = {}): BenchReplica {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `doudi-bench-${name}-`));
  const backend = createBackend({ dataDir, logError: () => undefined, unencrypted: opts.unencrypted });
  return {
    name,
    backend,
    dataDir,
    transport: () => {
      const cfg = syncConfig(backend.store)!;
      return httpTransport(cfg.serverUrl, cfg.token);
    },
    close: () => {
      backend.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(`${dataDir}.key`, { force: true });
    },
  };
}

/** Trades a fresh one-time code of the street for a device token (the real enrollment). */
export async function enroll(server: Pick<BenchServer, 'url' | 'issueCode'>, r: BenchReplica, streetCode: string): Promise<string> {
  const code = await server.issueCode(streetCode);
  await enrollDevice(r.backend.store, httpTransport(server.url, null), { serverUrl: server.url, code, deviceName: r.name });
  return r.backend.store.getMeta(SYNC_META.deviceId)!;
}

/** Appends changes to the server's log and merges them into sync_rows, as pushChanges would. */
async function fillServer(db: OpenedServerDb['db'], changes: Change[], deviceId: string | null): Promise<void> {
  const merged = new Map<string, { table: string; rowId: string; partition: string; fields: Record<string, Value>; clocks: Record<string, string>; seq: number }>();
  const receivedAt = new Date().toISOString();
  const CHUNK = 500;
  for (let i = 0; i < changes.length; i += CHUNK) {
    const chunk = changes.slice(i, i + CHUNK);
    const ins = await db
      .insert(syncChanges)
      .values(chunk.map((c) => ({ node: c.node, hlc: c.hlc, tableName: c.table, rowId: c.rowId, partition: c.partition, fields: c.fields, deviceId, receivedAt })))
      .returning({ seq: syncChanges.seq, node: syncChanges.node, hlc: syncChanges.hlc });
    const seqOf = new Map(ins.map((r) => [`${r.node}/${r.hlc}`, r.seq]));
    for (const c of chunk) {
      const key = `${c.table}/${c.rowId}`;
      const row = merged.get(key) ?? { table: c.table, rowId: c.rowId, partition: c.partition, fields: {}, clocks: {}, seq: 0 };
      for (const [f, v] of Object.entries(c.fields)) {
        const cur = row.clocks[f];
        if (!cur || c.hlc > cur) {
          row.fields[f] = v;
          row.clocks[f] = c.hlc;
        }
      }
      row.seq = seqOf.get(`${c.node}/${c.hlc}`)!;
      merged.set(key, row);
    }
  }
  const rows = [...merged.values()];
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insert(syncRows)
      .values(rows.slice(i, i + CHUNK).map((r) => ({ tableName: r.table, rowId: r.rowId, partition: r.partition, fields: r.fields, clocks: r.clocks, seq: r.seq })))
      .onConflictDoUpdate({
        target: [syncRows.tableName, syncRows.rowId],
        set: { fields: sql`excluded.fields`, clocks: sql`excluded.clocks`, seq: sql`excluded.seq` },
      });
  }
}

async function serverTop(server: FillingServer): Promise<number> {
  const [r] = await server.opened.db.select({ m: max(syncChanges.seq) }).from(syncChanges);
  return Number(r?.m ?? 0);
}

/** Row counts of every synced table of a replica. */
export function tableCounts(r: BenchReplica): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of SYNC_CATALOG.keys()) {
    const n = (r.backend.store.sqlite.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n;
    if (n > 0) out[t] = n;
  }
  return out;
}

export interface District {
  server: BenchServer;
  source: BenchReplica;
  streetCode: string;
  persons: number;
  households: number;
  /** Rows of the street on the server (every synced table). */
  rows: number;
  counts: Record<string, number>;
  loadS: number;
  close(): Promise<void>;
}

export async function loadDistrict(households: number, label: string): Promise<District> {
  const filling = await startFillingServer();
  const source = emptyReplica('source');
  let server: BenchServer | null = null;
  try {
    const t0 = performance.now();
    log(`${label}: generating ${households} households / 生成 ${households} 户演示数据, loading the source replica`);
    // a real street's code: the demo street's data could not enroll (and carries no accounts here)
    const data = generateStreet({ households, streetCode: DONGLI_STREETS[0]!.code, referenceDate: '2026-06-30' });
    const summary = loadStreetData(source.backend.store, data);
    const store = source.backend.store;
    const changes = outboxBatch(store, Number.MAX_SAFE_INTEGER);
    log(`${label}: ${changes.length} changes in the source outbox; filling the district server`);
    // The street row first, so that the street exists and the source can enroll; then the rest
    // with the source as the pushing device.
    const first = changes.findIndex((c) => c.table === 'streets') + 1;
    await fillServer(filling.opened.db, changes.slice(0, first), null);
    const inProcess = {
      url: filling.url,
      issueCode: async (street: string) => (await admin.issueEnrollmentCode(filling.opened.db, new Date(), street)).code,
    };
    const deviceId = await enroll(inProcess, source, summary.streetCode);
    await fillServer(filling.opened.db, changes.slice(first), deviceId);
    const top = await serverTop(filling);
    const served = await serveInChild(filling);
    server = served;
    // The source's saved server address moves with the server.
    store.tx(() => {
      // acknowledged as a push would be (encode.ts), so the outbox keeps what it keeps after a push
      recordPushResult(store, changes, { accepted: changes.map((c) => c.hlc), rejected: [], serverTime: store.nowIso() });
      store.setMeta(PULL_META.bootstrapped, '1');
      store.setMeta(PULL_META.snapshotCursor, String(top));
      store.setMeta(PULL_META.cursor, String(top));
      store.setMeta(SYNC_META.server, served.url);
    });
    const counts = tableCounts(source);
    const loadS = (performance.now() - t0) / 1000;
    log(`${label}: district ready in ${loadS.toFixed(1)} s (${summary.persons} persons, ${summary.households} households)`);
    return {
      server: served,
      source,
      streetCode: summary.streetCode,
      persons: summary.persons,
      households: summary.households,
      rows: Object.values(counts).reduce((s, n) => s + n, 0),
      counts,
      loadS,
      close: async () => {
        source.close();
        await served.close();
      },
    };
  } catch (err) {
    source.close();
    if (server) await server.close();
    else {
      await filling.close();
      await filling.drop();
    }
    throw err;
  }
}

let shared: { households: number; district: Promise<District> } | null = null;

/**
 * The district of this size, loaded once per run and shared by the sync benches (loading 40,000
 * households takes minutes); closeSharedDistrict ends it. Benches that edit it leave row counts
 * to be read again (tableCounts of the source), not taken from `counts`.
 */
export function sharedDistrict(households: number, label: string): Promise<District> {
  if (shared?.households === households) return shared.district;
  const previous = shared;
  const district = (async () => {
    if (previous) await (await previous.district).close();
    return loadDistrict(households, label);
  })();
  shared = { households, district };
  return district;
}

export async function closeSharedDistrict(): Promise<void> {
  const s = shared;
  shared = null;
  if (s) await (await s.district).close();
}
