/**
 * 先行救助: a supervisor approves and pays an urgent 临时救助 before its papers are complete, with the
 * papers owed and the day they are due (temporary.papersDueDays, read on the day); papers received are
 * recorded; still owed after the day, the application is 材料逾期 and listed by the overdue filter.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeIdNumber } from '../../../shared/id-number';
import { ADMIN, makeHarness, type Harness } from '../testing/harness';
import { investigatorToken } from '../testing/enrolment';

let h: Harness;
let now: Date;
let token: string;
let communityId: string;

const call: Harness['call'] = (p, input, t) => h.call(p, input, t ?? token);
function changeCount(): number {
  return (h.backend.store.sqlite.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
}
/** Moves the clock; the session would expire, so sign in again. */
async function at(iso: string) {
  now = new Date(iso);
  token = (await h.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, null)).token;
}

beforeEach(async () => {
  // 2026-05-11 09:00 Shanghai.
  now = new Date('2026-05-11T01:00:00Z');
  h = await makeHarness({ now: () => now });
  token = h.token;
  communityId = (await call('org.listCommunities', {}))[0]!.id;
});
afterEach(() => h.close());

let seq = 10;
async function urgent(reason = '火灾') {
  const hh = await call('registry.createHousehold', {
    household: { communityId, address: `詹滨西里${seq}号`, hukouType: 'urban', categories: [] },
    members: [{ name: `卫${seq}`, relation: '02', idNumber: makeIdNumber('120110', '19800101', seq++ * 2 + 1), incomes: [] }],
  });
  return call('assistance.receiveTemporary', { householdId: hh.id, type: 'urgent', reason, amountFen: 300000 });
}

function ledgerItemOf(householdId: string) {
  const { id } = h.backend.store.sqlite.prepare("SELECT id FROM ledger_items WHERE household_id = ? AND source = 'application'").get(householdId) as { id: string };
  return call('ledger.get', { id });
}

