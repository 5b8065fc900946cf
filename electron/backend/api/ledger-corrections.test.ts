/**
 * Ledger corrections (issue 18, problem 4): an item closed as 不属实 (with a reason) or as 重复 (linked
 * to the item it repeats), and its 类别 / 紧急程度 corrected with a reason, deadlines recomputed from
 * the original registration. Real SQLite through the API.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { InputOf } from '../../../shared/api/contract';
import { expectRefused, makeWorld, type World } from '../testing/screening-fixtures';

let w: World;
let hid: string;
// Friday 2020-07-03 10:00 Shanghai.
const START = '2020-07-03T02:00:00.000Z';

beforeEach(async () => {
  w = await makeWorld(START);
  hid = await w.household({ members: [{ name: '孙大爷', birth: '1940-05-01' }] });
});
afterEach(() => w.h.close());

const create = (extra: Partial<InputOf<'ledger.create'>> = {}) =>
  w.h.call('ledger.create', { source: 'grid-report', householdId: hid, category: 'medical', urgency: '2', description: '看病难', ...extra });

type T = InputOf<'ledger.transition'>;
const act = (id: string, action: T['action'], extra: Partial<T> = {}, token?: string) => w.h.call('ledger.transition', { id, action, ...extra }, token);

function auditActions(id: string): string[] {
  return (
    w.h.backend.store.sqlite.prepare('SELECT action FROM audit_events WHERE entity_id = ? ORDER BY rowid').all(id) as { action: string }[]
  ).map((r) => r.action);
}

describe('closing as 不属实', () => {
  test('needs a reason; the item is closed, never overdue, out of the open list and the escalations', async () => {
    const d = await create();
    await act(d.id, 'start-verify');
    const e = await expectRefused(w, 'invalid-input', () => act(d.id, 'close-unfounded'));
    expect(e.field).toBe('reason');
    expect(e.message).toContain('不属实');
    const closed = await act(d.id, 'close-unfounded', { reason: '入户核实：已有子女照顾，情况不属实' });
    expect(closed).toMatchObject({ status: 'unfounded', closedAt: START, overdue: false, countdownText: '' });
    expect(closed.result).toContain('已有子女照顾');
    expect(closed.events.at(-1)).toMatchObject({ kind: 'close-unfounded', fromStatus: 'verifying', toStatus: 'unfounded' });
    expect(auditActions(d.id)).toContain('ledger.close-unfounded');

    // Long past every deadline: not overdue, not open, not escalated, not offered for 回头看.
    await w.moveClock('2020-08-03T02:00:00.000Z');
    expect((await w.h.call('ledger.get', { id: d.id })).overdue).toBe(false);
    expect((await w.h.call('ledger.list', { status: 'open' })).total).toBe(0);
    expect((await w.h.call('ledger.list', { overdueOnly: true })).total).toBe(0);
    expect((await w.h.call('ledger.escalations', {})).overdueItems).toEqual([]);
    expect(await w.h.call('ledger.lookBack', { from: '2020-07-01', to: '2020-07-31' })).toEqual([]);
    expect((await w.h.call('ledger.list', { status: 'unfounded' })).rows.map((r) => r.id)).toEqual([d.id]);
  });

  test('a caseworker may not close; a supervisor may reopen it for verification again', async () => {
    const d = await create();
    const cw = await w.caseworkerToken();
    await expectRefused(w, 'forbidden', () => act(d.id, 'close-unfounded', { reason: '不属实' }, cw));
    await act(d.id, 'close-unfounded', { reason: '不属实' });
    const back = await act(d.id, 'reopen', { reason: '群众再次反映' });
    expect(back).toMatchObject({ status: 'verifying', closedAt: null, result: null });
  });
});

describe('closing as 重复', () => {
  test('links the item it repeats; listed as closed, never overdue', async () => {
    const first = await create();
    const again = await create({ source: 'hotline', description: '热线反映看病难' });
    const e = await expectRefused(w, 'invalid-input', () => act(again.id, 'close-duplicate'));
    expect(e.field).toBe('duplicateOfId');
    const closed = await act(again.id, 'close-duplicate', { duplicateOfId: first.id, note: '同一问题' });
    expect(closed).toMatchObject({ status: 'duplicate', duplicateOfId: first.id, duplicateOfNo: first.itemNo, overdue: false });
    expect(closed.result).toContain(first.itemNo);
    expect(closed.events.at(-1)).toMatchObject({ kind: 'close-duplicate', toStatus: 'duplicate' });
    expect(auditActions(again.id)).toContain('ledger.close-duplicate');
    await w.moveClock('2020-08-03T02:00:00.000Z');
    expect((await w.h.call('ledger.list', { status: 'open' })).rows.map((r) => r.id)).toEqual([first.id]);
  });

  test('the item repeated must exist, be of the same household, not be itself, and not repeat this one', async () => {
    const a = await create();
    const b = await create();
    const other = await w.h.call('ledger.create', {
      source: 'grid-report',
      householdId: await w.household({ members: [{ name: '钱大妈', birth: '1945-01-01' }] }),
      category: 'medical',
      urgency: '2',
      description: '看病难',
    });
    const missing = await expectRefused(w, 'not-found', () => act(b.id, 'close-duplicate', { duplicateOfId: '0193a1b2-0000-7000-8000-000000000001' }));
    expect(missing.field).toBe('duplicateOfId');
    const household = await expectRefused(w, 'ledger-duplicate-invalid', () => act(b.id, 'close-duplicate', { duplicateOfId: other.id }));
    expect(household.message).toContain('同一家庭');
    await expectRefused(w, 'ledger-duplicate-invalid', () => act(b.id, 'close-duplicate', { duplicateOfId: b.id }));
    await act(b.id, 'close-duplicate', { duplicateOfId: a.id });
    // a cannot now be closed as a duplicate of b, which repeats a.
    const cycle = await expectRefused(w, 'ledger-duplicate-invalid', () => act(a.id, 'close-duplicate', { duplicateOfId: b.id }));
    expect(cycle.message).toContain(b.itemNo);
  });
});

describe('correcting 类别 and 紧急程度', () => {
  test('reclassify with a reason: audited and in the history', async () => {
    const d = await create();
    const e = await expectRefused(w, 'invalid-input', () => w.h.call('ledger.correct', { id: d.id, category: 'living', reason: '' }));
    expect(e.field).toBe('reason');
    await expectRefused(w, 'invalid-input', () => w.h.call('ledger.correct', { id: d.id, category: 'medical', reason: '无变化' }));
    const fixed = await w.h.call('ledger.correct', { id: d.id, category: 'living', reason: '实为生活困难' }, await w.caseworkerToken());
    expect(fixed.category).toBe('living');
    expect(fixed.events.at(-1)).toMatchObject({ kind: 'reclassify' });
    expect(fixed.events.at(-1)!.note).toContain('医疗 → 生活');
    expect(fixed.events.at(-1)!.note).toContain('实为生活困难');
    expect(auditActions(d.id)).toContain('ledger.reclassify');
  });

  test('regrade recomputes both deadlines from the original registration, not from now', async () => {
    const d = await create(); // 二级 on Friday 10:00: verify by Monday, complete by Wednesday
    expect(d.dueAt).toBe('2020-07-08T15:59:59.999Z');
    await w.moveClock('2020-07-03T08:00:00.000Z'); // six hours later
    const cw = await w.caseworkerToken();
    await expectRefused(w, 'forbidden', () => w.h.call('ledger.correct', { id: d.id, urgency: '1', reason: '急难' }, cw));
    const up = await w.h.call('ledger.correct', { id: d.id, urgency: '1', reason: '核实为急难情形' });
    // 一级: 24 hours and 4 hours from 10:00 on the 3rd, as if registered so.
    expect(up).toMatchObject({ urgency: '1', dueAt: '2020-07-04T02:00:00.000Z', verifyDueAt: '2020-07-03T06:00:00.000Z', registeredAt: START });
    expect(up.overdue).toBe(true);
    expect(up.events.at(-1)).toMatchObject({ kind: 'regrade' });
    expect(up.events.at(-1)!.note).toContain('二级 → 一级');
    expect(auditActions(d.id)).toContain('ledger.regrade');
    const down = await w.h.call('ledger.correct', { id: d.id, urgency: '2', reason: '复核为一般情形' });
    expect(down).toMatchObject({ dueAt: '2020-07-08T15:59:59.999Z', verifyDueAt: '2020-07-06T15:59:59.999Z', overdue: false });
  });

  test('a closed item keeps its grade; the sender’s own deadline is kept on a regrade', async () => {
    const closed = await create();
    await act(closed.id, 'close-unfounded', { reason: '不属实' });
    await expectRefused(w, 'invalid-transition', () => w.h.call('ledger.correct', { id: closed.id, urgency: '1', reason: '急难' }));
    const clue = await create({ source: 'bureau-clue', dueAt: '2020-07-10T10:00:00.000Z' });
    const up = await w.h.call('ledger.correct', { id: clue.id, urgency: '1', reason: '急难' });
    expect(up).toMatchObject({ dueAt: '2020-07-10T10:00:00.000Z', verifyDueAt: '2020-07-03T06:00:00.000Z' });
  });
});
