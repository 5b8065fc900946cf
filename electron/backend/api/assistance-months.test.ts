/**
 * Amounts by month as the plan sets them: a decision changes the months after its report, never a
 * month before; a gradual exit keeps to its schedule on the original amount, returns to full 低保 when
 * the income falls back, and pauses at its end while exits are suspended; its terms are dated data.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { makeIdNumber } from '../../../shared/id-number';
import { addMonths } from '../../../shared/policy';
import { ADMIN, makeHarness, type Harness } from '../testing/harness';
import { enrolThroughSteps } from '../testing/enrolment';

let h: Harness;
let now: Date;
let token: string | undefined;
let communityId: string;
let seq = 300;

async function at(iso: string) {
  now = new Date(iso);
  token = (await h.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, null)).token;
}
const call: Harness['call'] = (p, input) => h.call(p, input, token);

beforeEach(async () => {
  now = new Date('2026-03-15T02:00:00Z');
  h = await makeHarness({ now: () => now });
  token = undefined;
  communityId = (await call('org.listCommunities', {}))[0]!.id;
  await call('policy.setParam', { key: 'dibao.employmentReward', value: 30000, effectiveFrom: '2020-06-12', retroactiveReason: '测试：补录就业奖励' });
});
afterEach(() => h.close());

/** A 2-person household (head and a child) with 70.00 a month of transfers: 2,020.00 a month at 1,045.00. */
async function enrolled() {
  const hh = await call('registry.createHousehold', {
    household: { communityId, address: `詹滨西里${seq}号`, hukouType: 'urban' },
    members: [
      { name: '孙立新', relation: '02', idNumber: makeIdNumber('120110', '19800101', seq++ * 2 + 1), incomes: [{ kind: 'transfer', monthlyFen: 7000 }] },
      { name: '孙小雨', relation: '20', idNumber: makeIdNumber('120110', '20150101', seq++ * 2 + 1), incomes: [] },
    ],
  });
  const e = await enrolThroughSteps(h, { programme: 'dibao', householdId: hh.id }, '2026-04', token);
  const head = hh.members.find((m) => m.relation === '02')!;
  return { hh, e, head };
}

async function amounts(householdId: string, from: string, n: number): Promise<(number | null)[]> {
  const out: (number | null)[] = [];
  for (let i = 0; i < n; i++) {
    const list = await call('assistance.paymentList', { programme: 'dibao', month: addMonths(from, i) });
    out.push(list.rows.find((r) => r.householdId === householdId)?.amountFen ?? null);
  }
  return out;
}

const rise = (id: string, reportMonth: string, personId: string, wageFen: number) => ({
  id,
  reportMonth,
  riseFromEmployment: true,
  selfReported: true,
  incomeClearlyRisen: false,
  basicLivingSecure: false,
  members: [{ personId, wageFen, workingAwayOrReturned: false }],
});

test('April paid 2,020.00 stays 2,020.00 after a May wage is assessed ("stay" at 250.00 from June)', async () => {
  const { hh, e, head } = await enrolled();
  expect(await amounts(hh.id, '2026-04', 1)).toEqual([202000]);
  await at('2026-05-10T02:00:00Z');
  // (207000 − 30000 reward + 7000) / 2 = 92000 ≤ 104500: stay at (104500 − 92000) × 2
  const d = await call('assistance.recordIncomeRise', rise(e.id, '2026-05', head.id, 207000));
  expect(d.incomeRises[0]).toMatchObject({ kind: 'stay', monthlyAmountFen: 25000 });
  expect(d).toMatchObject({ status: 'active', perCapitaIncomeFen: 3500 });
  expect(await amounts(hh.id, '2026-04', 3)).toEqual([202000, 202000, 25000]);
});

test('a second report in the 50% phase does not restart the exit: same schedule on the original amount, same end', async () => {
  const { hh, e, head } = await enrolled();
  await at('2026-05-10T02:00:00Z');
  await call('assistance.recordIncomeRise', rise(e.id, '2026-05', head.id, 400000));
  await at('2026-09-10T02:00:00Z');
  const d = await call('assistance.recordIncomeRise', rise(e.id, '2026-09', head.id, 600000));
  expect(d.incomeRises.map((r) => r.kind).sort()).toEqual(['continue-exit', 'gradual-exit']);
  expect(d).toMatchObject({ status: 'gradual-exit', endMonth: '2026-12' });
  expect(await amounts(hh.id, '2026-05', 9)).toEqual([202000, 202000, 202000, 202000, 101000, 101000, 101000, null, null]);
});

test('losing the job inside the exit (wage 0) returns the household to full 低保 from the next month', async () => {
  const { hh, e, head } = await enrolled();
  await at('2026-05-10T02:00:00Z');
  await call('assistance.recordIncomeRise', rise(e.id, '2026-05', head.id, 400000));
  await at('2026-09-10T02:00:00Z');
  const d = await call('assistance.recordIncomeRise', rise(e.id, '2026-09', head.id, 0));
  expect(d.incomeRises.find((r) => r.reportMonth === '2026-09')).toMatchObject({ kind: 'stay', monthlyAmountFen: 202000 });
  expect(d).toMatchObject({ status: 'active', endMonth: null });
  expect(await amounts(hh.id, '2026-08', 6)).toEqual([202000, 101000, 202000, 202000, 202000, 202000]);
});

