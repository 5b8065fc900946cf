/**
 * Issue 12: one exit rule on every path a 低保 household can leave by, death as the end of an
 * entitlement, 应退尽退 on leaving a category, and the 复核 list once the suspension of exits ends.
 * The suspension is the seeded one (epidemic.exitsSuspended from 2020-06-12 to 2023-01-08).
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeIdNumber } from '../../../shared/id-number';
import { ADMIN, makeHarness, type Harness } from '../testing/harness';
import { enrolThroughSteps, type EnrolmentDates } from '../testing/enrolment';
import { importWorkbook } from '../testing/import-file';

let h: Harness;
let now: Date;
let communityId: string;
let token: string | null = null;

/** Moves the clock; the session would expire, so sign in again. */
async function at(iso: string) {
  now = new Date(iso);
  token = (await h.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, null)).token;
}
const call: Harness['call'] = (p, input) => h.call(p, input, token ?? undefined);
const raw = (p: string, input: unknown) => h.raw(p, input, token ?? undefined);
const changeCount = () => (h.backend.store.sqlite.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
const RULE = '除家庭收入明显提高，基本生活确能保障外，暂停开展低保对象退出工作';

/** Enrolments in 2020 start from a clock of 2020-06-01: the 公示 and the district's approval before it. */
const DATES_2020: EnrolmentDates = { publicFrom: '2020-05-20', publicTo: '2020-05-26', districtApprovedOn: '2020-05-28' };
const DATES_2026: EnrolmentDates = { publicFrom: '2026-03-05', publicTo: '2026-03-11', districtApprovedOn: '2026-03-13' };

beforeEach(async () => {
  token = null;
  now = new Date('2020-06-01T02:00:00Z');
  h = await makeHarness({ now: () => now });
  communityId = (await call('org.listCommunities', {}))[0]!.id;
});
afterEach(() => h.close());

let seq = 300;
type Member = { name: string; relation: string; birth?: string; disabilityCategory?: '6'; disabilityGrade?: '3' };
async function household(members: Member[], categories: ('dibao' | 'orphan')[] = []) {
  return call('registry.createHousehold', {
    household: { communityId, address: `华明里${seq}号`, hukouType: 'urban', categories },
    members: members.map((m) => ({
      name: m.name,
      relation: m.relation as '02',
      idNumber: makeIdNumber('120110', m.birth ?? '19800101', seq++ * 2 + 1),
      disabilityCategory: m.disabilityCategory,
      disabilityGrade: m.disabilityGrade,
    })),
  });
}
const enrol = (input: Parameters<typeof enrolThroughSteps>[1], month: string, dates = DATES_2020) =>
  enrolThroughSteps(h, input, month, token ?? undefined, dates);

async function paidIn(programme: 'dibao' | 'orphan-allowance', month: string, enrolmentId: string) {
  return (await call('assistance.paymentList', { programme, month })).rows.find((r) => r.enrolmentId === enrolmentId) ?? null;
}

/** A 低保 household of two paid from 2020-06, and the clock on 2020-07-10, inside the suspension. */
async function dibaoHouseholdInSuspension() {
  const hh = await household([
    { name: '孟大', relation: '02' },
    { name: '孟二', relation: '20', birth: '20050101' },
  ]);
  const e = await enrol({ programme: 'dibao', householdId: hh.id }, '2020-06');
  await at('2020-07-10T02:00:00Z');
  const child = hh.members.find((m) => m.relation === '20')!;
  return { hh, e, child };
}

async function expectRefusedByRule(p: string, input: unknown, enrolmentId: string) {
  const before = changeCount();
  const r = await raw(p, input);
  expect(r).toMatchObject({ ok: false, error: { code: 'invalid-transition' } });
  expect(r.ok ? '' : r.error.message).toContain(RULE);
  expect(changeCount()).toBe(before);
  expect(await paidIn('dibao', '2020-08', enrolmentId)).not.toBeNull();
}

describe('one exit rule on every path while exits are suspended', () => {
  test('deleting the household (迁出) is refused with the rule; after the exit with both answers it goes through', async () => {
    const { hh, e } = await dibaoHouseholdInSuspension();
    await expectRefusedByRule('registry.deleteHousehold', { id: hh.id, reason: '迁出' }, e.id);
    await call('assistance.advance', { id: e.id, step: 'exit', month: '2020-08', incomeClearlyRisen: true, basicLivingSecure: true });
    expect(await call('registry.deleteHousehold', { id: hh.id, reason: '迁出' })).toEqual({ ok: true });
  });

  test('marking the household 已退出 in the registry is refused with the rule', async () => {
    const { hh, e } = await dibaoHouseholdInSuspension();
    await expectRefusedByRule('registry.updateHousehold', { id: hh.id, patch: { status: 'exited' } }, e.id);
    // Other edits of the household are not exits.
    expect(await call('registry.updateHousehold', { id: hh.id, patch: { phone: '13800001111' } })).toMatchObject({ status: 'active' });
  });

  test('a covered member moving out of the street (deleted, 迁出) is refused with the rule', async () => {
    const { e, child } = await dibaoHouseholdInSuspension();
    await expectRefusedByRule('registry.deletePerson', { id: child.id, reason: '迁出本街道' }, e.id);
    expect((await call('assistance.getEnrolment', { id: e.id })).coveredPersons).toBe(2);
  });

  test('a covered member moved to another household is refused with the rule', async () => {
    const { e, child } = await dibaoHouseholdInSuspension();
    const other = await household([{ name: '秦一', relation: '02' }], []);
    await expectRefusedByRule('registry.movePerson', { id: child.id, toHouseholdId: other.id, relation: '20' }, e.id);
  });

  test('the Excel import cannot take a member out of an enrolled household: refused, the 低保 still paid', async () => {
    const { e, child } = await dibaoHouseholdInSuspension();
    const community = (await call('org.listCommunities', {}))[0]!.name;
    const row: Record<string, string> = { 户编号: '1', 社区: community, 家庭住址: '华明里新1号', 户籍类型: '城镇', 姓名: child.name, 身份证号码: child.idNumber, 与户主关系: '户主' };
    const base64 = await importWorkbook([row]);
    const preview = await call('registry.importPreview', { fileName: '迁入.xlsx', base64 });
    expect(preview.validHouseholds).toBe(0);
    expect(JSON.stringify(preview)).toContain('身份证号码已登记在另一户');
    expect(await paidIn('dibao', '2020-08', e.id)).not.toBeNull();
  });

  test('death is not an exit by choice: the last member\'s death ends the 低保 after the death month, and the exit needs no answers', async () => {
    const hh = await household([{ name: '魏一', relation: '02', birth: '19400101' }]);
    const e = await enrol({ programme: 'dibao', householdId: hh.id }, '2020-06');
    await at('2020-07-10T02:00:00Z');
    const person = await call('registry.recordDeath', { personId: hh.members[0]!.id, diedOn: '2020-07-03', note: '病故' });
    expect(person.diedOn).toBe('2020-07-03');
    expect(await paidIn('dibao', '2020-07', e.id)).not.toBeNull();
    expect(await paidIn('dibao', '2020-08', e.id)).toBeNull();
    // The death itself exits it (应退尽退, issue 17), inside the suspension, without the rule's answers.
    const exited = await call('assistance.getEnrolment', { id: e.id });
    expect(exited).toMatchObject({ status: 'exited', endMonth: '2020-08' });
    expect(exited.steps.at(-1)).toMatchObject({ step: 'exit', detail: { path: 'death', month: '2020-08' } });
    expect((await call('assistance.entitlementGaps', {})).filter((g) => g.householdId === hh.id)).toEqual([]);
  });

  test('outside the suspension deleting the household ends its enrolment from the next month, recorded as an exit step', async () => {
    const hh = await household([{ name: '孔一', relation: '02' }]);
    const e = await enrol({ programme: 'dibao', householdId: hh.id }, '2020-06');
    await at('2023-02-10T02:00:00Z');
    await call('registry.deleteHousehold', { id: hh.id, reason: '迁出' });
    const after = await call('assistance.getEnrolment', { id: e.id });
    expect(after).toMatchObject({ status: 'exited', endMonth: '2023-03' });
    expect(after.steps.at(-1)).toMatchObject({ step: 'exit', detail: { path: 'household-deleted' } });
  });
});

describe('death ends entitlement', () => {
  beforeEach(async () => {
    await at('2026-03-15T02:00:00Z');
  });

  test('an orphan allowance stops the month after the death: off the next payment list, exited by the death', async () => {
    const hh = await household([{ name: '严小', relation: '02', birth: '20150101' }], ['orphan']);
    const child = hh.members[0]!;
    const e = await enrol({ programme: 'orphan-allowance', householdId: hh.id, personId: child.id }, '2026-04', DATES_2026);
    await at('2026-05-10T02:00:00Z');
    await call('registry.recordDeath', { personId: child.id, diedOn: '2026-05-08', note: '意外' });
    expect(await paidIn('orphan-allowance', '2026-05', e.id)).not.toBeNull();
    expect(await paidIn('orphan-allowance', '2026-06', e.id)).toBeNull();
    expect(await call('assistance.getEnrolment', { id: e.id })).toMatchObject({ status: 'exited', endMonth: '2026-06' });
    expect((await call('assistance.entitlementGaps', {})).filter((g) => g.personId === child.id)).toEqual([]);
    // The audit keeps the recorded death with its note.
    expect(JSON.stringify(await call('audit.list', { entityId: child.id, action: 'registry.recordDeath' }))).toContain('意外');
  });

  test('a death is refused in the future, before the birth, or twice; nothing written', async () => {
    const hh = await household([{ name: '华一', relation: '02', birth: '20100101' }], []);
    const id = hh.members[0]!.id;
    const before = changeCount();
    expect(await raw('registry.recordDeath', { personId: id, diedOn: '2026-03-16' })).toMatchObject({ ok: false, error: { field: 'diedOn' } });
    expect(await raw('registry.recordDeath', { personId: id, diedOn: '2009-12-31' })).toMatchObject({ ok: false, error: { field: 'diedOn' } });
    expect(changeCount()).toBe(before);
    await call('registry.recordDeath', { personId: id, diedOn: '2026-03-15' });
    expect(await raw('registry.recordDeath', { personId: id, diedOn: '2026-03-14' })).toMatchObject({ ok: false, error: { code: 'duplicate' } });
  });

  test('a member\'s death reduces the 低保 household\'s covered persons; the head\'s death puts it on the 复核 list', async () => {
    const hh = await household([
      { name: '金大', relation: '02' },
      { name: '金二', relation: '12' },
      { name: '金三', relation: '20', birth: '20100101' },
    ]);
    const e = await enrol({ programme: 'dibao', householdId: hh.id }, '2026-04', DATES_2026);
    await at('2026-05-10T02:00:00Z');
    await call('registry.recordDeath', { personId: hh.members.find((m) => m.relation === '12')!.id, diedOn: '2026-05-01' });
    const after = await call('assistance.getEnrolment', { id: e.id });
    expect(after.coveredPersons).toBe(2);
    expect(after.steps.at(-1)).toMatchObject({ step: 'member-change', detail: { from: 3, to: 2, path: 'death' } });
    expect((await paidIn('dibao', '2026-06', e.id))!.amountFen).toBe(104500 * 2);
    expect((await call('assistance.entitlementGaps', {})).filter((g) => g.householdId === hh.id)).toEqual([]);
    await call('registry.recordDeath', { personId: hh.members.find((m) => m.relation === '02')!.id, diedOn: '2026-05-09' });
    expect((await call('assistance.getEnrolment', { id: e.id })).coveredPersons).toBe(2);
    expect(await call('assistance.entitlementGaps', {})).toContainEqual(
      expect.objectContaining({ householdId: hh.id, subsidy: 'dibao', problem: 'review', reason: 'head-died' }),
    );
  });

  test('leaving the category: a child no longer an orphan, a disability certificate withdrawn, are listed under 应退尽退', async () => {
    const hh = await household([{ name: '陶小', relation: '02', birth: '20150101', disabilityCategory: '6', disabilityGrade: '3' }], ['orphan']);
    const child = hh.members[0]!;
    await enrol({ programme: 'orphan-allowance', householdId: hh.id, personId: child.id }, '2026-04', DATES_2026);
    await enrol({ programme: 'severe-disability-care-subsidy', householdId: hh.id, personId: child.id }, '2026-04', DATES_2026);
    expect((await call('assistance.entitlementGaps', {})).filter((g) => g.problem === 'should-exit')).toEqual([]);
    await call('registry.updateHousehold', { id: hh.id, patch: { categories: [] } });
    await call('registry.updatePerson', { id: child.id, patch: { disabilityCategory: null, disabilityGrade: null } });
    const rows = (await call('assistance.entitlementGaps', {})).filter((g) => g.personId === child.id);
    expect(rows).toEqual([
      expect.objectContaining({ subsidy: 'orphan-allowance', problem: 'should-exit', reason: 'category' }),
      expect.objectContaining({ subsidy: 'severe-disability-care-subsidy', problem: 'should-exit', reason: 'category' }),
    ]);
  });
});

describe('the 复核 list when the suspension of exits ends', () => {
  test('a household held at its amount appears once the suspension is no longer in force on the day, not before, and leaves the list once reviewed', async () => {
    await call('policy.setParam', { key: 'dibao.employmentReward', value: 30000, effectiveFrom: '2020-06-12', retroactiveReason: '测试：补录就业奖励' });
    const hh = await household([{ name: '戚大', relation: '02' }]);
    const e = await enrol({ programme: 'dibao', householdId: hh.id }, '2020-06');
    await at('2020-07-10T02:00:00Z');
    const head = hh.members[0]!;
    await call('assistance.recordIncomeRise', {
      id: e.id, reportMonth: '2020-07', riseFromEmployment: true, selfReported: true, members: [{ personId: head.id, wageFen: 400000 }],
    });
    const held = await call('assistance.suspensionReview', {});
    expect(held).toMatchObject({ exitsSuspended: true, rows: [] });
    await at('2023-01-07T15:00:00Z'); // 2023-01-07 23:00 in Shanghai: still suspended
    expect(await call('assistance.suspensionReview', {})).toMatchObject({ exitsSuspended: true, rows: [] });
    await at('2023-01-07T16:00:00Z'); // 2023-01-08 00:00 in Shanghai: the seeded end of the suspension
    const review = await call('assistance.suspensionReview', {});
    expect(review).toMatchObject({ exitsSuspended: false, endedOn: '2023-01-08' });
    expect(review.rows).toEqual([
      expect.objectContaining({ enrolmentId: e.id, householdId: hh.id, name: '戚大', heldSince: '2020-07', monthsHeld: 30, amountFen: 101000 }),
    ]);
    await call('assistance.advance', { id: e.id, step: 'periodic-review', note: '暂停退出结束后复核' });
    expect((await call('assistance.suspensionReview', {})).rows).toEqual([]);
  });
});

describe('the 复核 list also holds gradual exits paused by the suspension', () => {
  test('a gradual exit decided before the suspension and ending inside it is listed once the suspension has ended', async () => {
    await call('policy.setParam', { key: 'dibao.employmentReward', value: 30000, effectiveFrom: '2020-01-01', retroactiveReason: '测试：补录就业奖励' });
    now = new Date('2020-02-01T02:00:00Z');
    await at('2020-02-01T02:00:00Z');
    const hh = await household([{ name: '喻大', relation: '02' }]);
    const e = await enrol({ programme: 'dibao', householdId: hh.id }, '2020-02', { publicFrom: '2020-01-10', publicTo: '2020-01-16', districtApprovedOn: '2020-01-20' });
    await at('2020-03-10T02:00:00Z');
    await call('assistance.recordIncomeRise', {
      id: e.id, reportMonth: '2020-03', riseFromEmployment: true, selfReported: true, members: [{ personId: hh.members[0]!.id, wageFen: 400000 }],
    });
    const exit = await call('assistance.getEnrolment', { id: e.id });
    expect(exit.status).toBe('gradual-exit');
    await at('2023-01-09T02:00:00Z');
    const held = (await call('assistance.suspensionReview', {})).rows;
    const paid = await paidIn('dibao', '2023-01', e.id);
    expect(held).toEqual([expect.objectContaining({ enrolmentId: e.id, name: '喻大', heldSince: exit.endMonth, amountFen: paid!.amountFen })]);
  });
});

describe('the severe-disability definition is dated data', () => {
  test('a new version of disability.severeGrade3Categories changes who is severely disabled from its day', async () => {
    await at('2026-03-15T02:00:00Z');
    await household([{ name: '邹一', relation: '02', birth: '19700101', disabilityCategory: '6', disabilityGrade: '3' }], []);
    await call('policy.setParam', { key: 'disability.severeGrade3Categories', value: ['5'], effectiveFrom: '2026-04-01', note: '测试：精神三级不再计为重度' });
    const severe = (onDate: string) =>
      call('assistance.entitlementGaps', { onDate }).then((gs) => gs.filter((g) => g.name === '邹一' && g.subsidy === 'severe-disability-care-subsidy'));
    expect(await severe('2026-03-31')).toHaveLength(1);
    expect(await severe('2026-04-01')).toEqual([]);
  });

  test('a missing definition is an error naming the parameter, never a silent answer', async () => {
    await at('2026-03-15T02:00:00Z');
    // No procedure removes a parameter: the street's database is made to lack it, as an unseeded one would.
    h.backend.store.sqlite.prepare(`DELETE FROM policy_params WHERE key = 'disability.severeGrades'`).run();
    const r = await raw('assistance.entitlementGaps', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found', field: 'disability.severeGrades' } });
    expect(r.ok ? '' : r.error.message).toContain('重度残疾：不分类别的残疾等级');
  });
});

describe('a member moving within the street', () => {
  test('outside the suspension: the 低保 household covers one person fewer, and the member\'s own allowance goes with them', async () => {
    await at('2026-03-15T02:00:00Z');
    const hh = await household([
      { name: '章大', relation: '02' },
      { name: '章小', relation: '20', birth: '20150101' },
    ], ['orphan']);
    const child = hh.members.find((m) => m.relation === '20')!;
    const dibao = await enrol({ programme: 'dibao', householdId: hh.id }, '2026-04', DATES_2026);
    const allowance = await enrol({ programme: 'orphan-allowance', householdId: hh.id, personId: child.id }, '2026-04', DATES_2026);
    const other = await household([{ name: '云一', relation: '02' }], ['orphan']);
    await call('registry.movePerson', { id: child.id, toHouseholdId: other.id, relation: '40' });
    expect(await call('assistance.getEnrolment', { id: dibao.id })).toMatchObject({ status: 'active', coveredPersons: 1 });
    expect(await call('assistance.getEnrolment', { id: allowance.id })).toMatchObject({ status: 'active', householdId: other.id });
    expect((await paidIn('orphan-allowance', '2026-05', allowance.id))!.householdId).toBe(other.id);
  });
});
