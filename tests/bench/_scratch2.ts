import { loadDistrict, emptyReplica, enroll } from '/work/main/tests/bench/sync-district';
import { syncOnce } from '/work/main/electron/backend/sync/session';
const H = Number(process.argv[2] ?? 10000);
const d = await loadDistrict(H, 'x');
for (let k = 0; k < 2; k++) {
const r = emptyReplica('bootstrap');
const { Session } = await import('node:inspector/promises');
const s = new Session(); s.connect();
await s.post('Profiler.enable'); await s.post('Profiler.start');
const t0 = performance.now(); const c0 = process.cpuUsage();
await enroll(d.server, r, d.streetCode);
const res = await syncOnce(r.backend.store, r.transport());
const c = process.cpuUsage(c0);
console.log('ours', (performance.now()-t0).toFixed(0), 'cpu', ((c.user+c.system)/1000).toFixed(0), res.snapshotRows, res.pulled);
const { profile } = await s.post('Profiler.stop');
(await import('node:fs')).writeFileSync('/tmp/scratch/ours.cpuprofile', JSON.stringify(profile));
r.close();
}
await d.close();
