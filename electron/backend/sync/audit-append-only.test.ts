/**
 * Audit events are append-only on the PC (issue 13, item 6): the database refuses to change or
 * delete one (triggers), and applying a remote change to a stored audit event leaves it as it is.
 */
import { describe, expect, test } from 'vitest';
import type { Store } from '../store/store';
import { applyRemote, fromChange } from './apply';
import { outboxBatch } from './encode';
import { TEST_ACTOR, testReplicas } from './testing/memory-replicas';

const replica = testReplicas();

function auditRows(s: Store) {
  return s.sqlite.prepare('SELECT id, summary, deleted_at FROM audit_events ORDER BY id').all() as { id: string; summary: string; deleted_at: string | null }[];
}

describe('audit events on the PC', () => {
  test('the database refuses to change or delete one', () => {
    const a = replica(Date.UTC(2026, 5, 2));
    a.tx(() => a.audit(TEST_ACTOR, { action: 'persons.view', entity: 'persons', entityId: null, summary: '查看人员' }));
    const [row] = auditRows(a);
    expect(() => a.sqlite.prepare('UPDATE audit_events SET summary = ? WHERE id = ?').run('什么也没发生', row!.id)).toThrow(/append-only/);
    expect(() => a.sqlite.prepare('UPDATE audit_events SET deleted_at = ? WHERE id = ?').run('2026-06-02T00:00:00.000Z', row!.id)).toThrow(/append-only/);
    expect(() => a.sqlite.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
    expect(auditRows(a)).toEqual([row]);
  });

  test('a remote change to a stored audit event is not applied; a new one is', () => {
    const a = replica(Date.UTC(2026, 5, 2));
    const b = replica(Date.UTC(2026, 5, 1));
    a.tx(() => a.audit(TEST_ACTOR, { action: 'persons.view', entity: 'persons', entityId: null, summary: '查看人员' }));
    const [created] = outboxBatch(a, 10);
    b.tx(() => applyRemote(b, [fromChange(created!)]));
    const stored = auditRows(b);
    expect(stored).toHaveLength(1);
    const later = (ms: number) => `${String(Date.UTC(2026, 5, 3) + ms).padStart(15, '0')}-0000-${created!.node}`;
    const rewrite = { ...created!, hlc: later(1), fields: { summary: '改写的记录' } };
    const erase = { ...created!, hlc: later(2), fields: { deleted_at: '2026-06-03T00:00:00.000Z' } };
    const stats = b.tx(() => applyRemote(b, [fromChange(rewrite), fromChange(erase)]));
    expect(stats).toMatchObject({ applied: 0, parked: 0 });
    expect(auditRows(b)).toEqual(stored);
  });
});
