/**
 * Bench `ui-responsiveness`: does the thread that serves the window keep answering while the backend
 * does long work? Three jobs, one after another: an Excel import of 20,000 rows (preview and commit),
 * an Excel export of the 100,000-person street, and the bootstrap of an empty PC from the district
 * server (40,000 households; sync-district.ts). During each, a second client calls a cheap procedure
 * (`auth.me`) every 20 ms over HTTP through browser mode's web host, and the web host's event loop
 * is sampled (monitorEventLoopDelay; the web host in a process of its own, as in browser mode). Two designs in the same run, same data:
 *   worker    — today's: the backend in its worker thread behind the backend host (electron/host/),
 *               the cheap reads (auth.me) answered by the host's reader worker on a read-only connection;
 *   one_worker — (only when named in UI_BENCH_DESIGNS) the host without its reader: every call to the
 *               one worker, as before the reader (what the reader changes, in the same run);
 *   in-thread — the old one: createBackend in the web host's own thread.
 * Figures per job: the cheap call's p99 and max latency, counted from when the client meant to send
 * it (a call the blocked thread could not even take counts its wait), and the UI thread's max
 * event-loop delay. Goals (worker): max delay < 50 ms, p99 < 250 ms during every job.
 * Smaller: --households=N (the district street) and BENCH_IMPORT_ROWS (default 20,000). Fewer:
 * UI_BENCH_PHASES=import,export,bootstrap (default all three jobs; without export and bootstrap the
 * district street is not built), UI_BENCH_DESIGNS=worker (default both). Why: UI_BENCH_STALLS=1 logs
 * every gap of the host's loop over 50 ms with what the host was doing (host-stalls.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeDatabaseKey } from '../../electron/backend/db/database-key';
import { connectStreetDatabase } from '../../electron/backend/db/street-database';
import { createBackend, DB_FILE_NAME } from '../../electron/backend/app';
import { createUser } from '../../electron/backend/services/auth/users';
import { systemActor } from '../../electron/backend/services/setup/street';
import { importRows, importWorkbook } from '../../electron/backend/testing/import-file';
import { ADMIN, TEST_STREET } from '../../electron/backend/testing/harness';
import { log, percentile, type Bench, type BenchOptions, type BenchResult } from './lib';
import { sharedDistrict, type District } from './sync-district';
import { forkServer } from './child-server';
import type { CallArg, Envelope, Ticks } from './ui-client-main';
import type { HostFigures } from './ui-host-main';

const CALL_EVERY_MS = 20;
const GOAL_LOOP_MAX_MS = 50;
const GOAL_CALL_P99_MS = 250;

type Design = 'worker' | 'one_worker' | 'in_thread';
type Job = 'import' | 'export' | 'bootstrap';
/** A call made by the client process; the answer's result only when `result` is set (a big one stays there). */
type Call = (procedure: string, input: unknown, token?: string | null, more?: Pick<CallArg, 'result' | 'inputFile'>) => Promise<Envelope>;

interface Served {
  call: Call;
  /** The figures of a job run while the client calls auth.me on schedule and the host's loop is sampled. */
  measured(token: string | null, job: () => Promise<unknown>): Promise<Figures>;
  close(): Promise<void>;
}

interface Figures {
  job_s: number;
  calls: number;
  /** Calls that got no answer (connection refused or reset): their wait until then is counted. */
  failed: number;
  call_p99_ms: number;
  call_max_ms: number;
  loop_max_ms: number;
}

/**
 * The backend of one design behind browser mode's web host on 127.0.0.1, in a process of its own
 * (ui-host-main.ts) as browser mode runs it, and its clients in another (ui-client-main.ts), as a
 * browser: the sampled loop is then the web host's alone, its heap the host's, not the bench's.
 */
async function serve(design: Design, dataDir: string): Promise<Served> {
  const host = await forkServer(new URL('./ui-host-main.ts', import.meta.url), [design, dataDir]);
  const client = await forkServer(new URL('./ui-client-main.ts', import.meta.url), []);
  const call: Call = (procedure, input, token = null, more = { result: true }) =>
    client.ask<Envelope>('call', { url: host.url, procedure, input, token, ...more } satisfies CallArg);
  let closed = false;
  return {
    call,
    measured: async (token, job) => {
      const t0 = performance.now();
      await host.ask('start');
      await client.ask('tick', { url: host.url, token, everyMs: CALL_EVERY_MS });
      let loop: HostFigures;
      try {
        await job();
      } finally {
        loop = await host.ask<HostFigures>('stop');
        for (const s of loop.stalls) log(`  stall ${JSON.stringify(s)}`);
      }
      const jobMs = performance.now() - t0;
      const { latencies, failed, slow } = await client.ask<Ticks>('stop');
      if (process.env.UI_BENCH_STALLS && slow.length) log(`  slow auth.me (meant at µs, ms): ${JSON.stringify(slow)}`);
      return {
        job_s: Math.round(jobMs / 100) / 10,
        calls: latencies.length,
        failed,
        call_p99_ms: Math.round(percentile(latencies, 99)),
        call_max_ms: Math.round(Math.max(...latencies)),
        loop_max_ms: loop.loop_max_ms,
      };
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await client.close();
      await host.close();
    },
  };
}

