/**
 * The two comparisons of the sync-bootstrap bench, on the same records as the district server
 * holds (every row of the street, one record per row, the same fields):
 * - raw limit: the rows serialized as JSON by a node:http server on 127.0.0.1, fetched by a
 *   node:http client, parsed and inserted into the same tables of a fresh replica (same schema,
 *   indexes, search index built in bulk) in ONE better-sqlite3 transaction with prepared statements;
 *   no field clocks, no merge, no paging, no compression, no validation;
 * - PouchDB: one document per row in a PouchDB database (pouchdb-node, LevelDB) served over HTTP by
 *   express-pouchdb on 127.0.0.1, replicated with PouchDB.replicate into an empty pouchdb-node
 *   database in a temporary directory.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import expressPouchdb from 'express-pouchdb';
import PouchDB from 'pouchdb-node';
import type { BenchReplica } from './sync-district';
import { emptyReplica } from './sync-district';
import { SYNC_CATALOG } from '../../electron/backend/sync/catalog';
import { withSearchIndexDeferred } from '../../electron/backend/store/search-index';

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

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: http.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

function fetchBody(port: number, urlPath: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: urlPath, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks)));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Milliseconds (wall and CPU of this process) from the request to the commit; the destination is checked against the records. */
export async function rawLimit(records: TableRows[]): Promise<{ ms: number; cpuMs: number; bytes: number; rows: number }> {
  const server = http.createServer((_req, res) => {
    const body = JSON.stringify(records);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  const port = await listen(server);
  const dest = emptyReplica('raw');
  try {
    const db = dest.backend.store.sqlite;
    const c0 = cpuMs();
    const t0 = performance.now();
    const body = await fetchBody(port, '/rows');
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
    const cpu = cpuMs() - c0;
    for (const { table, rows: list } of records) {
      const n = (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
      if (n !== list.length) throw new Error(`raw: ${table} has ${n} rows, expected ${list.length}`);
    }
    return { ms, cpuMs: cpu, bytes: body.length, rows };
  } finally {
    dest.close();
    await close(server);
  }
}

/**
 * Loads the records into the served database (not timed), then times PouchDB.replicate from the
 * HTTP server into an empty local database. batch_size is 500 documents, the page size of ours.
 */
export async function pouchReplication(records: TableRows[], log: (line: string) => void): Promise<{ ms: number; cpuMs: number; docs: number; loadS: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-bench-pouch-'));
  const ServerPouch = PouchDB.defaults({ prefix: `${path.join(dir, 'server')}${path.sep}` });
  fs.mkdirSync(path.join(dir, 'server'));
  const app = express();
  app.use(
    '/',
    expressPouchdb(ServerPouch, {
      mode: 'minimumForPouchDB',
      inMemoryConfig: true,
      logPath: path.join(dir, 'log.txt'),
    }),
  );
  const server = http.createServer(app);
  const port = await listen(server);
  const served = new ServerPouch('district');
  let client: InstanceType<typeof PouchDB> | null = null;
  try {
    const t0 = performance.now();
    const docs = records.flatMap(({ table, rows }) => rows.map((r) => ({ ...r, _id: `${table}/${r.id as string}`, table })));
    for (let i = 0; i < docs.length; i += 1000) {
      const res = await served.bulkDocs(docs.slice(i, i + 1000));
      if (res.some((r) => r.error)) throw new Error('pouch: bulkDocs failed');
      if ((i / 1000) % 20 === 19) log(`  pouchdb: ${i + 1000}/${docs.length} docs in the served database`);
    }
    const loadS = (performance.now() - t0) / 1000;
    client = new PouchDB(path.join(dir, 'client'));
    const c1 = cpuMs();
    const t1 = performance.now();
    const res = await PouchDB.replicate(`http://127.0.0.1:${port}/district`, client, { batch_size: 500 });
    const ms = performance.now() - t1;
    const cpu = cpuMs() - c1;
    const info = await client.info();
    if (!res.ok || info.doc_count !== docs.length) throw new Error(`pouch: replicated ${info.doc_count} of ${docs.length} docs`);
    return { ms, cpuMs: cpu, docs: info.doc_count, loadS };
  } finally {
    await client?.close();
    await served.close();
    await close(server);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
