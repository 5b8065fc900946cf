/**
 * Bench `warnings` (issue 17): the department-data intake of a 医保 file with one row per person of
 * a generated street (40,000 households ≈ 100,000 persons by default; 95% registered, 5% unknown
 * ID numbers of the district) — CSV read, preview (every row checked, matched by ID number) and
 * commit (import record, a department record per matched row, 线索) — beside a plain SQL join of
 * the same rows (loaded into a temporary table, joined to persons on the ID number) in the same run.
 * Goal: intake ≤ 2× the join.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../../electron/backend/app';
import { generateStreet } from '../../electron/backend/demo/generate';
import { loadStreetData } from '../../electron/backend/demo/load';
import { removeTestDir } from '../../electron/backend/testing/remove-dir';
import { planDepartmentImport } from '../../electron/backend/services/warnings/intake-check';
import { commitDepartmentImport, fileSha256 } from '../../electron/backend/services/warnings/intake';
import { readDepartmentFile } from '../../electron/backend/services/warnings/intake-read';
import { SOURCE_COLUMNS } from '../../electron/backend/services/warnings/intake-columns';
import { makeIdNumber } from '../../shared/id-number';
import { log, type Bench, type BenchOptions, type BenchResult } from './lib';

const GOAL_RATIO = 2;
const PERIOD = { startOn: '2026-05-01', endOn: '2026-05-31' };

interface Row {
  name: string;
  idNumber: string;
  totalFen: number;
  selfFen: number;
}

/** The k-th ID number nobody here has: born in January 1901, 500 a day. */
function unknownId(k: number): string {
  return makeIdNumber('120110', `190101${String(1 + Math.floor(k / 500)).padStart(2, '0')}`, k % 500);
}

async function run(opts: BenchOptions): Promise<BenchResult> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-bench-warnings-'));
  const backend = createBackend({ dataDir, logError: () => undefined });
  try {
    const store = backend.store;
    if ((store.prepare('SELECT count(*) AS n FROM persons').get() as { n: number }).n === 0) {
      log(`warnings: generating ${opts.households} households / 生成 ${opts.households} 户`);
      loadStreetData(store, generateStreet({ households: opts.households, referenceDate: '2026-06-30' }), { history: false });
    }
    const streetCode = store.getMeta('street_code')!;
    const persons = store.prepare('SELECT name, id_number FROM persons WHERE deleted_at IS NULL ORDER BY id_number').all() as { name: string; id_number: string }[];
    // One row per person: 95% registered persons, 5% ID numbers nobody here has (born in 1901).
    const rows: Row[] = persons.map((p, i) =>
      i % 20 === 19
        ? { name: '未登记', idNumber: unknownId(Math.floor(i / 20)), totalFen: 50_000, selfFen: 10_000 }
        : { name: p.name, idNumber: p.id_number, totalFen: 100_000 + (i % 5000), selfFen: 20_000 + (i % 3000) },
    );
    const header = SOURCE_COLUMNS.medical.map((c) => c.header).join(',');
    const csv = `${header}\n${rows.map((r) => `${r.name},${r.idNumber},2026-05,${(r.totalFen / 100).toFixed(2)},${(r.selfFen / 100).toFixed(2)},`).join('\n')}\n`;
    const base64 = Buffer.from(csv).toString('base64');
    log(`warnings: ${persons.length} persons, a file of ${rows.length} rows (${(csv.length / 1e6).toFixed(1)} MB)`);

    // The plain join: the same rows into a temporary table, joined to persons on the ID number.
    const join = (): number => {
      const t0 = performance.now();
      store.sqlite.exec('DROP TABLE IF EXISTS temp.bench_rows; CREATE TEMP TABLE bench_rows (id_number TEXT, month TEXT, total_fen INTEGER, self_fen INTEGER)');
      const ins = store.sqlite.prepare('INSERT INTO temp.bench_rows VALUES (?, ?, ?, ?)');
      store.sqlite.transaction(() => {
        for (const r of rows) ins.run(r.idNumber, '2026-05', r.totalFen, r.selfFen);
      })();
      const matched = store.sqlite
        .prepare('SELECT p.id, p.household_id, b.month, b.total_fen, b.self_fen FROM temp.bench_rows b JOIN persons p ON p.id_number = b.id_number AND p.deleted_at IS NULL')
        .all().length;
      const ms = performance.now() - t0;
      if (matched === 0) throw new Error('the join matched nothing');
      return ms;
    };
    const joins = [join(), join(), join()].sort((a, b) => a - b);
    const joinMs = joins[1]!;

    const actor = { userId: null, username: 'bench', streetCode };
    const t0 = performance.now();
    const sheet = await readDepartmentFile('medical', '医保2026年5月.csv', base64);
    const t1 = performance.now();
    const plan = await planDepartmentImport(store, streetCode, 'medical', PERIOD, sheet.rows);
    const t2 = performance.now();
    if (plan.errors.length) throw new Error(`the bench file has errors: ${JSON.stringify(plan.errors.slice(0, 3))}`);
    const result = await commitDepartmentImport(store, actor, {
      userId: 'bench',
      userName: 'bench',
      streetCode,
      source: 'medical',
      fileName: '医保2026年5月.csv',
      fileSha256: fileSha256(base64),
      period: PERIOD,
      plan,
    });
    const t3 = performance.now();
    const intakeMs = t3 - t0;
    const ratio = Math.round((intakeMs / joinMs) * 10) / 10;
    const json: BenchResult['json'] = {
      bench: 'warnings',
      persons: persons.length,
      rows: rows.length,
      matched: result.recordsStored,
      clues: result.cluesRaised,
      read_ms: Math.round(t1 - t0),
      preview_ms: Math.round(t2 - t1),
      commit_ms: Math.round(t3 - t2),
      intake_ms: Math.round(intakeMs),
      join_ms: Math.round(joinMs),
      ratio,
      goal_ratio: GOAL_RATIO,
      loadavg_1m: Math.round(os.loadavg()[0]! * 10) / 10,
      cpus: os.cpus().length,
    };
    const summary = [
      `warnings: 医保 ${rows.length} 行 rows against ${persons.length} 人 persons: matched ${result.recordsStored}, 线索 ${result.cluesRaised}`,
      `  读取 read ${json.read_ms} ms + 检查比对 preview ${json.preview_ms} ms + 导入 commit ${json.commit_ms} ms = ${json.intake_ms} ms`,
      `  普通 SQL 关联 plain join (load into a temp table + join, median of 3) ${json.join_ms} ms`,
      `  比值 ratio ${ratio}× / 目标 goal ≤ ${GOAL_RATIO}×: ${ratio <= GOAL_RATIO ? '达标 OK' : '未达标 OVER GOAL'}`,
    ];
    return { json, summary };
  } finally {
    backend.close();
    if (!opts.dataDir) removeTestDir(dataDir);
  }
}

export const warningsBench: Bench = { name: 'warnings', run };
