/**
 * Bench `storage-footprint`: bytes per person of an office database, beside a plain SQLite database
 * holding only the domain (synced) tables and their indexes with the same rows, in the same run:
 *  (a) the district's source replica: the street loaded through the write path and acknowledged by
 *      the server (sync-district.ts);
 *  (b) a replica bootstrapped from the district server (enroll + snapshot + pull);
 *  (c) (a) after a year of generated edits through the write path, pushed month by month: visits
 *      (every household twice), ledger items (registered, then worked and closed), monthly payment
 *      batches (rows for 3 % of households, confirmed) and 10 % of persons edited.
 * Bytes are pages in use after a WAL checkpoint (free pages aside): not noisy, whatever the load.
 * The size is --households / BENCH_HOUSEHOLDS (e.g. BENCH_HOUSEHOLDS=4000 for a quick run). Runs
 * last: it edits the shared district's source replica.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { DB_FILE_NAME } from '../../electron/backend/app';
import { syncOnce } from '../../electron/backend/sync/session';
import { SYNC_CATALOG } from '../../shared/sync/catalog';
import { systemActor } from '../../electron/backend/services/setup/street';
import type { Store } from '../../electron/backend/store/store';
import { uuidv7 } from '../../shared/uuid';
import { log, type Bench, type BenchOptions, type BenchResult } from './lib';
import { emptyReplica, enroll, sharedDistrict } from './sync-district';

const GOAL = 2;

interface Footprint {
  bytes: number;
  /** Bytes by kind: domain tables and indexes, field clocks, change log, the rest (search index, meta…). */
  domain: number;
  clocks: number;
  log: number;
  other: number;
}

/** Pages in use of a database file, and where they go (dbstat). */
function footprintOf(db: Database.Database): Footprint {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = (db.pragma('page_count', { simple: true }) as number) - (db.pragma('freelist_count', { simple: true }) as number);
  const objects = db
    .prepare(
      `SELECT m.tbl_name AS t, sum(s.pgsize) AS b FROM dbstat s JOIN sqlite_master m ON m.name = s.name GROUP BY m.tbl_name`,
    )
    .all() as { t: string; b: number }[];
  const f: Footprint = { bytes: pages * pageSize, domain: 0, clocks: 0, log: 0, other: 0 };
  for (const { t, b } of objects) {
    if (SYNC_CATALOG.has(t)) f.domain += b;
    else if (t === 'field_clocks' || t === 'row_clocks') f.clocks += b;
    else if (t === 'change_log') f.log += b;
    else f.other += b;
  }
  // sqlite_master itself and the like
  f.other += f.bytes - f.domain - f.clocks - f.log - f.other;
  return f;
}

