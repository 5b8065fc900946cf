/**
 * Bench `server-push`: the district server's CPU per pushed change, storing a push a chunk at a
 * time (store-batch.ts) beside change by change (each under its own savepoint), in the same run.
 * Each path gets a fresh in-process PGlite server and the same changes of a generated street: new
 * rows (a district file's import) and then edits of some of them, pushed in requests of
 * REQUEST changes as a PC sends them. CPU is this process's (PGlite runs in it); wall time is what
 * every other street waits behind the push lock. Size: --households / BENCH_HOUSEHOLDS changes
 * (default 5,000 for this bench when the option is the suite's default).
 */
import os from 'node:os';
import { openServerDb } from '../../server/db/open';
import { pushChanges, type Pusher } from '../../server/sync/log';
import { formatHlc } from '../../shared/hlc';
import type { Change } from '../../shared/sync/wire';
import { cpuMsSoFar, log, type Bench, type BenchOptions, type BenchResult } from './lib';

const STREET = '120110001000';
const NOW = new Date('2026-03-10T02:00:00.000Z');
const REQUEST = 1000;
const who: Pusher = { deviceId: 'bench-pc', node: 'benchnode', scope: { kind: 'street', partition: STREET }, enrolledAt: NOW.toISOString() };

/** `n` changes: four in five create a row, the rest edit one of those created (some twice in a request). */
function street(n: number): Change[] {
  const at = new Date(NOW.getTime() - 3_600_000).toISOString();
  const out: Change[] = [];
  const created: string[] = [];
  for (let i = 0; i < n; i++) {
    const hlc = formatHlc({ millis: NOW.getTime() - 60_000, counter: i, node: who.node! });
    if (i % 5 === 4) {
      const rowId = created[(i * 7919) % created.length]!;
      out.push({ hlc, node: who.node!, table: 'communities', rowId, partition: STREET, fields: { name: `改名${i}`, updated_at: NOW.toISOString() } });
      continue;
    }
    const id = `c-${String(i).padStart(6, '0')}`;
    created.push(id);
    const fields = { id, created_at: at, updated_at: at, deleted_at: null, street_code: STREET, name: `社区${i}`, kind: 'community', contact_name: `联系人${i % 97}`, contact_phone: null, sort_order: i };
    out.push({ hlc, node: who.node!, table: 'communities', rowId: id, partition: STREET, fields });
  }
  return out;
}

async function measure(changes: Change[], path: Parameters<typeof pushChanges>[6]): Promise<{ cpu: number; wall: number }> {
  const server = await openServerDb({});
  try {
    const cpu0 = cpuMsSoFar();
    const wall0 = performance.now();
    for (let i = 0; i < changes.length; i += REQUEST) {
      const res = await pushChanges(server.db, who, changes.slice(i, i + REQUEST), NOW, {}, undefined, path);
      if (res.rejected.length > 0) throw new Error(`refused: ${JSON.stringify(res.rejected[0])}`);
    }
    return { cpu: cpuMsSoFar() - cpu0, wall: performance.now() - wall0 };
  } finally {
    await server.close();
  }
}

export const serverPushBench: Bench = {
  name: 'server-push',
  async run(opts: BenchOptions): Promise<BenchResult> {
    const n = opts.households === 40_000 ? 5000 : opts.households;
    const changes = street(n);
    const load = os.loadavg()[0]!.toFixed(1);
    log(`server-push: ${n} changes, load ${load}`);
    const one = await measure(changes, 'one-by-one');
    const batch = await measure(changes, undefined);
    const per = (ms: number) => Number((ms / n).toFixed(3));
    return {
      json: {
        bench: 'server-push',
        changes: n,
        load1: Number(load),
        oneByOneCpuMsPerChange: per(one.cpu),
        batchCpuMsPerChange: per(batch.cpu),
        cpuRatio: Number((one.cpu / batch.cpu).toFixed(1)),
        oneByOneWallMs: Math.round(one.wall),
        batchWallMs: Math.round(batch.wall),
      },
      summary: [
        `server-push (${n} changes, load ${load}): change by change ${per(one.cpu)} ms CPU/change (${Math.round(one.wall)} ms wall),`,
        `  in chunks ${per(batch.cpu)} ms CPU/change (${Math.round(batch.wall)} ms wall): ${(one.cpu / batch.cpu).toFixed(1)}× less CPU`,
      ],
    };
  },
};
