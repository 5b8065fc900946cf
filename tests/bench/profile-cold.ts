/**
 * The cold 工作台 and the cold monthly report (issue 15): what a user meets on the first open after
 * the app starts. Every kept result is dropped (forgetKeptResults) before each run, then the 工作台
 * (supervisor, caseworker) and the report (current, previous month) are timed by CPU, each section's
 * share read from the CPU profile (`cpuprofile-summary.ts`). A tool, not a bench: `node --cpu-prof --cpu-prof-dir=/tmp/prof-cold --import tsx tests/bench/profile-cold.ts DIR [runs]`.
 */
import { createBackend } from '../../electron/backend/app';
import { workbench } from '../../electron/backend/services/home/workbench';
import { buildMonthlyReport } from '../../electron/backend/services/reports/monthly';
import { forgetKeptResults } from '../../electron/backend/store/since-last-change';
import { cpuMsSoFar, percentile } from './lib';

const dataDir = process.argv[2]!;
const runs = Number(process.argv[3] ?? 5);
const backend = createBackend({ dataDir, now: () => new Date('2026-06-15T04:00:00.000Z'), logError: () => undefined, sync: { autoStart: false } });
const store = backend.store;
const street = (store.sqlite.prepare('SELECT street_code AS s FROM households LIMIT 1').get() as { s: string }).s;

function cold(label: string, f: () => unknown): void {
  f(); // the statements prepared once, as after the first open
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    forgetKeptResults(store);
    const c0 = cpuMsSoFar();
    f();
    cpu.push(cpuMsSoFar() - c0);
  }
  console.log(`${label.padEnd(34)} CPU p50 ${percentile(cpu, 50).toFixed(0)} ms, p95 ${percentile(cpu, 95).toFixed(0)} ms`);
}

const month = '2026-06';
cold('workbench supervisor (cold)', () => workbench(store, { role: 'supervisor', streetCode: street }, null));
cold('workbench caseworker (cold)', () => workbench(store, { role: 'caseworker', streetCode: street }, null));
cold('report current month (cold)', () => buildMonthlyReport(store, { streetCode: street, month }));
cold('report previous month (cold)', () => buildMonthlyReport(store, { streetCode: street, month: '2026-05' }));
backend.close();
