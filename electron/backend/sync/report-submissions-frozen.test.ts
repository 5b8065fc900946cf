/**
 * Submitted reports on the PC (issue 15): a remote change to a stored submission is not applied and
 * nothing is parked (as for audit events and frozen batch rows); the copy stays as submitted.
 */
import { describe, expect, test } from 'vitest';
import { applyRemote, fromChange } from './apply';
import { outboxBatch } from './encode';
import { TEST_ACTOR, testReplicas } from './testing/memory-replicas';

const replica = testReplicas();

describe('submitted reports on the PC', () => {
  test('a remote change to a stored submission is not applied and not parked', () => {
    const a = replica(Date.UTC(2026, 3, 20));
    const b = replica(Date.UTC(2026, 3, 19));
    const id = '0190a000-0000-7000-8000-00000000c001';
    a.insert(
      'report_submissions',
      { id, streetCode: TEST_ACTOR.streetCode, month: '2026-03', kind: 'monthly-dispatch', version: 1, payload: { kind: 'monthly-dispatch' }, reason: null, submittedAt: a.nowIso(), submittedBy: 'u1', submittedByName: '王' },
      TEST_ACTOR,
      null,
    );
    const [created] = outboxBatch(a, 10).filter((c) => c.table === 'report_submissions');
    b.tx(() => applyRemote(b, [fromChange(created!)]));
    const row = () => b.sqlite.prepare('SELECT payload, deleted_at FROM report_submissions WHERE id = ?').get(id);
    expect(row()).toEqual({ payload: '{"kind":"monthly-dispatch"}', deleted_at: null });
    const newest = Math.max(Date.now(), Number(created!.hlc.slice(0, 15)));
    const later = (ms: number) => `${String(newest + 60_000 + ms).padStart(15, '0')}-0000-${created!.node}`;
    const rewrite = { ...created!, hlc: later(1), fields: { payload: '{}' } };
    const erase = { ...created!, hlc: later(2), fields: { deleted_at: '2026-04-21T00:00:00.000Z' } };
    const stats = b.tx(() => applyRemote(b, [fromChange(rewrite), fromChange(erase)]));
    expect(stats).toMatchObject({ applied: 0, parked: 0, stale: 2 });
    expect(row()).toEqual({ payload: '{"kind":"monthly-dispatch"}', deleted_at: null });
    expect(b.sqlite.prepare('SELECT count(*) AS n FROM sync_pending').get()).toEqual({ n: 0 });
  });
});
