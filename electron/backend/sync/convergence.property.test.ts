/**
 * Property: replicas that edit, delete and exchange changes through a server log, delivered in any
 * order, any number of times, converge to the same rows once each has seen every change.
 * SYNC_PROPERTY_RUNS sets the number of runs (npm run test:sync-property for a long run).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Store } from '../store/store';
import type { Change } from '../../../shared/sync/wire';
import { applyRemote, fromChange } from './apply';
import { clocksOf } from './clocks';
import { outboxBatch, recordPushResult } from './encode';
import { pendingCount } from './pending';
import { dumpTables, memoryStore } from './testing/memory-replicas';

const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 1000);
const REPLICAS = 3;
const PARTITIONS = ['120110001000', '120110002000'];
const actor = { userId: null, username: 'system', streetCode: PARTITIONS[0]! };

type Op =
  | { k: 'community'; r: number; p: number; name: string }
  | { k: 'grid'; r: number; pick: number; name: string }
  | { k: 'edit'; r: number; pick: number; field: 'name' | 'contactName' | 'sortOrder' | 'kind'; v: number }
  | { k: 'editGrid'; r: number; pick: number; v: number }
  | { k: 'delete'; r: number; pick: number; grid: boolean }
  | { k: 'push'; r: number; twice: boolean }
  | { k: 'deliver'; r: number; picks: number[] }
  | { k: 'tick'; ms: number };

const r = fc.integer({ min: 0, max: REPLICAS - 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ k: fc.constant('community' as const), r, p: fc.integer({ min: 0, max: 1 }), name: fc.constantFrom('甲', '乙', '丙') }),
  fc.record({ k: fc.constant('grid' as const), r, pick: fc.nat(), name: fc.constantFrom('一网格', '二网格') }),
  fc.record({
    k: fc.constant('edit' as const),
    r,
    pick: fc.nat(),
    field: fc.constantFrom('name' as const, 'contactName' as const, 'sortOrder' as const, 'kind' as const),
    v: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({ k: fc.constant('editGrid' as const), r, pick: fc.nat(), v: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ k: fc.constant('delete' as const), r, pick: fc.nat(), grid: fc.boolean() }),
  fc.record({ k: fc.constant('push' as const), r, twice: fc.boolean() }),
  fc.record({ k: fc.constant('deliver' as const), r, picks: fc.array(fc.nat(), { maxLength: 12 }) }),
  fc.record({ k: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 3 }) }),
);

function ids(store: Store, table: string): string[] {
  return (store.prepare(`SELECT id FROM "${table}" ORDER BY id`).all() as { id: string }[]).map((x) => x.id);
}

/** The in-memory "district server": an append-only log deduplicated by (node, hlc). */
class MemoryServer {
  readonly log: Change[] = [];
  private readonly seen = new Set<string>();
  push(store: Store): void {
    const batch = outboxBatch(store, 1000);
    for (const c of batch) {
      const key = `${c.node}/${c.hlc}`;
      if (!this.seen.has(key)) {
        this.seen.add(key);
        this.log.push(c);
      }
    }
    recordPushResult(store, batch, { accepted: batch.map((c) => c.hlc), rejected: [], serverTime: store.nowIso() });
  }
}

function deliver(store: Store, changes: Change[]): void {
  store.tx(() => applyRemote(store, changes.map(fromChange)));
}

