/**
 * What a visit makes the 工作台 work out again (issue 15): on a database kept by the `reports`
 * bench (`--data-dir`), a visit is recorded through the API before each run, then the supervisor's
 * 工作台 is timed (CPU), with the due lists alone beside it, and the sections that read a table the
 * visit wrote are named. A tool, not a bench: `tsx tests/bench/profile-workbench.ts DIR`.
 */
import { createBackend } from '../../electron/backend/app';
import { DEMO_PASSWORD, DEMO_USERS } from '../../electron/backend/demo/load';
import { workbench } from '../../electron/backend/services/home/workbench';
import { dueList } from '../../electron/backend/services/screening/due';
import { keptTables } from '../../electron/backend/store/since-last-change';
import { cpuMsSoFar, percentile } from './lib';

const dataDir = process.argv[2]!;
const runs = Number(process.argv[3] ?? 20);
let tick = 0;
const now = () => new Date(Date.parse('2026-06-15T04:00:00.000Z') + tick * 1000);
const backend = createBackend({ dataDir, now, logError: () => undefined, sync: { autoStart: false } });
const store = backend.store;
const db = store.sqlite;
const street = (db.prepare('SELECT street_code AS s FROM households LIMIT 1').get() as { s: string }).s;
const user = DEMO_USERS.find((u) => u.role === 'street-admin')!;
const ids = (db.prepare("SELECT id FROM households WHERE deleted_at IS NULL AND status = 'active' ORDER BY id LIMIT 500").all() as { id: string }[]).map((r) => r.id);

async function main(): Promise<void> {
  const login = await backend.call('auth.login', { username: user.username, password: DEMO_PASSWORD }, null);
  if (!login.ok) throw new Error(login.error.message);
  const token = (login.result as { token: string }).token;
  let w = 0;
  const visit = async () => {
    const env = await backend.call('screening.recordVisit', { householdId: ids[w++ % ids.length], visitedOn: '2026-06-15', method: 'phone', visitorName: '网格员' }, token);
    if (!env.ok) throw new Error(env.error.message);
  };
  const scope = { role: 'supervisor', streetCode: street } as const;
  const timed = async (label: string, f: () => unknown) => {
    f();
    const cpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      await visit();
      tick++;
      const c0 = cpuMsSoFar();
      f();
      cpu.push(cpuMsSoFar() - c0);
    }
    console.log(`${label.padEnd(36)} CPU p50 ${percentile(cpu, 50).toFixed(1)} ms, p95 ${percentile(cpu, 95).toFixed(1)} ms`);
  };
  await timed('workbench after a visit', () => workbench(store, scope as never, null));
  const wb = workbench(store, scope as never, null);
  await visit();
  const again = workbench(store, scope as never, null);
  for (const s of again.sections) {
    const key = [...['', store.nowIso()]].map((i) => `wb|${s.key === 'mine' ? `mine|supervisor` : s.key}|${street}|${i}`).find((k) => keptTables(store, k));
    console.log(`section ${s.key.padEnd(12)} reads ${(key ? keptTables(store, key)! : ['?']).filter((t) => /visit|change|audit|log/.test(t)).join(',')}`);
  }
  void wb;
  await timed('dueList today+week+overdue', () => ['today', 'week', 'overdue'].map((l) => dueList(store, street, l as 'today', { pageSize: 1 })));
  await timed('dueList one community', () => dueList(store, street, 'week', { communityId: (db.prepare('SELECT id FROM communities LIMIT 1').get() as { id: string }).id, pageSize: 20 }));
  backend.close();
}
void main();