describe('先行救助', () => {
  test('a caseworker cannot use it; nothing is written', async () => {
    const t = await urgent();
    const cw = await investigatorToken(h, token);
    const before = changeCount();
    const r = await h.raw('assistance.decideTemporary', { id: t.id, action: 'approve', papersOwed: ['id-proof'] }, cw);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(changeCount()).toBe(before);
  });

  test('a supervisor approves and pays with papers owed; the ledger item closes with payment and its history shows the papers owed', async () => {
    const t = await urgent();
    const a = await call('assistance.decideTemporary', { id: t.id, action: 'approve', note: '情况紧急', papersOwed: ['income-proof', 'other'], papersOther: '村委会证明' });
    // Due five days on (the seeded parameter, 【未核实】), counted in Shanghai days.
    expect(a).toMatchObject({
      status: 'approved',
      papersDueOn: '2026-05-16',
      papersCompletedAt: null,
      papersOverdue: false,
      papersOwed: [
        { code: 'income-proof', note: null, receivedOn: null },
        { code: 'other', note: '村委会证明', receivedOn: null },
      ],
    });
    const p = await call('assistance.decideTemporary', { id: t.id, action: 'pay' });
    expect(p.status).toBe('paid');
    const item = await ledgerItemOf(t.householdId);
    expect(item).toMatchObject({ status: 'closed', result: '已发放' });
    const paid = item.events.find((e) => e.kind === 'application:paid')!;
    expect(paid.note).toContain('材料待补：收入证明、其他（村委会证明），限 2026-05-16 前补齐');
  });

  test('recording the papers received clears them; the last one completes them', async () => {
    const t = await urgent();
    await call('assistance.decideTemporary', { id: t.id, action: 'approve', papersOwed: ['id-proof', 'medical-bills'] });
    await call('assistance.decideTemporary', { id: t.id, action: 'pay' });
    await at('2026-05-13T02:00:00Z');
    const one = await call('assistance.recordTemporaryPapers', { id: t.id, received: ['id-proof'] });
    expect(one.papersOwed!.map((p) => [p.code, p.receivedOn])).toEqual([
      ['id-proof', '2026-05-13'],
      ['medical-bills', null],
    ]);
    expect(one.papersCompletedAt).toBeNull();
    // A paper not owed (or already received) is refused, nothing written.
    const before = changeCount();
    const again = await h.raw('assistance.recordTemporaryPapers', { id: t.id, received: ['id-proof'] }, token);
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'received' } });
    expect((again as { error: { message: string } }).error.message).toContain('身份证明');
    expect(changeCount()).toBe(before);
    const done = await call('assistance.recordTemporaryPapers', { id: t.id, received: ['medical-bills'] });
    expect(done.papersCompletedAt).toBe('2026-05-13T02:00:00.000Z');
    // After the due day it is not overdue: the papers are complete.
    await at('2026-05-20T02:00:00Z');
    expect((await call('assistance.listTemporary', { papersOverdue: true })).map((r) => r.id)).not.toContain(t.id);
    const item = await ledgerItemOf(t.householdId);
    expect(item.events.filter((e) => e.kind === 'application:papers').map((e) => e.note)).toEqual([
      '补交材料：身份证明；材料待补：医疗票据，限 2026-05-16 前补齐',
      '补交材料：医疗票据；材料已补齐',
    ]);
  });

  test('papers still owed after the due day: 材料逾期, listed by the overdue filter', async () => {
    const owed = await urgent('火灾');
    const complete = await urgent('车祸');
    await call('assistance.decideTemporary', { id: owed.id, action: 'approve', papersOwed: ['accident-proof'] });
    await call('assistance.decideTemporary', { id: complete.id, action: 'approve', note: '材料齐全' });
    // On the due day itself it is not yet overdue.
    await at('2026-05-16T15:00:00Z'); // 23:00 on 05-16 in Shanghai
    expect((await call('assistance.listTemporary', { papersOverdue: true })).map((r) => r.id)).toEqual([]);
    await at('2026-05-16T16:30:00Z'); // 00:30 on 05-17 in Shanghai
    const overdue = await call('assistance.listTemporary', { papersOverdue: true });
    expect(overdue.map((r) => r.id)).toEqual([owed.id]);
    expect(overdue[0]).toMatchObject({ papersOverdue: true, papersDueOn: '2026-05-16' });
    const all = await call('assistance.listTemporary', {});
    expect(all.find((r) => r.id === complete.id)).toMatchObject({ papersOwed: null, papersOverdue: false });
  });

  test('refusals name the rule and write nothing: no paper chosen for 其他, an expenditure case, papers at payment', async () => {
    const t = await urgent();
    const hh = await call('registry.createHousehold', {
      household: { communityId, address: '詹滨西里99号', hukouType: 'urban', categories: [] },
      members: [{ name: '冯九', relation: '02', idNumber: makeIdNumber('120110', '19800101', 999), incomes: [] }],
    });
    const exp = await call('assistance.receiveTemporary', { householdId: hh.id, type: 'expenditure', reason: '医疗支出', amountFen: 100000 });
    const before = changeCount();
    const cases: [unknown, string, string][] = [
      [{ id: t.id, action: 'approve', papersOwed: ['other'] }, 'papersOther', '其他'],
      [{ id: exp.id, action: 'approve', papersOwed: ['medical-bills'] }, 'papersOwed', '急难型'],
      [{ id: t.id, action: 'approve', papersOwed: ['nonsense'] }, 'papersOwed', '待补材料'],
    ];
    for (const [input, field, words] of cases) {
      const r = await h.raw('assistance.decideTemporary', input, token);
      expect(r, JSON.stringify(input)).toMatchObject({ ok: false, error: { field: expect.stringMatching(new RegExp(`^${field}`)) } });
      expect((r as { error: { message: string } }).error.message).toContain(words);
    }
    await call('assistance.decideTemporary', { id: t.id, action: 'approve' });
    const after = changeCount();
    const pay = await h.raw('assistance.decideTemporary', { id: t.id, action: 'pay', papersOwed: ['id-proof'] }, token);
    expect(pay).toMatchObject({ ok: false, error: { field: 'papersOwed' } });
    expect(changeCount()).toBe(after);
    expect(after).toBeGreaterThan(before);
    const none = await h.raw('assistance.recordTemporaryPapers', { id: t.id, received: ['id-proof'] }, token);
    expect(none).toMatchObject({ ok: false, error: { code: 'nothing-to-do' } });
  });
});
