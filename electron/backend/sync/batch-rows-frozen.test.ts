/**
 * Frozen payment batch rows on the PC (issue 12): a remote change to a stored row is not applied
 * (as for audit events) and nothing is parked; a new row is applied.
 */
import { describe, expect, test } from 'vitest';
import { applyRemote, fromChange } from './apply';
import { outboxBatch } from './encode';
import { TEST_ACTOR, testReplicas } from './testing/memory-replicas';

const replica = testReplicas();

const ROW = {
  id: '0190a000-0000-8000-8000-00000000b001', streetCode: TEST_ACTOR.streetCode, batchId: '0190a000-0000-8000-8000-00000000b000', seq: 1,
  kind: 'regular', forMonth: '2026-04', enrolmentId: 'e1', householdId: 'h1', personId: null, name: '赵大', idNumber: null,
  community: '詹滨西里社区', address: '詹滨西里1号', coveredPersons: 2, amountFen: 209000, basis: 'standard', figures: null,
  reason: null, sourceRef: null, bankName: null, bankAccount: null,
};

describe('payment batch rows on the PC', () => {
  test('a remote change to a stored row is not applied; the row arrives once as it was', () => {
    const a = replica(Date.UTC(2026, 3, 20));
    const b = replica(Date.UTC(2026, 3, 19));
    a.tx(() => {
      a.insert('payment_batches', { id: ROW.batchId, streetCode: TEST_ACTOR.streetCode, programme: 'dibao', month: '2026-04', status: 'pending', generatedAt: a.nowIso() }, TEST_ACTOR, null);
      a.insert('payment_batch_rows', ROW, TEST_ACTOR, null);
    });
    const created = outboxBatch(a, 10);
    b.tx(() => applyRemote(b, created.map(fromChange)));
    const row = () => b.sqlite.prepare('SELECT amount_fen, deleted_at FROM payment_batch_rows WHERE id = ?').get(ROW.id);
    expect(row()).toEqual({ amount_fen: 209000, deleted_at: null });
    const mine = created.find((c) => c.table === 'payment_batch_rows')!;
    // Later than every stamp of the row (the replicas' clocks also follow real time).
    const newest = Math.max(Date.now(), Number(mine.hlc.slice(0, 15)));
    const later = (ms: number) => `${String(newest + 60_000 + ms).padStart(15, '0')}-0000-${mine.node}`;
    const rewrite = { ...mine, hlc: later(1), fields: { amount_fen: 1 } };
    const erase = { ...mine, hlc: later(2), fields: { deleted_at: '2026-04-21T00:00:00.000Z' } };
    const stats = b.tx(() => applyRemote(b, [fromChange(rewrite), fromChange(erase)]));
    expect(stats).toMatchObject({ applied: 0, parked: 0, stale: 2 });
    expect(row()).toEqual({ amount_fen: 209000, deleted_at: null });
  });
});
