/**
 * Bench `warnings` (issue 17): matching a department file against a street — a 医保 file with one
 * row per person of a generated street (40,000 households ≈ 100,000 persons by default; 95%
 * registered, 5% unknown ID numbers of the district, 1% above the monthly 医疗自付 line) — beside a
 * plain SQL join of the same rows.
 *
 * What is measured, in one run:
 * - matching (the goal's figure): from the file's parsed rows to each row matched (or not) with its
 *   person, every per-row check included — planDepartmentImport, the preview the user waits for;
 * - join (the baseline): the same parsed rows (ID number, month, amounts as the file has them)
 *   loaded into a temporary table and joined to persons on the ID number;
 * - read (CSV parse, readDepartmentFile) and commit (import record, a synced department record per
 *   matched row with its outbox and field clocks, 线索, raising warnings) as figures of their own.
 * Matching and join run 5 times each (both read only), taking turns so that both see the same load:
 * the median wall time of each and, beside it, the median CPU time (this process, every thread; the
 * steadier figure on a busy machine). Read and commit run once. ratio = matching / join by wall time,
 * cpu_ratio by CPU time. Goal: ratio ≤ 2.
 *
 * `--data-dir=DIR` keeps the generated street in DIR and runs each time on a copy of it (the commit
 * writes, and the same file twice would be refused).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../../electron/backend/app';
import { generateStreet } from '../../electron/backend/demo/generate';
import { loadStreetData } from '../../electron/backend/demo/load';
import { removeTestDir } from '../../electron/backend/testing/remove-dir';
import { planDepartmentImport, type DepartmentPlan } from '../../electron/backend/services/warnings/intake-check';
import { commitDepartmentImport, fileSha256 } from '../../electron/backend/services/warnings/intake';
import { readDepartmentFile, type DepartmentRow } from '../../electron/backend/services/warnings/intake-read';
import { SOURCE_COLUMNS } from '../../electron/backend/services/warnings/intake-columns';
import { makeIdNumber } from '../../shared/id-number';
import { cpuMsSoFar, log, type Bench, type BenchOptions, type BenchResult } from './lib';

const GOAL_RATIO = 2;
const PERIOD = { startOn: '2026-05-01', endOn: '2026-05-31' };

/** The k-th ID number nobody here has: born in January 1901, 500 a day. */
function unknownId(k: number): string {
  return makeIdNumber('120110', `190101${String(1 + Math.floor(k / 500)).padStart(2, '0')}`, k % 500);
}

interface Timed<T> {
  wall: number;
  cpu: number;
  value: T;
}

async function timed<T>(fn: () => Promise<T> | T): Promise<Timed<T>> {
  const cpu0 = cpuMsSoFar();
  const t0 = performance.now();
  const value = await fn();
  return { wall: performance.now() - t0, cpu: cpuMsSoFar() - cpu0, value };
}

const RUNS = 5;

/** The median run of each (by wall time; its CPU time beside), the two taking turns so that both see the same load. */
async function medianPair<A, B>(a: () => Promise<A> | A, b: () => Promise<B> | B): Promise<[Timed<A>, Timed<B>]> {
  const as: Timed<A>[] = [];
  const bs: Timed<B>[] = [];
  for (let i = 0; i < RUNS; i++) {
    as.push(await timed(a));
    bs.push(await timed(b));
  }
  const median = <T>(runs: Timed<T>[]) => {
    const byWall = [...runs].sort((x, y) => x.wall - y.wall)[runs.length >> 1]!;
    return { ...byWall, cpu: runs.map((r) => r.cpu).sort((x, y) => x - y)[runs.length >> 1]! };
  };
  return [median(as), median(bs)];
}

/** The street loaded into dataDir (generated there when empty); the backend closed again. */
function ensureLoaded(dataDir: string, households: number): void {
  const backend = createBackend({ dataDir, logError: () => undefined });
  try {
    if ((backend.store.prepare('SELECT count(*) AS n FROM persons').get() as { n: number }).n === 0) {
      log(`warnings: generating ${households} households / 生成 ${households} 户`);
      loadStreetData(backend.store, generateStreet({ households, referenceDate: '2026-06-30' }), { history: false });
    }
  } finally {
    backend.close();
  }
}

/** The plain join: the parsed rows into a temporary table, joined to persons on the ID number. */
function plainJoin(sqlite: ReturnType<typeof createBackend>['store']['sqlite'], rows: DepartmentRow[]): number {
  sqlite.exec('DROP TABLE IF EXISTS temp.bench_rows; CREATE TEMP TABLE bench_rows (line INTEGER, id_number TEXT, month TEXT, total TEXT, self_paid TEXT)');
  const ins = sqlite.prepare('INSERT INTO temp.bench_rows VALUES (?, ?, ?, ?, ?)');
  sqlite.transaction(() => {
    for (const r of rows) ins.run(r.row, r.cells.idNumber ?? null, r.cells.month ?? null, r.cells.totalYuan ?? null, r.cells.selfPaidYuan ?? null);
  })();
  const matched = sqlite
    .prepare('SELECT b.line, p.id, p.household_id, b.month, b.total, b.self_paid FROM temp.bench_rows b JOIN persons p ON p.id_number = b.id_number AND p.deleted_at IS NULL')
    .all().length;
  if (matched === 0) throw new Error('the join matched nothing');
  return matched;
}