test('a gradual exit that ends inside a suspension of exits pauses at its last amount instead of ending', async () => {
  const { hh, e, head } = await enrolled();
  await at('2026-05-10T02:00:00Z');
  await call('assistance.recordIncomeRise', rise(e.id, '2026-05', head.id, 400000));
  // Entered in June: exits are suspended from 2026-11-20, before the exit takes effect on 12-01.
  await at('2026-06-10T02:00:00Z');
  await call('policy.setParam', { key: 'epidemic.exitsSuspended', value: true, effectiveFrom: '2026-11-20', note: '暂停退出' });
  const list = await call('assistance.paymentList', { programme: 'dibao', month: '2027-01' });
  expect(list.rows.find((r) => r.householdId === hh.id)).toMatchObject({ amountFen: 101000, basis: 'held' });
  expect(await amounts(hh.id, '2026-11', 3)).toEqual([101000, 101000, 101000]);
  expect(await call('assistance.getEnrolment', { id: e.id })).toMatchObject({ status: 'gradual-exit', exitHeld: false });
  await at('2027-01-10T02:00:00Z');
  // Past its end the record says it is held and asks for a review.
  expect(await call('assistance.getEnrolment', { id: e.id })).toMatchObject({ status: 'gradual-exit', endMonth: '2026-12', exitHeld: true, currentAmountFen: 101000 });
});

test('the exit ends as decided when the suspension starts after it took effect', async () => {
  const { hh, e, head } = await enrolled();
  await at('2026-05-10T02:00:00Z');
  await call('assistance.recordIncomeRise', rise(e.id, '2026-05', head.id, 400000));
  await call('policy.setParam', { key: 'epidemic.exitsSuspended', value: true, effectiveFrom: '2026-12-02', note: '暂停退出' });
  expect(await amounts(hh.id, '2026-11', 2)).toEqual([101000, null]);
});

test('the 渐退 months and percentages are dated parameters read on the day of the report', async () => {
  const { hh, e, head } = await enrolled();
  await call('policy.setParam', { key: 'dibao.gradualExit.fullMonths', value: 2, effectiveFrom: '2026-05-08', note: '测试：调整渐退期' });
  await call('policy.setParam', { key: 'dibao.gradualExit.reducedPercent', value: 40, effectiveFrom: '2026-05-08', note: '测试：调整渐退期' });
  await at('2026-05-10T02:00:00Z');
  const before = await call('assistance.previewIncomeRise', { ...rise(e.id, '2026-05', head.id, 400000), reportedOn: '2026-05-07' });
  expect(before.decision).toMatchObject({ kind: 'gradual-exit', exitMonth: '2026-12' });
  const d = await call('assistance.recordIncomeRise', { ...rise(e.id, '2026-05', head.id, 400000), reportedOn: '2026-05-09' });
  expect(d).toMatchObject({ status: 'gradual-exit', endMonth: '2026-11' });
  expect(await amounts(hh.id, '2026-06', 6)).toEqual([202000, 202000, 80800, 80800, 80800, null]);
});

test('a report for a month before one already recorded is refused, naming the month', async () => {
  const { e, head } = await enrolled();
  await at('2026-06-10T02:00:00Z');
  await call('assistance.recordIncomeRise', rise(e.id, '2026-06', head.id, 207000));
  const r = await h.raw('assistance.recordIncomeRise', rise(e.id, '2026-05', head.id, 300000), token);
  expect(r).toMatchObject({ ok: false, error: { field: 'reportMonth' } });
  expect(JSON.stringify(r)).toContain('2026-06');
});

test('a report of a past month needs its date (the rules of that day apply), refused without it', async () => {
  const { e, head } = await enrolled();
  await at('2026-06-10T02:00:00Z');
  const r = await h.raw('assistance.previewIncomeRise', rise(e.id, '2026-05', head.id, 207000), token);
  expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'reportedOn' } });
  expect((await call('assistance.previewIncomeRise', { ...rise(e.id, '2026-05', head.id, 207000), reportedOn: '2026-05-20' })).decision.kind).toBe('stay');
});

test("a member's death recorded late reduces the household from the month after the death, never before", async () => {
  const hh = await call('registry.createHousehold', {
    household: { communityId, address: `詹滨西里${seq}号`, hukouType: 'urban' },
    members: [
      { name: '钱立本', relation: '02', idNumber: makeIdNumber('120110', '19700101', seq++ * 2 + 1), incomes: [] },
      { name: '钱老母', relation: '50', idNumber: makeIdNumber('120110', '19400101', seq++ * 2 + 1), incomes: [] },
      { name: '钱小宝', relation: '20', idNumber: makeIdNumber('120110', '20150101', seq++ * 2 + 1), incomes: [] },
    ],
  });
  const e = await enrolThroughSteps(h, { programme: 'dibao', householdId: hh.id }, '2026-04', token);
  expect(e.coveredPersons).toBe(3);
  await at('2026-07-10T02:00:00Z');
  const mother = hh.members.find((m) => m.name === '钱老母')!;
  await call('registry.recordDeath', { personId: mother.id, diedOn: '2026-05-10' });
  // Paid for three through May (the month of death), for two from June.
  expect(await amounts(hh.id, '2026-04', 4)).toEqual([313500, 313500, 209000, 209000]);
});
