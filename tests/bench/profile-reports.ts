/**
 * Where the monthly report and the 工作台 spend their time (issue 15): each table builder and each
 * hot helper timed on a database kept by the `reports` bench (`--data-dir`). A tool, not a bench:
 * `tsx tests/bench/profile-reports.ts DIR`.
 */
import { createBackend } from '../../electron/backend/app';
import { MONTHLY_BUILDERS } from '../../electron/backend/services/reports/tables';
import { reportMonth } from '../../electron/backend/services/reports/monthly';
import { entitlementGaps } from '../../electron/backend/services/assistance/gaps';
import { fourHavesBoard, fourHavesOn } from '../../electron/backend/services/care/board';
import { workbench } from '../../electron/backend/services/home/workbench';
import { gapList } from '../../electron/backend/services/assistance/gap-list';

const dataDir = process.argv[2]!;
const backend = createBackend({ dataDir, now: () => new Date('2026-06-15T04:00:00.000Z'), logError: () => undefined, sync: { autoStart: false } });
const store = backend.store;
const street = (store.sqlite.prepare('SELECT street_code AS s FROM households LIMIT 1').get() as { s: string }).s;
const time = (label: string, f: () => unknown, runs = 5) => {
  f();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  console.log(`${label.padEnd(32)} median ${t[Math.floor(runs / 2)]!.toFixed(1)} ms`);
};
for (const month of ['2026-06', '2026-05']) {
  const m = reportMonth(street, month, store.nowDate());
  for (const [key, build] of Object.entries(MONTHLY_BUILDERS)) time(`${month} ${key}`, () => build(store, m));
}
time('entitlementGaps today', () => entitlementGaps(store, street, '2026-06-15'));
time('gapList today', () => gapList(store, street, {}));
time('fourHavesOn today', () => fourHavesOn(store, street, '2026-06-15'));
time('fourHavesBoard gapsOnly', () => fourHavesBoard(store, street, null, true));
// A write clears the results kept since the last change; time the 工作台 as after one.
store.sqlite.exec('CREATE TEMP TABLE touch (n INTEGER)');
time('workbench supervisor (cold)', () => {
  store.sqlite.exec('INSERT INTO touch VALUES (1)'); // a change: nothing kept is reused
  return workbench(store, { role: 'supervisor', streetCode: street, userId: 'x' } as never, null);
});
backend.close();
