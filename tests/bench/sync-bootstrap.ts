/**
 * Bench `sync-bootstrap`: a street of about 100,000 persons (40,000 households at the default) on
 * the district server (see sync-district.ts for how it gets there); a fresh, empty office replica
 * enrolls with a one-time code and bootstraps through the real sync client (syncOnce over HTTP:
 * snapshot pages of current state, then pulls until caught up) until its SQLite holds every row.
 * Compared in the same run with the raw limit and PouchDB replication of the same records
 * (sync-baselines.ts). Targets: at least 5× faster than PouchDB, within 3× of the raw limit.
 * Every server runs in a process of its own, the client in this one.
 */
import os from 'node:os';
import { syncOnce } from '../../electron/backend/sync/session';
import { cpuMsSoFar, log, type Bench, type BenchOptions, type BenchResult } from './lib';
import { benchStorage, closeSharedDistrict, emptyReplica, enroll, sharedDistrict, tableCounts, type District } from './sync-district';
import { pouchReplication, rawLimit, recordsOf, type BaselineTime } from './sync-baselines';

const TARGET_VS_POUCH = 5;
const TARGET_VS_RAW = 3;

const cpuText = (t: BaselineTime) => `client ${(t.cpuMs / 1000).toFixed(1)} s + server ${(t.serverCpuMs / 1000).toFixed(1)} s`;

async function ours(d: District, counts: Record<string, number>): Promise<BaselineTime & { snapshotRows: number; pulled: number }> {
  const r = emptyReplica('bootstrap');
  try {
    const server0 = await d.server.cpuMs();
    const cpu0 = cpuMsSoFar();
    const t0 = performance.now();
    await enroll(d.server, r, d.streetCode);
    const s = await syncOnce(r.backend.store, r.transport());
    const ms = performance.now() - t0;
    const cpuMs = cpuMsSoFar() - cpu0;
    const serverCpuMs = (await d.server.cpuMs()) - server0;
    const got = tableCounts(r);
    for (const [t, n] of Object.entries(counts)) {
      if (got[t] !== n) throw new Error(`bootstrap: ${t} has ${got[t] ?? 0} rows, expected ${n}`);
    }
    const parked = (r.backend.store.sqlite.prepare('SELECT count(*) AS n FROM sync_pending').get() as { n: number }).n;
    if (parked > 0) throw new Error(`bootstrap: ${parked} fields left parked`);
    return { ms, cpuMs, serverCpuMs, snapshotRows: s.snapshotRows, pulled: s.pulled };
  } finally {
    r.close();
  }
}

async function run(opts: BenchOptions): Promise<BenchResult> {
  const d = await sharedDistrict(opts.households, 'sync-bootstrap');
  try {
    const records = recordsOf(d.source);
    const counts = tableCounts(d.source);
    const rows = Object.values(counts).reduce((x, n) => x + n, 0);
    log(`sync-bootstrap: ours (enroll + snapshot + pull) of ${rows} rows`);
    const o = await ours(d, counts);
    log(`  ours ${(o.ms / 1000).toFixed(2)} s`);
    const raw = await rawLimit(records);
    log(`  raw limit ${(raw.ms / 1000).toFixed(2)} s`);
    log(`sync-bootstrap: PouchDB (${rows} docs) — loading the served database first`);
    const pouch = await pouchReplication(records, log);
    log(`  pouchdb replicate ${(pouch.ms / 1000).toFixed(2)} s`);

    const vsPouch = pouch.ms / o.ms;
    const vsRaw = o.ms / raw.ms;
    // The same ratios in CPU time, client and server process together: what the work costs
    // whatever else the machine runs. Wall-clock times suffer from a busy machine.
    const cpu = (t: BaselineTime) => t.cpuMs + t.serverCpuMs;
    const cpuVsPouch = cpu(pouch) / cpu(o);
    const cpuVsRaw = cpu(o) / cpu(raw);
    const okPouch = vsPouch >= TARGET_VS_POUCH;
    const okRaw = vsRaw <= TARGET_VS_RAW;
    const r1 = (x: number) => Math.round(x * 10) / 10;
    const r2 = (x: number) => Math.round(x * 100) / 100;
    const json: BenchResult['json'] = {
      bench: 'sync-bootstrap',
      persons: d.persons,
      households: d.households,
      rows,
      server_storage: benchStorage(),
      ours_s: r2(o.ms / 1000),
      ours_cpu_s: r2(o.cpuMs / 1000),
      ours_server_cpu_s: r2(o.serverCpuMs / 1000),
      raw_s: r2(raw.ms / 1000),
      raw_cpu_s: r2(raw.cpuMs / 1000),
      raw_server_cpu_s: r2(raw.serverCpuMs / 1000),
      raw_mb: r1(raw.bytes / 1e6),
      pouchdb_s: r2(pouch.ms / 1000),
      pouchdb_cpu_s: r2(pouch.cpuMs / 1000),
      pouchdb_server_cpu_s: r2(pouch.serverCpuMs / 1000),
      pouchdb_over_ours: r1(vsPouch),
      ours_over_raw: r1(vsRaw),
      cpu_pouchdb_over_ours: r1(cpuVsPouch),
      cpu_ours_over_raw: r1(cpuVsRaw),
      target_vs_pouchdb: TARGET_VS_POUCH,
      target_vs_raw: TARGET_VS_RAW,
      ok: okPouch && okRaw,
      setup_s: r1(d.loadS),
      pouchdb_load_s: r1(pouch.loadS),
      loadavg_1m: r1(os.loadavg()[0]!),
      cpus: os.cpus().length,
    };
    const summary = [
      `sync-bootstrap: ${d.persons} 人 persons, ${d.households} 户 households, ${rows} rows of the street (setup ${d.loadS.toFixed(1)} s)`,
      `  区级服务器存储 server storage: ${benchStorage()}`,
      `  本系统 ours: enroll + snapshot + pull into an empty replica   ${(o.ms / 1000).toFixed(2).padStart(8)} s (CPU ${cpuText(o)}, ${o.snapshotRows} snapshot rows, ${o.pulled} pulled)`,
      `  原始极限 raw: JSON over loopback + one SQLite transaction      ${(raw.ms / 1000).toFixed(2).padStart(8)} s (CPU ${cpuText(raw)}, ${(raw.bytes / 1e6).toFixed(1)} MB)`,
      `  PouchDB replicate over HTTP (express-pouchdb -> pouchdb-node) ${(pouch.ms / 1000).toFixed(2).padStart(8)} s (CPU ${cpuText(pouch)})`,
      `  PouchDB/ours ${vsPouch.toFixed(1)}× (目标 target ≥ ${TARGET_VS_POUCH}×): ${okPouch ? '达标 OK' : '未达标 MISSED'}   (CPU time ${cpuVsPouch.toFixed(1)}×)`,
      `  ours/raw ${vsRaw.toFixed(1)}× (目标 target ≤ ${TARGET_VS_RAW}×): ${okRaw ? '达标 OK' : '未达标 MISSED'}   (CPU time ${cpuVsRaw.toFixed(1)}×)`,
      `  机器负载 load average ${json.loadavg_1m} on ${json.cpus} CPUs`,
    ];
    return { json, summary };
  } catch (err) {
    await closeSharedDistrict();
    throw err;
  }
}

export const syncBootstrapBench: Bench = { name: 'sync-bootstrap', run };