/** The same rows of the domain tables (and their indexes) in a plain database of their own. */
function plainBytes(source: Database.Database, sourceFile: string): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-bench-plain-'));
  const plain = new Database(path.join(dir, 'plain.sqlite'));
  try {
    const ddl = source
      .prepare("SELECT type, tbl_name AS t, sql FROM sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL ORDER BY type DESC")
      .all() as { type: string; t: string; sql: string }[];
    for (const d of ddl) if (SYNC_CATALOG.has(d.t)) plain.exec(d.sql);
    plain.prepare('ATTACH DATABASE ? AS src').run(sourceFile);
    plain.transaction(() => {
      for (const t of SYNC_CATALOG.keys()) plain.exec(`INSERT INTO main."${t}" SELECT * FROM src."${t}"`);
    })();
    plain.exec('DETACH DATABASE src');
    const pageSize = plain.pragma('page_size', { simple: true }) as number;
    return (plain.pragma('page_count', { simple: true }) as number) * pageSize;
  } finally {
    plain.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface Measured extends Footprint {
  plain: number;
  persons: number;
}

function measure(store: Store, file: string): Measured {
  const persons = (store.sqlite.prepare('SELECT count(*) AS n FROM persons').get() as { n: number }).n;
  const f = footprintOf(store.sqlite);
  return { ...f, plain: plainBytes(store.sqlite, file), persons };
}

/** July 2026 + m, as 'YYYY-MM'. */
function month(m: number): string {
  const n = 6 + m;
  return `${2026 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** One month of the office's work on the street, through the write path. */
function editMonth(store: Store, streetCode: string, m: number, rng: () => number): number {
  const actor = systemActor(streetCode);
  const ym = month(m);
  const households = store
    .prepare('SELECT id, community_id, grid_id, address FROM households WHERE deleted_at IS NULL ORDER BY id')
    .all() as { id: string; community_id: string; grid_id: string | null; address: string }[];
  const persons = store.prepare('SELECT id FROM persons WHERE deleted_at IS NULL ORDER BY id').pluck().all() as string[];
  let writes = 0;
  store.tx(() => {
    // visits: a sixth of the households this month (each one twice a year)
    for (let i = m % 6; i < households.length; i += 6) {
      const h = households[i]!;
      store.insert(
        'visits',
        { streetCode, householdId: h.id, gridId: h.grid_id, communityId: h.community_id, visitedOn: `${ym}-${String(1 + (i % 28)).padStart(2, '0')}`, method: 'home', visitorName: '网格员', situation: rng() < 0.05 ? 'problem' : 'normal', note: rng() < 0.3 ? '家中情况稳定，已告知救助政策' : null },
        actor,
        { action: 'visit.record', summary: '登记走访' },
      );
      writes++;
    }
    // ledger items: 0.5 % of households, registered, worked on and closed in the month
    for (let i = 0; i < households.length / 200; i++) {
      const h = households[Math.floor(rng() * households.length)]!;
      const at = `${ym}-05T02:00:00.000Z`;
      const id = store.insert(
        'ledger_items',
        { streetCode, itemNo: `WT-${ym.replace('-', '')}05-${i.toString(16).toUpperCase().padStart(4, '0')}`, source: 'visit', householdId: h.id, communityId: h.community_id, gridId: h.grid_id, category: 'living', urgency: '2', description: '走访发现生活困难，需核实', registeredAt: at, verifyDueAt: `${ym}-06T02:00:00.000Z`, dueAt: `${ym}-20T02:00:00.000Z` },
        actor,
        { action: 'ledger.register', summary: '登记问题' },
      );
      store.update('ledger_items', id, { status: 'verifying', verification: '已上门核实' }, actor, { action: 'ledger.verify', summary: '核实' });
      store.update('ledger_items', id, { status: 'closed', measures: '纳入临时救助', result: '已解决', closedAt: `${ym}-18T02:00:00.000Z` }, actor, { action: 'ledger.close', summary: '办结' });
      writes += 3;
    }
    // the month's payment batch: rows for 3 % of households, then confirmed
    const batchId = uuidv7();
    store.insert('payment_batches', { id: batchId, streetCode, programme: 'dibao', month: ym, status: 'pending', generatedAt: `${ym}-01T02:00:00.000Z` }, actor, { action: 'batch.generate', summary: '生成发放批次' });
    let total = 0;
    let rows = 0;
    for (let i = 0; i < households.length; i += 33) {
      const h = households[i]!;
      const amount = 80_000 + Math.floor(rng() * 40_000);
      total += amount;
      rows++;
      store.insert(
        'payment_batch_rows',
        { streetCode, batchId, seq: rows, kind: 'regular', forMonth: ym, enrolmentId: `enrolment-${i}`, householdId: h.id, community: '社区', address: h.address, coveredPersons: 2, amountFen: amount, basis: '低保标准差额', bankName: '天津农商银行', bankAccount: `6221${String(i).padStart(12, '0')}` },
        actor,
        null,
      );
    }
    store.update('payment_batches', batchId, { status: 'confirmed', confirmedAt: `${ym}-02T02:00:00.000Z`, rowCount: rows, totalFen: total, digest: 'f'.repeat(64) }, actor, { action: 'batch.confirm', summary: '确认发放批次' });
    writes += rows + 2;
    // persons: a twelfth of 10 % each month
    for (let i = m; i < persons.length; i += 120) {
      store.update('persons', persons[i]!, { phone: `139${String(10_000_000 + i).padStart(8, '0')}` }, actor, { action: 'person.update', summary: '修改人员信息' });
      writes++;
    }
  });
  return writes;
}

function rngOf(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const mb = (b: number) => Math.round(b / 1e5) / 10;

function report(label: string, m: Measured, json: BenchResult['json'], key: string): string {
  const ratio = Math.round((m.bytes / m.plain) * 100) / 100;
  json[`${key}_bytes_per_person`] = Math.round(m.bytes / m.persons);
  json[`${key}_plain_bytes_per_person`] = Math.round(m.plain / m.persons);
  json[`${key}_ratio`] = ratio;
  json[`${key}_clocks_mb`] = mb(m.clocks);
  json[`${key}_log_mb`] = mb(m.log);
  return (
    `  ${label.padEnd(34)} ${mb(m.bytes).toFixed(1).padStart(7)} MB, ${Math.round(m.bytes / m.persons)} B/人 vs plain ${Math.round(m.plain / m.persons)} B/人: ${ratio}× ` +
    `(domain ${mb(m.domain)} MB, clocks ${mb(m.clocks)} MB, change log ${mb(m.log)} MB, other ${mb(m.other)} MB)`
  );
}

async function run(opts: BenchOptions): Promise<BenchResult> {
  const d = await sharedDistrict(opts.households, 'storage-footprint');
  const a = d.source;
  const file = (r: { dataDir: string }) => path.join(r.dataDir, DB_FILE_NAME);
  const json: BenchResult['json'] = { bench: 'storage-footprint', persons: d.persons, households: d.households };
  const lines: string[] = [];
  // each figure logged as it is measured: at 40,000 households the year of edits takes long
  const note = (line: string) => {
    lines.push(line);
    log(`storage-footprint:${line}`);
  };
  note(report('(a) loaded through the write path', measure(a.backend.store, file(a)), json, 'loaded'));

  const b = emptyReplica('footprint');
  try {
    await enroll(d.server, b, d.streetCode);
    await syncOnce(b.backend.store, b.transport());
    note(report('(b) bootstrapped from the server', measure(b.backend.store, file(b)), json, 'bootstrapped'));
  } finally {
    b.close();
  }

  const rng = rngOf(2026);
  let writes = 0;
  for (let m = 0; m < 12; m++) {
    writes += editMonth(a.backend.store, d.streetCode, m, rng);
    await syncOnce(a.backend.store, a.transport());
    log(`storage-footprint: month ${m + 1}/12 edited and pushed (${writes} writes so far)`);
  }
  json.year_writes = writes;
  const outbox = (a.backend.store.sqlite.prepare('SELECT count(*) AS n FROM change_log WHERE pushed_at IS NULL').get() as { n: number }).n;
  if (outbox > 0) throw new Error(`storage-footprint: ${outbox} changes left unpushed`);
  note(report('(c) (a) after a year of edits', measure(a.backend.store, file(a)), json, 'year'));
  const worst = Math.max(Number(json.loaded_ratio), Number(json.bootstrapped_ratio), Number(json.year_ratio));
  json.ratio = worst;
  json.goal_ratio = GOAL;
  json.ok = worst <= GOAL;
  return {
    json,
    summary: [
      `storage-footprint: ${d.persons} 人 persons, ${d.households} 户 households; bytes in use beside a plain database of the domain tables`,
      ...lines,
      `  最大倍数 worst ${worst}× (目标 goal ≤ ${GOAL}×): ${worst <= GOAL ? '达标 OK' : '未达标 MISSED'}`,
    ],
  };
}

export const storageFootprintBench: Bench = { name: 'storage-footprint', run };