async function run(opts: BenchOptions): Promise<BenchResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-bench-warnings-'));
  if (opts.dataDir) {
    ensureLoaded(opts.dataDir, opts.households);
    fs.cpSync(opts.dataDir, dataDir, { recursive: true });
    if (fs.existsSync(`${opts.dataDir}.key`)) fs.copyFileSync(`${opts.dataDir}.key`, `${dataDir}.key`);
  }
  const backend = createBackend({ dataDir, logError: () => undefined });
  try {
    const store = backend.store;
    if (!opts.dataDir) {
      log(`warnings: generating ${opts.households} households / 生成 ${opts.households} 户`);
      loadStreetData(store, generateStreet({ households: opts.households, referenceDate: '2026-06-30' }), { history: false });
    }
    const streetCode = store.getMeta('street_code')!;
    const persons = store.prepare('SELECT name, id_number FROM persons WHERE deleted_at IS NULL ORDER BY id_number').all() as { name: string; id_number: string }[];
    // One row per person: 95% registered persons, 5% ID numbers nobody here has (born in 1901); 1 in
    // 100 paid 6,000 yuan themselves in the month (above the 当月医疗自付 line: a warning each).
    const lines = persons.map((p, i) =>
      i % 20 === 19
        ? `未登记,${unknownId(Math.floor(i / 20))},2026-05,500.00,100.00,`
        : i % 100 === 7
          ? `${p.name},${p.id_number},2026-05,8000.00,6000.00,`
          : `${p.name},${p.id_number},2026-05,${((100_000 + (i % 5000)) / 100).toFixed(2)},${((20_000 + (i % 3000)) / 100).toFixed(2)},`,
    );
    const csv = `${SOURCE_COLUMNS.medical.map((c) => c.header).join(',')}\n${lines.join('\n')}\n`;
    const base64 = Buffer.from(csv).toString('base64');
    log(`warnings: ${persons.length} persons, a file of ${lines.length} rows (${(csv.length / 1e6).toFixed(1)} MB)`);

    const read = await timed(() => readDepartmentFile('medical', '医保2026年5月.csv', base64));
    const rows = read.value.rows;
    const [join, matching] = await medianPair(
      () => plainJoin(store.sqlite, rows),
      () => planDepartmentImport(store, streetCode, 'medical', PERIOD, rows),
    );
    const plan: DepartmentPlan = matching.value;
    if (plan.errors.length) throw new Error(`the bench file has errors: ${JSON.stringify(plan.errors.slice(0, 3))}`);
    if (plan.records.length !== join.value) throw new Error(`matching found ${plan.records.length} persons, the join ${join.value}`);
    const actor = { userId: null, username: 'bench', streetCode };
    const commit = await timed(() =>
      commitDepartmentImport(store, actor, {
        userId: 'bench',
        userName: 'bench',
        streetCode,
        source: 'medical',
        fileName: '医保2026年5月.csv',
        fileSha256: fileSha256(base64),
        period: PERIOD,
        plan,
      }),
    );
    const ratio = Math.round((matching.wall / join.wall) * 10) / 10;
    const cpuRatio = Math.round((matching.cpu / join.cpu) * 10) / 10;
    const ms = (n: number) => Math.round(n);
    const json: BenchResult['json'] = {
      bench: 'warnings',
      persons: persons.length,
      rows: rows.length,
      matched: plan.records.length,
      clues: plan.clues.length,
      matching_ms: ms(matching.wall),
      matching_cpu_ms: ms(matching.cpu),
      join_ms: ms(join.wall),
      join_cpu_ms: ms(join.cpu),
      ratio,
      cpu_ratio: cpuRatio,
      goal_ratio: GOAL_RATIO,
      read_ms: ms(read.wall),
      read_cpu_ms: ms(read.cpu),
      commit_ms: ms(commit.wall),
      commit_cpu_ms: ms(commit.cpu),
      records_stored: commit.value.recordsStored,
      warnings_raised: commit.value.warningsRaised,
      loadavg_1m: Math.round(os.loadavg()[0]! * 10) / 10,
      cpus: os.cpus().length,
    };
    const summary = [
      `warnings: 医保 ${rows.length} 行 rows against ${persons.length} 人 persons: matched ${plan.records.length}, 线索 ${plan.clues.length}`,
      `  比对 matching (parsed rows → each row checked and matched) ${json.matching_ms} ms (CPU ${json.matching_cpu_ms} ms), median of 5`,
      `  普通 SQL 关联 plain join (the same rows into a temp table + join) ${json.join_ms} ms (CPU ${json.join_cpu_ms} ms), median of 5`,
      `  比值 ratio ${ratio}× (CPU ${cpuRatio}×) / 目标 goal ≤ ${GOAL_RATIO}×: ${ratio <= GOAL_RATIO ? '达标 OK' : '未达标 OVER GOAL'}`,
      `  读取 read (CSV) ${json.read_ms} ms (CPU ${json.read_cpu_ms} ms); 导入 commit ${json.commit_ms} ms (CPU ${json.commit_cpu_ms} ms): ${commit.value.recordsStored} records, ${commit.value.warningsRaised} 预警`,
    ];
    return { json, summary };
  } finally {
    backend.close();
    removeTestDir(dataDir);
    fs.rmSync(`${dataDir}.key`, { force: true });
  }
}

export const warningsBench: Bench = { name: 'warnings', run };
