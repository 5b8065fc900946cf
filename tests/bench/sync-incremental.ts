/**
 * Bench `sync-incremental`: two office replicas of one street (the source replica of the district,
 * sync-district.ts, and a second one that enrolls and bootstraps from the server), then 100 edits
 * of persons on the first through the registry service (updatePerson: the store's write path, with
 * field clocks, outbox and audit), timed until each is visible on the second (the first pushes, the
 * second pulls; both run the real sync client, syncOnce over HTTP on 127.0.0.1). Two ways:
 * - one at a time: edit, push, pull, check; the latency of each edit (p50, p95, total);
 * - in one go: 100 edits, then one push and one pull; the total and the cost per edit.
 */
import os from 'node:os';
import { syncOnce } from '../../electron/backend/sync/session';
import { updatePerson } from '../../electron/backend/services/registry/persons';
import { systemActor } from '../../electron/backend/services/setup/street';
import { PersonPatchSchema } from '../../shared/registry/schemas';
import { log, percentile, round3, type Bench, type BenchOptions, type BenchResult } from './lib';
import { emptyReplica, enroll, sharedDistrict, type BenchReplica } from './sync-district';

const EDITS = 100;

function personIds(r: BenchReplica, n: number, offset: number): string[] {
  return (
    r.backend.store.sqlite.prepare('SELECT id FROM persons WHERE deleted_at IS NULL ORDER BY id LIMIT ? OFFSET ?').all(n, offset) as {
      id: string;
    }[]
  ).map((p) => p.id);
}

function phoneOf(r: BenchReplica, id: string): string | null {
  return (r.backend.store.sqlite.prepare('SELECT phone FROM persons WHERE id = ?').get(id) as { phone: string | null }).phone;
}

async function run(opts: BenchOptions): Promise<BenchResult> {
  const d = await sharedDistrict(opts.households, 'sync-incremental');
  const a = d.source;
  const b = emptyReplica('second');
  try {
    const t0 = performance.now();
    await enroll(d.server, b, d.streetCode);
    await syncOnce(b.backend.store, b.transport());
    const bootstrapMs = performance.now() - t0;
    log(`sync-incremental: second replica bootstrapped in ${(bootstrapMs / 1000).toFixed(1)} s`);
    const actor = systemActor(d.streetCode);
    const edit = (id: string, i: number) => updatePerson(a.backend.store, actor, id, PersonPatchSchema.parse({ phone: `139${String(20_000_000 + i).padStart(8, '0')}` }));
    const syncBoth = async () => {
      await syncOnce(a.backend.store, a.transport());
      await syncOnce(b.backend.store, b.transport());
    };
    await syncBoth();

    // One at a time.
    const ids = personIds(a, EDITS, 0);
    const latencies: number[] = [];
    for (const [i, id] of ids.entries()) {
      const s = performance.now();
      edit(id, i);
      await syncBoth();
      latencies.push(performance.now() - s);
      if (phoneOf(b, id) !== phoneOf(a, id)) throw new Error(`edit ${i} not visible on the second replica`);
    }
    const oneTotal = latencies.reduce((x, y) => x + y, 0);

    // In one go.
    const batchIds = personIds(a, EDITS, EDITS);
    const s = performance.now();
    batchIds.forEach((id, i) => edit(id, EDITS + i));
    await syncBoth();
    const batchMs = performance.now() - s;
    for (const id of batchIds) if (phoneOf(b, id) !== phoneOf(a, id)) throw new Error('batch edit not visible on the second replica');

    const json: BenchResult['json'] = {
      bench: 'sync-incremental',
      persons: d.persons,
      households: d.households,
      edits: EDITS,
      one_p50_ms: round3(percentile(latencies, 50)),
      one_p95_ms: round3(percentile(latencies, 95)),
      one_total_ms: round3(oneTotal),
      batch_total_ms: round3(batchMs),
      batch_per_edit_ms: round3(batchMs / EDITS),
      second_bootstrap_s: Math.round(bootstrapMs / 100) / 10,
      loadavg_1m: Math.round(os.loadavg()[0]! * 10) / 10,
      cpus: os.cpus().length,
    };
    const summary = [
      `sync-incremental: ${EDITS} 处修改 edits of persons on one replica, visible on another (${d.persons} 人 persons in the street)`,
      `  逐条 one at a time (edit, push, pull): p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, total ${(oneTotal / 1000).toFixed(2)} s`,
      `  批量 in one go (100 edits, one push, one pull): total ${batchMs.toFixed(1)} ms, ${(batchMs / EDITS).toFixed(2)} ms per edit`,
      `  机器负载 load average ${json.loadavg_1m} on ${json.cpus} CPUs`,
    ];
    return { json, summary };
  } finally {
    b.close();
  }
}

export const syncIncrementalBench: Bench = { name: 'sync-incremental', run };
