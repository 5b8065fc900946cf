/**
 * The two comparisons of the sync-bootstrap bench, on the same records as the district server
 * holds (every row of the street, one record per row, the same fields):
 * - raw limit: the rows serialized as JSON by a node:http server on 127.0.0.1, fetched by a
 *   node:http client, parsed and inserted into the same tables of a fresh replica (same schema,
 *   indexes, search index built in bulk) in ONE SQLite transaction with prepared statements;
 *   no field clocks, no merge, no paging, no compression, no validation;
 * - PouchDB: one document per row in a PouchDB database (pouchdb-node, LevelDB) served over HTTP by
 *   express-pouchdb on 127.0.0.1, replicated with PouchDB.replicate into an empty pouchdb-node
 *   database in a temporary directory.
 * Each server runs in a child process (baseline-servers-main.ts), as ours does (sync-district.ts).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import PouchDB from 'pouchdb-node';
import type { BenchReplica } from './sync-district';
import { emptyReplica } from './sync-district';
import { SYNC_CATALOG } from '../../shared/sync/catalog';
import { withSearchIndexDeferred } from '../../electron/backend/store/search-index';
import { forkServer, type ChildServer } from './child-server';
import { cpuMsSoFar } from './lib';

const BASELINE_SERVERS = new URL('./baseline-servers-main.ts', import.meta.url);

type Row = Record<string, string | number | null>;

export interface TableRows {
  table: string;
  rows: Row[];
}

/** Every synced row of a replica, tables in the order the source first wrote them (parents first). */
export function recordsOf(r: BenchReplica): TableRows[] {
  const db = r.backend.store.sqlite;
  const order = db.prepare('SELECT table_name AS t, min(seq) AS s FROM change_log GROUP BY table_name ORDER BY s').all() as { t: string }[];
  const tables = [...order.map((o) => o.t), ...[...SYNC_CATALOG.keys()].filter((t) => !order.some((o) => o.t === t))];
  return tables
    .map((table) => ({ table, rows: db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all() as Row[] }))
    .filter((t) => t.rows.length > 0);
}

function fetchBody(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks)));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** Wall and CPU milliseconds of a run: the client's (this process) and the server's (its child). */
export interface BaselineTime {
  ms: number;
  cpuMs: number;
  serverCpuMs: number;
}

/** Times from the request to the commit; the destination is checked against the records. */
export async function rawLimit(records: TableRows[]): Promise<BaselineTime & { bytes: number; rows: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-bench-raw-'));
  const file = path.join(dir, 'records.json');
  fs.writeFileSync(file, JSON.stringify(records));
  const server = await forkServer(BASELINE_SERVERS, ['raw', file]);
  const dest = emptyReplica('raw');
  try {
    const db = dest.backend.store.sqlite;
    const s0 = await server.cpuMs();
    const c0 = cpuMsSoFar();
    const t0 = performance.now();
    const body = await fetchBody(`${server.url}/rows`);
    const parsed = JSON.parse(body.toString('utf8')) as TableRows[];
    let rows = 0;
    // The search index built in bulk, the fastest way we know (as ours does); per-row indexing
    // by the triggers took half of this limit before.
    withSearchIndexDeferred(dest.backend.store, () => {
      for (const { table, rows: list } of parsed) {
        const cols = Object.keys(list[0]!);
        const stmt = db.prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
        for (const row of list) stmt.run(...cols.map((c) => row[c]));
        rows += list.length;
      }
    });
    const ms = performance.now() - t0;
    const cpu = cpuMsSoFar() - c0;
    const serverCpuMs = (await server.cpuMs()) - s0;
    for (const { table, rows: list } of records) {
      const n = (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
      if (n !== list.length) throw new Error(`raw: ${table} has ${n} rows, expected ${list.length}`);
    }
    return { ms, cpuMs: cpu, serverCpuMs, bytes: body.length, rows };
  } finally {
    dest.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Loads the records into the served database (not timed), then serves it from a child process
 * and times PouchDB.replicate from that HTTP server into an empty local database. batch_size is
 * 1000 documents, the page size of ours.
 */
export async function pouchReplication(records: TableRows[], log: (line: string) => void): Promise<BaselineTime & { docs: number; loadS: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-bench-pouch-'));
  fs.mkdirSync(path.join(dir, 'server'));
  let server: ChildServer | null = null;
  let client: InstanceType<typeof PouchDB> | null = null;
  try {
    const t0 = performance.now();
    const docs = records.flatMap(({ table, rows }) => rows.map((r) => ({ ...r, _id: `${table}/${r.id as string}`, table })));
    const served = new (PouchDB.defaults({ prefix: `${path.join(dir, 'server')}${path.sep}` }))('district');
    for (let i = 0; i < docs.length; i += 1000) {
      const res = await served.bulkDocs(docs.slice(i, i + 1000));
      if (res.some((r) => r.error)) throw new Error('pouch: bulkDocs failed');
      if ((i / 1000) % 20 === 19) log(`  pouchdb: ${i + 1000}/${docs.length} docs in the served database`);
    }
    // LevelDB takes one process at a time: the server's process opens it once this one has let go.
    await served.close();
    const loadS = (performance.now() - t0) / 1000;
    server = await forkServer(BASELINE_SERVERS, ['pouch', dir]);
    client = new PouchDB(path.join(dir, 'client'));
    const s1 = await server.cpuMs();
    const c1 = cpuMsSoFar();
    const t1 = performance.now();
    const res = await PouchDB.replicate(`${server.url}/district`, client, { batch_size: 1000 });
    const ms = performance.now() - t1;
    const cpu = cpuMsSoFar() - c1;
    const serverCpuMs = (await server.cpuMs()) - s1;
    const info = await client.info();
    if (!res.ok || info.doc_count !== docs.length) throw new Error(`pouch: replicated ${info.doc_count} of ${docs.length} docs`);
    return { ms, cpuMs: cpu, serverCpuMs, docs: info.doc_count, loadS };
  } finally {
    await client?.close();
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
