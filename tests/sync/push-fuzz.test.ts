/**
 * Fuzzing the district server's push endpoint over HTTP (issue 13): arbitrary bodies and change
 * batches near the valid ones (bad tables, columns, values, stamps, partitions, NULs, lone
 * surrogates, huge strings) never get a 5xx, and a refused change writes nothing. SYNC_FUZZ_RUNS
 * sets the runs per property (200 by default).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { and, count, eq, inArray } from 'drizzle-orm';
import { startServer, STREET_A, STREET_B, type TestServer } from './harness';
import { communityChange, rawDevice, type RawDevice } from './raw-device';
import { syncChanges, syncRows } from '../../server/db/schema';
import type { Change } from '../../shared/sync/wire';

const RUNS = Number(process.env.SYNC_FUZZ_RUNS ?? 200);
let server: TestServer;
let dev: RawDevice;

beforeAll(async () => {
  server = await startServer();
  dev = await rawDevice(server, STREET_A, 'fuzzpc');
});
afterAll(async () => {
  await server?.close();
});

async function totals() {
  const [c] = await server.opened.db.select({ n: count() }).from(syncChanges);
  const [r] = await server.opened.db.select({ n: count() }).from(syncRows);
  return { changes: c!.n, rows: r!.n };
}

/** What the server holds of each row: its merged fields and how many changes. */
async function heldOf(ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>(ids.map((id) => [id, 'nothing']));
  if (ids.length === 0) return out;
  const rows = await server.opened.db.select().from(syncRows).where(inArray(syncRows.rowId, ids));
  const logged = await server.opened.db.select().from(syncChanges).where(inArray(syncChanges.rowId, ids));
  for (const id of ids) {
    const r = rows.find((x) => x.rowId === id);
    out.set(id, `${JSON.stringify(r?.fields ?? null)} ${logged.filter((c) => c.rowId === id).length}`);
  }
  return out;
}

// Text with the characters that broke the server: NUL, lone surrogates, control characters.
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u0000', '张\u0000三', '\ud800', 'a\udc00b', '\u202e', '\\u0000', "'; DROP TABLE sync_rows; --"),
  fc.nat({ max: 3 }).map((k) => 'x'.repeat([100_000, 100_001, 300_000, 65][k]!)),
);
const anyValue = fc.oneof(nasty, fc.integer(), fc.double(), fc.constant(null), fc.boolean(), fc.jsonValue({ maxDepth: 2 }));

let serial = 0;

/** A valid new community of the device's street, then one or two mutations of it. */
function nearValid(): fc.Arbitrary<Change> {
  const mutation = fc.oneof(
    fc.record({ table: fc.oneof(fc.constantFrom('nope', 'users', 'audit_events', 'persons', 'sync_rows'), nasty) }),
    fc.record({ partition: fc.oneof(fc.constantFrom(STREET_B, 'district', '120110001', '999999999999'), nasty) }),
    fc.record({ hlc: fc.oneof(nasty, fc.constant(dev.hlc(Date.now() + 3_600_000, 1)), fc.constant(`${'0'.repeat(15)}-0000-other`)) }),
    fc.record({ node: fc.oneof(nasty, fc.constant('other')) }),
    fc.record({ rowId: nasty }),
    fc.record({ field: fc.oneof(fc.constantFrom('name', 'kind', 'sort_order', 'street_code', 'id', 'deleted_at', 'unknown_col'), fc.string()), value: anyValue }),
    fc.record({ drop: fc.constantFrom('name', 'id', 'created_at', 'street_code') }),
  );
  return fc.array(mutation, { minLength: 0, maxLength: 2 }).map((ms) => {
    const n = ++serial;
    const c = communityChange(dev, Date.now(), n % 0xffff, STREET_A, `fz-${n}`, `模糊社区${n}`);
    const fields: Record<string, unknown> = { ...c.fields };
    const out: Record<string, unknown> = { ...c };
    for (const m of ms) {
      if ('field' in m) fields[m.field] = m.value;
      else if ('drop' in m) delete fields[m.drop];
      else Object.assign(out, m);
    }
    return { ...out, fields } as Change;
  });
}

describe('the push endpoint under fuzzing', () => {
  test(`arbitrary JSON bodies never get a 5xx; a refused request writes nothing (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.record({ changes: fc.array(fc.jsonValue(), { maxLength: 4 }) })), async (body) => {
        const before = await totals();
        const res = await dev.push(JSON.stringify(body) ?? 'null');
        expect(res.status).toBeLessThan(500);
        if (res.status !== 200) expect(await totals()).toEqual(before);
        else expect((await totals()).changes - before.changes).toBeLessThanOrEqual(res.body.accepted.length);
      }),
      { numRuns: RUNS },
    );
  });

  test(`near-valid change batches never get a 5xx; refused changes write nothing (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(nearValid(), { minLength: 1, maxLength: 5 }), async (changes) => {
        const before = await totals();
        const ids = [...new Set(changes.map((c) => c.rowId).filter((id) => typeof id === 'string' && id.startsWith('fz-')))];
        const heldBefore = await heldOf(ids);
        const res = await dev.push({ changes }, { 'x-sync-reasons': '2' });
        expect(res.status).toBeLessThan(500);
        const after = await totals();
        if (res.status !== 200) {
          expect(after).toEqual(before);
          return;
        }
        // A refused change writes nothing of its row (a change under the same stamp may be accepted
        // beside it: only stamps refused and not accepted count).
        const accepted = new Set(res.body.accepted);
        const refused = new Set(res.body.rejected.map((r) => r.hlc).filter((h) => !accepted.has(h)));
        const refusedIds = new Set(changes.filter((c) => refused.has(c.hlc)).map((c) => c.rowId));
        const touched = new Set(changes.filter((c) => accepted.has(c.hlc)).map((c) => c.rowId));
        const heldAfter = await heldOf(ids);
        for (const id of ids) if (refusedIds.has(id) && !touched.has(id)) expect(heldAfter.get(id), id).toEqual(heldBefore.get(id));
        // Accepted: stored now or before (a shrinking run repeats a batch), never more rows than that.
        expect(after.changes - before.changes).toBeLessThanOrEqual(res.body.accepted.length);
        if (res.body.accepted.length > 0) {
          const [held] = await server.opened.db.select({ n: count() }).from(syncChanges).where(and(eq(syncChanges.node, dev.node), inArray(syncChanges.hlc, res.body.accepted)));
          expect(held!.n).toBe(new Set(res.body.accepted).size);
        }
        for (const r of res.body.rejected) expect(r.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      }),
      { numRuns: RUNS },
    );
  });
});
