/**
 * 复审 on schedule (issue 17): the next review day of each enrolled household by the cycle in force
 * (yearly; six-monthly for 低保 with a member able to work and no steady wage), its boundaries, a
 * change of the cycle mid-year, reviews decided through the income-report rules, refusals that write
 * nothing, and the 工作台 figure counting the list's own rows.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeIdNumber } from '../../../shared/id-number';
import { ADMIN, makeHarness, type Harness } from '../testing/harness';
import { enrolThroughSteps } from '../testing/enrolment';

let h: Harness;
let now: Date;
let communityId: string;
let token: string | null = null;

/** Moves the clock to a Shanghai day (10:00); the session would expire, so sign in again. */
async function on(day: string) {
  now = new Date(`${day}T02:00:00Z`);
  token = (await h.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, null)).token;
}
const call: Harness['call'] = (p, input) => h.call(p, input, token ?? undefined);
const raw = (p: string, input: unknown) => h.raw(p, input, token ?? undefined);
const changeCount = () => (h.backend.store.sqlite.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;

beforeEach(async () => {
  token = null;
  now = new Date('2026-03-15T02:00:00Z');
  h = await makeHarness({ now: () => now });
  communityId = (await call('org.listCommunities', {}))[0]!.id;
  await call('policy.setParam', { key: 'dibao.employmentReward', value: 30000, effectiveFrom: '2020-06-12', retroactiveReason: '测试：补录就业奖励' });
});
afterEach(() => h.close());

let seq = 100;
type Member = { name: string; relation: string; birth?: string; labourCapacity?: 'full' | 'none'; employment?: 'flexible' | 'employed' | 'retired'; wageFen?: number };
async function household(members: Member[]) {
  return call('registry.createHousehold', {
    household: { communityId, address: `金钟里${seq}号`, hukouType: 'urban', categories: [] },
    members: members.map((m) => ({
      name: m.name,
      relation: m.relation as '02',
      idNumber: makeIdNumber('120110', m.birth ?? '19800101', seq++ * 2 + 1),
      labourCapacity: m.labourCapacity,
      employment: m.employment,
      incomes: m.wageFen ? [{ kind: 'wage' as const, monthlyFen: m.wageFen }] : [],
    })),
  });
}

/** Approved by the district on 2026-03-13 (the steps' dates), paid from 2026-04. */
const enrol = (input: Parameters<typeof enrolThroughSteps>[1]) => enrolThroughSteps(h, input, '2026-04', token ?? undefined);

/** A 低保 household whose head is able to work and works odd jobs: reviewed every six months. */
async function unsteadyDibao() {
  const hh = await household([
    { name: '韩立', relation: '02', labourCapacity: 'full', employment: 'flexible', wageFen: 60000 },
    { name: '韩小', relation: '20', birth: '20150101' },
  ]);
  return { hh, e: await enrol({ programme: 'dibao', householdId: hh.id }) };
}
/** A 低保 household nobody of which can work: yearly. */
async function stableDibao() {
  const hh = await household([{ name: '罗秀', relation: '02', birth: '19500101', labourCapacity: 'none', employment: 'retired' }]);
  return { hh, e: await enrol({ programme: 'dibao', householdId: hh.id }) };
}

const row = async (id: string) => (await call('assistance.reviewsDue', { state: 'all' })).rows.find((r) => r.enrolmentId === id);
const stateOf = async (id: string) => (await row(id))?.state;

describe('the next review day', () => {
  test('six months after the approval for unsteady 低保, twelve for the rest; due from 30 days before, overdue the day after', async () => {
    const u = await unsteadyDibao();
    const s = await stableDibao();
    const tHh = await household([{ name: '牛德', relation: '02', birth: '19450101', labourCapacity: 'full', employment: 'flexible' }]);
    const t = await enrol({ programme: 'tekun-home', householdId: tHh.id, personId: tHh.members[0]!.id });
    expect(await row(u.e.id)).toMatchObject({ cycle: 'unsteady', cycleMonths: 6, baseOn: '2026-03-13', baseKind: 'approve', dueOn: '2026-09-13', state: 'later' });
    expect(await row(s.e.id)).toMatchObject({ cycle: 'stable', cycleMonths: 12, dueOn: '2027-03-13' });
    // 特困 is yearly whatever the person's work (the six-month cycle is 低保's).
    expect(await row(t.id)).toMatchObject({ cycle: 'stable', dueOn: '2027-03-13' });

    await on('2026-08-13'); // 31 days before
    expect(await stateOf(u.e.id)).toBe('later');
    await on('2026-08-14'); // 30 days before
    expect(await stateOf(u.e.id)).toBe('due');
    await on('2026-09-13'); // the day itself
    expect(await stateOf(u.e.id)).toBe('due');
    await on('2026-09-14'); // the day after
    expect(await stateOf(u.e.id)).toBe('overdue');
    expect(await stateOf(s.e.id)).toBe('later');
    await on('2027-03-13');
    expect(await stateOf(s.e.id)).toBe('due');
    await on('2027-03-14');
    expect(await stateOf(s.e.id)).toBe('overdue');
    const list = await call('assistance.reviewsDue', {});
    // Overdue first, earliest day first.
    expect(list.rows.map((r) => r.enrolmentId)[0]).toBe(u.e.id);
    expect(list.rows.map((r) => r.enrolmentId).sort()).toEqual([u.e.id, s.e.id, t.id].sort());
    expect(list.counts).toEqual({ overdue: 3, due: 0, later: 0 });
  });

  test('a change of the cycle applies from the next review on, never to a day already set', async () => {
    const u = await unsteadyDibao();
    // From 2026-06-01 the district reviews unsteady households every three months.
    await call('policy.setParam', { key: 'review.cycleMonths.unsteady', value: 3, effectiveFrom: '2026-06-01', note: '测试：调整复审周期' });
    expect(await row(u.e.id)).toMatchObject({ cycleMonths: 6, dueOn: '2026-09-13' });
    await on('2026-09-10');
    const p = await call('assistance.recordReview', { id: u.e.id, members: [] });
    expect(p).toMatchObject({ outcome: 'continue', reviewedOn: '2026-09-10', cycleMonths: 3, nextDueOn: '2026-12-10' });
    expect(await row(u.e.id)).toMatchObject({ baseKind: 'review', baseOn: '2026-09-10', cycleMonths: 3, dueOn: '2026-12-10', state: 'later' });
  });

  test("the household's situation picks the cycle: a steady job makes it yearly", async () => {
    const u = await unsteadyDibao();
    const head = u.hh.members.find((m) => m.relation === '02')!;
    await call('registry.updatePerson', { id: head.id, patch: { employment: 'employed' } });
    expect(await row(u.e.id)).toMatchObject({ cycle: 'stable', dueOn: '2027-03-13' });
  });
});

describe('recording a review runs the income-report rules', () => {
  test('same income: continue; another wage: the amount changes from next month', async () => {
    const u = await unsteadyDibao();
    const head = u.hh.members.find((m) => m.relation === '02')!;
    await on('2026-09-01');
    expect(await call('assistance.previewReview', { id: u.e.id, members: [{ personId: head.id, wageFen: 60000 }] })).toMatchObject({ outcome: 'continue' });
    const p = await call('assistance.recordReview', { id: u.e.id, members: [{ personId: head.id, wageFen: 80000 }], note: '入户复审' });
    // (80000 − 30000 就业奖励) / 2 = 25000 per capita; (104500 − 25000) × 2.
    expect(p).toMatchObject({ outcome: 'change-amount', decision: { kind: 'stay', monthlyAmountFen: 159000 }, previousMonthlyAmountFen: 179000, nextDueOn: '2027-03-01' });
    const d = await call('assistance.getEnrolment', { id: u.e.id });
    expect(d.incomeRises[0]).toMatchObject({ reportMonth: '2026-09', kind: 'stay', monthlyAmountFen: 159000 });
    expect(d.steps.at(-1)).toMatchObject({ step: 'periodic-review', note: '入户复审', detail: { reviewedOn: '2026-09-01', outcome: 'change-amount', kind: 'stay' } });
    const paid = (month: string) => call('assistance.paymentList', { programme: 'dibao', month }).then((l) => l.rows.find((r) => r.enrolmentId === u.e.id)?.amountFen);
    expect(await paid('2026-09')).toBe(179000);
    expect(await paid('2026-10')).toBe(159000);
    // The registry holds the new wage.
    const reg = await call('registry.getHousehold', { id: u.hh.id });
    expect(reg.members.find((m) => m.id === head.id)!.incomes).toEqual([{ kind: 'wage', monthlyFen: 80000, note: null }]);
  });

  test('income above the line from a job, reported: gradual exit; not reported: exit next month', async () => {
    const a = await unsteadyDibao();
    const b = await unsteadyDibao();
    await on('2026-09-01');
    const wage = (x: typeof a) => [{ personId: x.hh.members.find((m) => m.relation === '02')!.id, wageFen: 300000 }];
    const g = await call('assistance.recordReview', { id: a.e.id, members: wage(a), riseFromEmployment: true, selfReported: true });
    expect(g).toMatchObject({ outcome: 'gradual-exit', decision: { kind: 'gradual-exit', exitMonth: '2027-04' }, nextDueOn: null });
    const x = await call('assistance.recordReview', { id: b.e.id, members: wage(b) });
    expect(x).toMatchObject({ outcome: 'exit', decision: { kind: 'exit', exitMonth: '2026-10' }, nextDueOn: null });
    expect((await call('assistance.getEnrolment', { id: b.e.id })).status).toBe('exited');
    // Neither is on the 复审 list any more.
    expect(await row(a.e.id)).toBeUndefined();
    expect(await row(b.e.id)).toBeUndefined();
  });

  test('低保边缘 against its line; 特困 records the conclusion (an exit through the exit step)', async () => {
    // Per capita 120000: between 104500 and 156750 (150%).
    const eh = await household([{ name: '柴明', relation: '02', labourCapacity: 'full', employment: 'retired' }]);
    const head = eh.members[0]!;
    await call('registry.updatePerson', { id: head.id, patch: { incomes: [{ kind: 'transfer', monthlyFen: 120000 }] } });
    const edge = await enrol({ programme: 'dibao-edge', householdId: eh.id });
    const th = await household([{ name: '牛德', relation: '02', birth: '19450101' }]);
    const t = await enrol({ programme: 'tekun-home', householdId: th.id, personId: th.members[0]!.id });
    await on('2027-03-01');
    expect(await call('assistance.previewReview', { id: edge.id, members: [] })).toMatchObject({ outcome: 'continue', assessment: { perCapitaFen: 120000 } });
    // A wage counted as is for a member not 在职 (no 就业奖励): 160000 per capita, above the line.
    const out = await call('assistance.recordReview', { id: edge.id, members: [{ personId: head.id, wageFen: 160000 }] });
    expect(out).toMatchObject({ outcome: 'exit', nextDueOn: null });
    expect((await call('assistance.getEnrolment', { id: edge.id })).status).toBe('exited');
    expect(await call('assistance.recordReview', { id: t.id, members: [], outcome: 'continue' })).toMatchObject({ outcome: 'continue', nextDueOn: '2028-03-01' });
  });
});

async function refused0(input: unknown) {
  const r = await raw('assistance.recordReview', input);
  expect(r).toMatchObject({ ok: false, error: { code: 'not-applicable', field: 'reviewedOn' } });
  expect(r.ok ? '' : r.error.message).toContain('2026-03 不在低保发放范围内');
}

describe('refusals write nothing', () => {
  test('a day in the future or before the approval, a stranger as member, 特困 without a conclusion, an exited enrolment', async () => {
    const u = await unsteadyDibao();
    const th = await household([{ name: '牛德', relation: '02', birth: '19450101' }]);
    const t = await enrol({ programme: 'tekun-home', householdId: th.id, personId: th.members[0]!.id });
    const other = await household([{ name: '外人', relation: '02' }]);
    const before0 = changeCount();
    // Approved in March, paid from April: a March review has no payment to re-decide.
    await refused0({ id: u.e.id, members: [] });
    expect(changeCount()).toBe(before0);
    await on('2026-04-10');
    const before = changeCount();
    const refused = async (input: unknown, code: string, field: string, text: string) => {
      const r = await raw('assistance.recordReview', input);
      expect(r).toMatchObject({ ok: false, error: { code, field } });
      expect(r.ok ? '' : r.error.message).toContain(text);
    };
    await refused({ id: u.e.id, reviewedOn: '2026-04-11', members: [] }, 'invalid-input', 'reviewedOn', '复审日期不能晚于今天');
    await refused({ id: u.e.id, reviewedOn: '2026-03-12', members: [] }, 'invalid-input', 'reviewedOn', '不能早于审批日期（2026-03-13）');
    await refused({ id: u.e.id, members: [{ personId: other.members[0]!.id, wageFen: 1 }] }, 'invalid-input', 'members', '不是本家庭成员');
    await refused({ id: t.id, members: [] }, 'invalid-input', 'outcome', '复审结论');
    await refused({ id: u.e.id, members: [{ personId: u.hh.members[0]!.id, wageFen: -1 }] }, 'invalid-input', 'members.0.wageFen', '月工资');
    expect(changeCount()).toBe(before);
    await call('assistance.advance', { id: t.id, step: 'exit', note: '迁出' });
    const after = changeCount();
    await refused({ id: t.id, members: [], outcome: 'continue' }, 'invalid-transition', 'id', '只有在保的保障记录可以复审');
    expect(changeCount()).toBe(after);
  });
});

test('the 工作台 figures count the 复审 list', async () => {
  const u = await unsteadyDibao();
  await stableDibao();
  await unsteadyDibao();
  await on('2026-09-20');
  await call('assistance.recordReview', { id: u.e.id, members: [] });
  const w = await call('home.workbench', {});
  const figures = w.sections.find((s) => s.key === 'reviews')!.figures;
  for (const f of figures) {
    const list = await call('assistance.reviewsDue', f.list.input as never);
    expect({ key: f.key, count: f.count }).toEqual({ key: f.key, count: list.rows.length });
  }
  expect(figures.map((f) => [f.key, f.count])).toEqual([
    ['reviews-overdue', 1],
    ['reviews-due', 0],
  ]);
});