async function must<T>(p: ReturnType<Call>, what: string): Promise<T> {
  const env = await p;
  if (!env.ok) throw new Error(`${what}: ${env.error?.code} ${env.error?.message}`);
  return env.result as T;
}

const tempDir = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `doudi-bench-ui-${name}-`));

/** The workbook to import, base64 in a file made once: the client process reads it, so it does not cross this thread. */
interface ImportFile {
  dir: string;
  path: string | null;
}

async function importJob(design: Design, rows: number, file: ImportFile): Promise<Figures> {
  const dir = tempDir('import');
  const served = await serve(design, dir);
  try {
    const s = await must<{ token: string }>(
      served.call('setup.initialize', { streetCode: TEST_STREET.code, streetName: TEST_STREET.name, officeName: TEST_STREET.officeName, admin: ADMIN }),
      'setup',
    );
    const [community] = await must<{ name: string }[]>(served.call('org.listCommunities', {}, s.token), 'communities');
    if (!file.path) {
      file.path = path.join(file.dir, 'import.base64');
      fs.writeFileSync(file.path, await importWorkbook(importRows(community!.name, Math.ceil(rows / 2))));
    }
    const inputFile = { key: 'base64', path: file.path };
    return await served.measured(s.token, async () => {
      const preview = await must<{ importId: string; validHouseholds: number }>(
        served.call('registry.importPreview', { fileName: '导入.xlsx' }, s.token, { result: true, inputFile }),
        'import preview',
      );
      await must(served.call('registry.importCommit', { importId: preview.importId }, s.token, {}), 'import commit');
    });
  } finally {
    await served.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(`${dir}.key`, { force: true }); // the database's key file (db/database-key.ts)
  }
}

/** A copy of the district's source replica (the whole street) with an administrator to sign in. */
async function streetCopy(d: District): Promise<{ dir: string; password: string }> {
  const dir = tempDir('street');
  d.source.backend.store.sqlite.prepare('VACUUM INTO ?').run(path.join(dir, DB_FILE_NAME)); // encrypted with the source's key
  writeDatabaseKey(dir, d.source.backend.store.databaseKey!);
  const b = createBackend({ dataDir: dir, sync: { autoStart: false }, logError: () => undefined });
  const password = 'bench-pass-1';
  createUser(b.store, systemActor(d.streetCode), { username: 'bench_admin', displayName: '测评管理员', role: 'street-admin', password });
  b.close();
  return { dir, password };
}

async function exportJob(design: Design, street: { dir: string; password: string }): Promise<Figures> {
  const served = await serve(design, street.dir);
  try {
    const { token } = await must<{ token: string }>(served.call('auth.login', { username: 'bench_admin', password: street.password }), 'login');
    // The answer (the workbook, ~20 MB of JSON) is parsed in the client process and not sent back.
    return await served.measured(token, () => must(served.call('registry.exportHouseholds', {}, token, {}), 'export'));
  } finally {
    await served.close();
  }
}

/** An empty PC enrolls and takes the whole street (the bootstrap runs within sync.enroll). No one can sign in yet: auth.me answers 请先登录, the same round trip. */
async function bootstrapJob(design: Design, d: District): Promise<Figures> {
  const dir = tempDir('bootstrap');
  const served = await serve(design, dir);
  try {
    const code = await d.server.issueCode(d.streetCode);
    const f = await served.measured(null, () => must(served.call('sync.enroll', { serverUrl: d.server.url, code, deviceName: `测评-${design}` }, null, {}), 'enroll'));
    await served.close();
    const db = connectStreetDatabase(dir, { readonly: true });
    const got = (db.prepare('SELECT count(*) AS n FROM households').get() as { n: number }).n;
    db.close();
    if (got !== d.households) throw new Error(`bootstrap (${design}): ${got} households, expected ${d.households}`);
    return f;
  } finally {
    await served.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(`${dir}.key`, { force: true }); // the database's key file (db/database-key.ts)
  }
}

