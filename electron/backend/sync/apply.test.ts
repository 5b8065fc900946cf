import { describe, expect, test } from 'vitest';
import type { Store } from '../store/store';
import { applyRemote, fromChange, retryPending, retryPendingInTurns } from './apply';
import { outboxBatch, outboxCount } from './encode';
import { pendingOf } from './pending';
import { applySnapshotPage, finishSnapshot, snapshotProgress } from './pull';
import { TEST_ACTOR, TEST_STREET, testReplicas } from './testing/memory-replicas';
import { makeIdNumber } from '../../../shared/id-number';

const S = TEST_STREET;
const actor = TEST_ACTOR;
const replica = testReplicas();

function ship(from: Store, to: Store) {
  const changes = outboxBatch(from, 10_000);
  return to.tx(() => applyRemote(to, changes.map(fromChange)));
}

describe('applying remote changes', () => {
  test('rows arrive, search triggers index them, nothing is re-logged and the clock moves past the remote one', () => {
    const a = replica(Date.UTC(2026, 5, 2));
    const b = replica(Date.UTC(2026, 5, 1));
    const c = a.insert('communities', { streetCode: S, name: '詹滨西里社区' }, actor, null);
    const h = a.insert('households', { streetCode: S, communityId: c, address: '詹滨西里3号楼', hukouType: 'urban' }, actor, null);
    a.insert(
      'persons',
      {
        streetCode: S,
        householdId: h,
        relation: 'self',
        name: '李同步',
        namePinyin: 'litongbu',
        nameInitials: 'ltb',
        idNumber: makeIdNumber('120110', '19600101', 13),
        sex: 'male',
        birthDate: '1960-01-01',
      },
      actor,
      null,
    );
    const before = outboxCount(b);
    ship(a, b);
    expect(outboxCount(b)).toBe(before);
    const found = b.prepare("SELECT count(*) AS n FROM person_search WHERE person_search MATCH '李同步'").get() as { n: number };
    expect(found.n).toBe(1);
    expect(b.clock.current() > a.clock.current()).toBe(true);
    expect(b.getMeta('hlc')).toBe(b.clock.current());
  });

  test('a child arriving before its parent waits parked, then lands when the parent comes', () => {
    const a = replica();
    const b = replica();
    const c = a.insert('communities', { streetCode: S, name: '甲' }, actor, null);
    a.insert('grids', { streetCode: S, communityId: c, name: '一网格' }, actor, null);
    const [community, grid] = outboxBatch(a, 10);
    b.tx(() => applyRemote(b, [fromChange(grid!)]));
    expect(b.prepare('SELECT count(*) AS n FROM grids').get()).toEqual({ n: 0 });
    expect(pendingOf(b, 'grids', grid!.rowId).length).toBeGreaterThan(0);
    b.tx(() => applyRemote(b, [fromChange(community!)]));
    expect(b.prepare('SELECT count(*) AS n FROM grids').get()).toEqual({ n: 1 });
    expect(pendingOf(b, 'grids', grid!.rowId)).toEqual([]);
  });

  test('unknown columns and tables from a newer replica are parked; known fields still apply', () => {
    const a = replica();
    const b = replica();
    a.insert('communities', { streetCode: S, name: '甲' }, actor, null);
    const [ins] = outboxBatch(a, 1);
    const newer = { ...ins!, fields: { ...ins!.fields, wechat_group: '甲社区群' } };
    const table = { ...ins!, hlc: ins!.hlc.replace(/-0000-/, '-0001-'), table: 'volunteers', fields: { id: ins!.rowId, name: '志愿者' } };
    b.tx(() => applyRemote(b, [fromChange(newer), fromChange(table)]));
    expect((b.prepare('SELECT name FROM communities WHERE id = ?').get(ins!.rowId) as { name: string }).name).toBe('甲');
    expect(pendingOf(b, 'communities', ins!.rowId).map((p) => [p.field, p.reason])).toEqual([['wechat_group', 'unknown-column']]);
    expect(pendingOf(b, 'volunteers', ins!.rowId).map((p) => p.reason)).toEqual(['unknown-table', 'unknown-table']);
    // still unknown after a retry (as after a restart without upgrade): stays parked
    expect(b.tx(() => retryPending(b))).toBe(2);
  });

  test('an older remote value never overwrites a newer local one; a repeated change is a no-op', () => {
    const a = replica(Date.UTC(2026, 5, 1));
    const b = replica(Date.UTC(2026, 5, 3));
    const id = a.insert('communities', { streetCode: S, name: '甲' }, actor, null);
    ship(a, b);
    a.update('communities', id, { name: '旧' }, actor, null);
    b.update('communities', id, { name: '新' }, actor, null);
    ship(a, b);
    ship(a, b);
    expect(b.prepare('SELECT name FROM communities WHERE id = ?').get(id)).toEqual({ name: '新' });
    const stats = ship(b, a);
    expect(stats.applied).toBeGreaterThan(0);
    expect(a.prepare('SELECT name FROM communities WHERE id = ?').get(id)).toEqual({ name: '新' });
  });

  test('rows new here under one clock take the quick insert and end exactly as a clock per field would leave them', () => {
    const a = replica();
    const c = a.insert('communities', { streetCode: S, name: '甲' }, actor, null);
    a.insert('grids', { streetCode: S, communityId: c, name: '一网格' }, actor, null);
    a.insert('communities', { streetCode: S, name: '乙' }, actor, null);
    const changes = outboxBatch(a, 10);
    // A partial patch of a new row (parked) after two whole rows.
    const partial = { ...changes[2]!, fields: { name: '乙' } };
    const order = [changes[0]!, changes[1]!, partial];
    const one = replica();
    const perField = replica();
    const s1 = one.tx(() => applyRemote(one, order.map(fromChange)));
    const s2 = perField.tx(() =>
      applyRemote(
        perField,
        order.map((ch) => ({ ...ch, clocks: Object.fromEntries(Object.keys(ch.fields).map((f) => [f, ch.hlc])) })),
      ),
    );
    expect(s1).toEqual(s2);
    const state = (st: Store) => ({
      clocks: st.prepare('SELECT table_name, row_id, field, hlc FROM field_clocks ORDER BY 1, 2, 3').all(),
      rows: st.prepare('SELECT * FROM communities ORDER BY id').all().concat(st.prepare('SELECT * FROM grids ORDER BY id').all()),
      parked: st.prepare('SELECT table_name, row_id, field, reason FROM sync_pending ORDER BY 1, 2, 3').all(),
    });
    expect(state(one)).toEqual(state(perField));
    // The rows that came whole hold one row clock each; the partial row waits parked.
    const rowClock = expect.stringMatching(/^\*\d+$/);
    expect((state(one).clocks as { field: string }[]).map((r) => r.field)).toEqual([rowClock, rowClock]);
    expect(state(one).parked).toEqual([{ table_name: 'communities', row_id: changes[2]!.rowId, field: 'name', reason: 'row-missing' }]);
  });

  test('a snapshot leaves a child parked until its last page, then every parked row lands (no retry after each page)', () => {
    const a = replica();
    const b = replica();
    const c = a.insert('communities', { streetCode: S, name: '甲' }, actor, null);
    a.insert('grids', { streetCode: S, communityId: c, name: '一网格' }, actor, null);
    const [community, grid] = outboxBatch(a, 10);
    const page = (rows: ReturnType<typeof fromChange>[], next: string | null) => ({ rows, next, cursor: 0, serverTime: '' });
    b.tx(() => applySnapshotPage(b, page([fromChange(grid!)], 'grids/x')));
    b.tx(() => applySnapshotPage(b, page([fromChange(community!)], 'communities/y')));
    // the parent is there, but the snapshot has not retried its parked rows yet
    expect(b.prepare('SELECT count(*) AS n FROM grids').get()).toEqual({ n: 0 });
    b.tx(() => applySnapshotPage(b, page([], null)));
    expect(b.prepare('SELECT count(*) AS n FROM grids').get()).toEqual({ n: 1 });
    expect(pendingOf(b, 'grids', grid!.rowId)).toEqual([]);
    // it waited, but it is stored as if it had come in order: one row clock, not one per field
    const clocks = b.prepare('SELECT field FROM field_clocks WHERE table_name = ? AND row_id = ?').all('grids', grid!.rowId) as { field: string }[];
    expect(clocks.map((c) => c.field)).toEqual([expect.stringMatching(/^\*\d+$/)]);
  });

  test('a bootstrap lands its parked rows a chunk at a time, each chunk committed before the next turn, and only then is the snapshot done', async () => {
    const a = replica();
    const b = replica();
    const c = a.insert('communities', { streetCode: S, name: '甲' }, actor, null);
    for (let i = 0; i < 600; i++) a.insert('grids', { streetCode: S, communityId: c, name: `网格${i}` }, actor, null);
    const [community, ...grids] = outboxBatch(a, 1000);
    const page = (rows: ReturnType<typeof fromChange>[], next: string | null) => ({ rows, next, cursor: 7, serverTime: '' });
    b.tx(() => applySnapshotPage(b, page(grids.map(fromChange), 'grids/x'), { parkedLater: true }));
    b.tx(() => applySnapshotPage(b, page([fromChange(community!)], null), { parkedLater: true }));
    const landed = () => (b.prepare('SELECT count(*) AS n FROM grids').get() as { n: number }).n;
    expect(landed()).toBe(0);
    expect(snapshotProgress(b).done).toBe(false);
    // At each turn another call could run: what it would read is committed, a chunk more each time.
    const seenAtTurns: number[] = [];
    const left = await retryPendingInTurns(b, async () => {
      expect(b.sqlite.inTransaction).toBe(false);
      seenAtTurns.push(landed());
    });
    expect(left).toBe(0);
    expect(seenAtTurns).toEqual([250, 500, 600]);
    finishSnapshot(b, 7);
    expect(snapshotProgress(b).done).toBe(true);
  });
});