function run(ops: Op[], skews: number[], finalOrders: number[][]): void {
  let t = Date.UTC(2026, 5, 1);
  const stores = skews.map((s) => memoryStore(() => new Date(t + s)));
  const server = new MemoryServer();
  try {
    for (const op of ops) {
      if (op.k === 'tick') {
        t += op.ms;
        continue;
      }
      const store = stores[op.r]!;
      const communities = ids(store, 'communities');
      const grids = ids(store, 'grids');
      switch (op.k) {
        case 'community':
          store.insert('communities', { streetCode: PARTITIONS[op.p]!, name: op.name }, actor, null);
          break;
        case 'grid': {
          const c = communities[op.pick % Math.max(1, communities.length)];
          if (!c) break;
          const p = (store.prepare('SELECT street_code FROM communities WHERE id = ?').get(c) as { street_code: string }).street_code;
          store.insert('grids', { streetCode: p, communityId: c, name: op.name }, actor, null);
          break;
        }
        case 'edit': {
          const id = communities[op.pick % Math.max(1, communities.length)];
          if (!id) break;
          const value =
            op.field === 'sortOrder' ? op.v : op.field === 'kind' ? (op.v % 2 ? 'village' : 'community') : op.field === 'name' ? `名${op.v}` : `联系人${op.v}`;
          store.update('communities', id, { [op.field]: value }, actor, null);
          break;
        }
        case 'editGrid': {
          const id = grids[op.pick % Math.max(1, grids.length)];
          if (id) store.update('grids', id, { workerName: `网格员${op.v}` }, actor, null);
          break;
        }
        case 'delete': {
          const list = op.grid ? grids : communities;
          const id = list[op.pick % Math.max(1, list.length)];
          if (id) store.softDelete(op.grid ? 'grids' : 'communities', id, actor, null);
          break;
        }
        case 'push':
          server.push(store);
          if (op.twice) server.push(store);
          break;
        case 'deliver':
          if (server.log.length > 0) deliver(store, op.picks.map((i) => server.log[i % server.log.length]!));
          break;
      }
    }
    // Everyone pushes, then receives the whole log in its own random order, some changes twice.
    for (const s of stores) server.push(s);
    stores.forEach((s, i) => {
      const order = finalOrders[i]!.map((x) => server.log[x % Math.max(1, server.log.length)]!).filter(Boolean);
      // one transaction per change, so parked rows must wait across transactions too
      for (const c of [...order, ...[...server.log].reverse()]) deliver(s, [c]);
    });
    const dumps = stores.map((s) => dumpTables(s, ['communities', 'grids']));
    for (const s of stores) expect(pendingCount(s)).toBe(0);
    for (let i = 1; i < dumps.length; i++) expect(dumps[i]).toEqual(dumps[0]);
    // field-level last-writer-wins: every stored field holds the value of the newest change that
    // wrote it, and reads that change's clock (row clocks and field entries alike)
    const newest = new Map<string, { hlc: string; value: unknown }>();
    for (const c of server.log) {
      for (const [f, v] of Object.entries(c.fields)) {
        const key = `${c.table}\0${c.rowId}\0${f}`;
        const cur = newest.get(key);
        if (!cur || c.hlc > cur.hlc) newest.set(key, { hlc: c.hlc, value: v });
      }
    }
    for (const s of stores) {
      for (const [key, want] of newest) {
        const [table, rowId, field] = key.split('\0') as [string, string, string];
        expect(clocksOf(s, table, rowId).get(field)).toBe(want.hlc);
        const row = s.prepare(`SELECT * FROM "${table}" WHERE id = ?`).get(rowId) as Record<string, unknown>;
        expect(row[field]).toEqual(want.value);
      }
    }
    // nothing applied from remote was re-logged: every outbox entry was authored here
    for (const s of stores) {
      const foreign = s.prepare('SELECT count(*) AS n FROM change_log WHERE node_id <> ?').get(s.nodeId) as { n: number };
      expect(foreign.n).toBe(0);
    }
  } finally {
    for (const s of stores) s.sqlite.close();
  }
}

describe('sync convergence (property)', () => {
  test(`replicas converge whatever the order and repetition of delivery (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: REPLICAS, maxLength: REPLICAS }),
        fc.array(fc.array(fc.nat(), { maxLength: 30 }), { minLength: REPLICAS, maxLength: REPLICAS }),
        (ops, skews, orders) => run(ops, skews, orders),
      ),
      { numRuns: RUNS },
    );
  }, 600_000);
});
