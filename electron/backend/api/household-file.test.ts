/**
 * The household's file (一户一档, issue 18 problem 3): after a 5,000 元 急难型 临时救助 the household
 * shows it (its page said 尚未纳入任何救助项目); its enrolment with the steps, the payments by month
 * as the payment lists have them, its ledger items (open first), visits, documents printed and the
 * audit trail, all through one procedure. Real SQLite through the API.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeIdNumber } from '../../../shared/id-number';
import { makeHarness, type Harness } from '../testing/harness';
import { enrolThroughSteps } from '../testing/enrolment';

let h: Harness;
let now: Date;
let communityId: string;

beforeEach(async () => {
  now = new Date('2026-03-15T02:00:00Z');
  h = await makeHarness({ now: () => now });
  communityId = (await h.call('org.listCommunities', {}))[0]!.id;
});
afterEach(() => h.close());

async function household(name: string, seq: number) {
  return h.call('registry.createHousehold', {
    household: { communityId, address: `詹滨西里${seq}号`, hukouType: 'urban', categories: [] },
    members: [{ name, relation: '02', idNumber: makeIdNumber('120110', '19620304', seq), health: 'serious' }],
  });
}

describe('household file', () => {
  test('shows a 5,000 元 急难型 临时救助 of a household with no enrolment', async () => {
    const hh = await household('刘振华', 311);
    const t = await h.call('assistance.receiveTemporary', { householdId: hh.id, personId: hh.members[0]!.id, type: 'urgent', reason: '突发重病住院', amountFen: 500000 });
    await h.call('assistance.decideTemporary', { id: t.id, action: 'approve', note: '先行审批' });
    await h.call('assistance.decideTemporary', { id: t.id, action: 'pay' });
    const file = await h.call('household.file', { id: hh.id });
    expect(file.enrolments).toEqual([]);
    expect(file.temporary).toMatchObject([{ id: t.id, type: 'urgent', amountFen: 500000, status: 'paid', name: '刘振华' }]);
    // Its 一级 ledger item, closed with the payment.
    expect(file.ledger).toMatchObject([{ source: 'application', urgency: '1', status: 'closed' }]);
    expect(file.audit!.map((e) => e.action)).toEqual(
      expect.arrayContaining(['registry.createHousehold', 'assistance.receiveTemporary', 'assistance.temporary.pay', 'ledger.create']),
    );
  });

  test('enrolment with its steps, payments by month, ledger open first, visits, printed documents', async () => {
    const hh = await household('耿淑兰', 313);
    const other = await household('隔壁', 315);
    await enrolThroughSteps(h, { programme: 'dibao', householdId: hh.id, note: '本人申请' }, '2026-01');
    await enrolThroughSteps(h, { programme: 'dibao', householdId: other.id, note: '本人申请' }, '2026-01');
    const closed = await h.call('ledger.create', { source: 'hotline', householdId: hh.id, category: 'medical', urgency: '2', description: '就医' });
    await h.call('ledger.transition', { id: closed.id, action: 'close-unfounded', reason: '不属实' });
    const open = await h.call('ledger.create', { source: 'grid-report', householdId: hh.id, category: 'living', urgency: '2', description: '缺冬衣' });
    await h.call('screening.recordVisit', { householdId: hh.id, visitedOn: '2026-03-14', method: 'home', visitorName: '刘网格', note: '生活正常' });
    await h.call('household.recordPrint', { id: hh.id, mode: 'pdf' });

    const file = await h.call('household.file', { id: hh.id });
    expect(file.enrolments).toHaveLength(1);
    expect(file.enrolments[0]).toMatchObject({ programme: 'dibao', status: 'active', startMonth: '2026-01' });
    expect(file.enrolments[0]!.steps.map((s) => s.step)).toEqual(['apply', 'investigate', 'street-review', 'publish', 'approve']);
    // The months paid so far, newest first, each as that month's payment list has it.
    expect(file.payments.map((p) => p.month)).toEqual(['2026-03', '2026-02', '2026-01']);
    for (const p of file.payments) {
      const list = await h.call('assistance.paymentList', { programme: 'dibao', month: p.month });
      expect(p.amountFen).toBe(list.rows.find((r) => r.householdId === hh.id)!.amountFen);
    }
    expect(file.ledger.map((i) => i.id)).toEqual([open.id, closed.id]);
    expect(file.visits).toMatchObject([{ visitedOn: '2026-03-14', visitorName: '刘网格' }]);
    expect(file.documents).toMatchObject([{ action: 'household.exportPdf', username: 'admin' }]);
    // Nothing of the neighbour's.
    expect(file.audit!.every((e) => e.entityId !== other.id)).toBe(true);
    expect(file.audit!.map((e) => e.action)).toContain('ledger.close-unfounded');
  });

  test('a month with a confirmed batch shows what the batch froze and the 补发 it carried; a month not confirmed says so', async () => {
    const hh = await household('孙立新', 319);
    await enrolThroughSteps(h, { programme: 'dibao', householdId: hh.id, note: '本人申请' }, '2026-01');
    const jan = await h.call('batches.generate', { programme: 'dibao', month: '2026-01' });
    await h.call('batches.confirm', { id: jan.id });
    const before = (await h.call('household.file', { id: hh.id })).payments.find((p) => p.month === '2026-01')!.amountFen!;
    // A higher standard from January, entered late: January stays as frozen; February's batch carries the 补发.
    await h.call('policy.setParam', { key: 'dibao.standard', value: 110000, effectiveFrom: '2026-01-01', retroactiveReason: '补录' });
    const feb = await h.call('batches.generate', { programme: 'dibao', month: '2026-02' });
    await h.call('batches.confirm', { id: feb.id });
    const file = await h.call('household.file', { id: hh.id });
    const month = (m: string) => file.payments.find((p) => p.month === m)!;
    const now = month('2026-03').amountFen!;
    expect(now).toBeGreaterThan(before);
    expect(month('2026-01')).toMatchObject({ amountFen: before, adjustmentFen: 0, batchStatus: 'confirmed' });
    expect(month('2026-02')).toMatchObject({ amountFen: now, adjustmentFen: now - before, batchStatus: 'confirmed' });
    expect(month('2026-03')).toMatchObject({ batchStatus: null, adjustmentFen: 0 });
  });

  test('a payment shows the persons it covered as recorded, never today\'s number: a confirmed month what its batch froze', async () => {
    const hh = await h.call('registry.createHousehold', {
      household: { communityId, address: '詹滨西里321号', hukouType: 'urban', categories: [] },
      members: [
        { name: '韩立本', relation: '02', idNumber: makeIdNumber('120110', '19700101', 321) },
        { name: '韩老母', relation: '50', idNumber: makeIdNumber('120110', '19400101', 323) },
      ],
    });
    const e = await enrolThroughSteps(h, { programme: 'dibao', householdId: hh.id, note: '本人申请' }, '2026-01');
    expect(e.coveredPersons).toBe(2);
    await h.call('batches.confirm', { id: (await h.call('batches.generate', { programme: 'dibao', month: '2026-01' })).id });
    // The mother died on 1 March: the household counts one person from April, two before.
    await h.call('registry.recordDeath', { personId: hh.members.find((m) => m.name === '韩老母')!.id, diedOn: '2026-03-01' });
    const feb = await h.call('batches.confirm', { id: (await h.call('batches.generate', { programme: 'dibao', month: '2026-02' })).id });
    // February's batch records the two persons its amount was worked out for
    expect(feb.rows.map((r) => [r.forMonth, r.coveredPersons, r.amountFen])).toEqual([['2026-02', 2, 209000]]);
    expect((await h.call('assistance.paymentList', { programme: 'dibao', month: '2026-03' })).rows.map((r) => r.coveredPersons)).toEqual([2]);
    const file = await h.call('household.file', { id: hh.id });
    expect(file.enrolments[0]!.coveredPersons).toBe(1); // today's number
    expect(file.payments.map((p) => [p.month, p.coveredPersons, p.amountFen, p.batchStatus])).toEqual([
      ['2026-03', 2, 209000, null],
      ['2026-02', 2, 209000, 'confirmed'],
      ['2026-01', 2, 209000, 'confirmed'],
    ]);
  });

  test('a caseworker reads the file without the audit trail; an unknown household is refused', async () => {
    const hh = await household('张三', 317);
    await h.call('users.create', { username: 'jingban', displayName: '赵经办', role: 'caseworker', password: 'case-pass-1' });
    const { token } = await h.call('auth.login', { username: 'jingban', password: 'case-pass-1' }, null);
    const file = await h.call('household.file', { id: hh.id }, token);
    expect(file.audit).toBeNull();
    const r = await h.raw('household.file', { id: '0193a1b2-0000-7000-8000-000000000001' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