/** The comma-separated subset of `all` an environment variable names (all when unset). */
function chosen<T extends string>(name: string, all: readonly T[], byDefault: readonly T[] = all): T[] {
  const raw = process.env[name]?.split(',').map((x) => x.trim()).filter(Boolean);
  if (!raw?.length) return [...byDefault];
  const bad = raw.filter((x) => !all.includes(x as T));
  if (bad.length) throw new Error(`${name}: unknown ${bad.join(', ')} (known: ${all.join(', ')})`);
  return all.filter((x) => raw.includes(x));
}

async function run(opts: BenchOptions): Promise<BenchResult> {
  const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 20_000);
  const jobs = chosen<Job>('UI_BENCH_PHASES', ['import', 'export', 'bootstrap']);
  const designs = chosen<Design>('UI_BENCH_DESIGNS', ['worker', 'one_worker', 'in_thread'], ['worker', 'in_thread']);
  const needsDistrict = jobs.includes('export') || jobs.includes('bootstrap');
  const d = needsDistrict ? await sharedDistrict(opts.households, 'ui-responsiveness') : null;
  const street = d ? await streetCopy(d) : null;
  const file: ImportFile = { dir: tempDir('file'), path: null };
  const figures: Record<string, Figures> = {};
  try {
    const phase = async (design: Design, job: Job, what: () => string, fn: () => Promise<Figures>) => {
      if (!jobs.includes(job)) return;
      log(`ui-responsiveness (${design}): ${what()}`);
      const f = await fn();
      figures[`${design}_${job}`] = f;
      log(`  ${JSON.stringify(f)} (load average ${os.loadavg()[0]!.toFixed(1)})`);
    };
    for (const design of designs) {
      if (jobs.includes('import')) await phase(design, 'import', () => `import of ${rows} rows`, () => importJob(design, rows, file));
      if (jobs.includes('export')) await phase(design, 'export', () => `export of ${d!.persons} persons`, () => exportJob(design, street!));
      if (jobs.includes('bootstrap')) await phase(design, 'bootstrap', () => `bootstrap of ${d!.households} households`, () => bootstrapJob(design, d!));
    }
  } finally {
    if (street) for (const p of [street.dir, `${street.dir}.key`]) fs.rmSync(p, { recursive: true, force: true });
    fs.rmSync(file.dir, { recursive: true, force: true });
  }
  const json: BenchResult['json'] = { bench: 'ui-responsiveness', phases: jobs.join(','), designs: designs.join(','), import_rows: rows, persons: d?.persons ?? 0, households: d?.households ?? 0 };
  for (const [key, f] of Object.entries(figures)) for (const [k, v] of Object.entries(f)) json[`${key}_${k}`] = v;
  const ok = designs.includes('worker') && jobs.every((j) => figures[`worker_${j}`]!.loop_max_ms < GOAL_LOOP_MAX_MS && figures[`worker_${j}`]!.call_p99_ms < GOAL_CALL_P99_MS);
  Object.assign(json, {
    goal_loop_max_ms: GOAL_LOOP_MAX_MS,
    goal_call_p99_ms: GOAL_CALL_P99_MS,
    ok,
    loadavg_1m: Math.round(os.loadavg()[0]! * 10) / 10,
    cpus: os.cpus().length,
  });
  const line = (design: Design, j: Job) => {
    const f = figures[`${design}_${j}`]!;
    return `  ${design.padEnd(10)} ${j.padEnd(9)} ${f.job_s.toFixed(1).padStart(6)} s  auth.me p99 ${String(f.call_p99_ms).padStart(6)} ms  max ${String(f.call_max_ms).padStart(6)} ms  UI 线程最大延迟 loop max ${String(f.loop_max_ms).padStart(6)} ms  (${f.calls} calls, ${f.failed} failed)`;
  };
  const summary = [
    `ui-responsiveness: import ${rows} 行 rows, export ${d?.persons ?? '-'} 人 persons, bootstrap ${d?.households ?? '-'} 户 households (${jobs.join(', ')}); auth.me every ${CALL_EVERY_MS} ms`,
    ...jobs.flatMap((j) => designs.map((design) => line(design, j))),
    `  目标 goals (worker): loop max < ${GOAL_LOOP_MAX_MS} ms, p99 < ${GOAL_CALL_P99_MS} ms: ${ok ? '达标 OK' : '未达标 MISSED'}`,
    `  机器负载 load average ${json.loadavg_1m} on ${json.cpus} CPUs`,
  ];
  return { json, summary };
}

export const uiResponsivenessBench: Bench = { name: 'ui-responsiveness', run };
