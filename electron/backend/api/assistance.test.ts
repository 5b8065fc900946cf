import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeIdNumber } from '../../../shared/id-number';
import { ADMIN, makeHarness, type Harness } from '../testing/harness';
import { DISTRICT_APPROVAL, enrolThroughSteps, investigatorToken, PAST_PUBLICATION } from '../testing/enrolment';
import { readWorkbook } from '../testing/read-workbook';

let h: Harness;
let now: Date;
let communityId: string;

let token: string | null = null;

/** Moves the clock; the session would expire, so sign in again. */
async function at(iso: string) {
  now = new Date(iso);
  if (h) token = (await h.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, null)).token;
}
const call: Harness['call'] = (p, input) => h.call(p, input, token ?? undefined);
const raw = (p: string, input: unknown) => h.raw(p, input, token ?? undefined);
function changeCount() {
  return (h.backend.store.sqlite.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
}

beforeEach(async () => {
  token = null;
  now = new Date('2026-03-15T02:00:00Z');
  h = await makeHarness({ now: () => now });
  communityId = (await call('org.listCommunities', {}))[0]!.id;
  await call('policy.setParam', { key: 'dibao.employmentReward', value: 30000, effectiveFrom: '2020-06-12', retroactiveReason: '测试：补录就业奖励' });
});
afterEach(() => h.close());

let seq = 100;
async function household(members: { name: string; relation: string; birth?: string; incomes?: { kind: 'wage' | 'transfer'; monthlyFen: number }[]; disabilityCategory?: '4'; disabilityGrade?: '1' }[], categories: ('dibao' | 'orphan')[] = []) {
  return call('registry.createHousehold', {
    household: { communityId, address: `詹滨西里${seq}号`, hukouType: 'urban', categories },
    members: members.map((m) => ({
      name: m.name,
      relation: m.relation as '02',
      idNumber: makeIdNumber('120110', m.birth ?? '19800101', seq++ * 2 + 1),
      incomes: m.incomes ?? [],
      disabilityCategory: m.disabilityCategory,
      disabilityGrade: m.disabilityGrade,
    })),
  });
}

/** Enrols a household into 低保 through every step; payment starts in `startMonth`. */
async function enrolDibao(householdId: string, startMonth: string) {
  return enrolThroughSteps(h, { programme: 'dibao', householdId, note: '本人申请' }, startMonth, token ?? undefined);
}

async function amountIn(month: string, householdId: string) {
  const list = await call('assistance.paymentList', { programme: 'dibao', month });
  return list.rows.find((r) => r.householdId === householdId) ?? null;
}

describe('enrolment', () => {
  test('each step is recorded with who and when; amount = (standard − per-capita income) × covered persons', async () => {
    const hh = await household([
      { name: '赵大', relation: '02' },
      { name: '钱二', relation: '12', incomes: [{ kind: 'transfer', monthlyFen: 3 }] },
      { name: '赵小', relation: '20', birth: '20150101' },
    ]);
    const e = await enrolDibao(hh.id, '2026-04');
    expect(e).toMatchObject({ status: 'active', startMonth: '2026-04', coveredPersons: 3, perCapitaIncomeFen: 1 });
    expect(e.steps.map((s) => s.step)).toEqual(['apply', 'investigate', 'street-review', 'publish', 'approve']);
    expect(e.steps.map((s) => s.username)).toEqual(['admin', 'dcy', 'admin', 'admin', 'admin']);
    expect(e.steps.every((s) => s.at)).toBe(true);
    expect(e.steps.at(-1)!.detail).toMatchObject({ onBehalfOfDistrict: true, districtDocNo: '东民救批〔2026〕12号' });
    expect(await amountIn('2026-03', hh.id)).toBeNull();
    expect((await amountIn('2026-04', hh.id))!.amountFen).toBe((104500 - 1) * 3);
  });

  test('a caseworker cannot approve or reject; a 街道负责人 can (refusal writes nothing)', async () => {
    const hh = await household([{ name: '李一', relation: '02' }]);
    const e = await call('assistance.apply', { programme: 'dibao', householdId: hh.id });
    await h.call('assistance.investigate', { id: e.id }, await investigatorToken(h));
    await call('assistance.advance', { id: e.id, step: 'street-review' });
    await call('assistance.advance', { id: e.id, step: 'publish', ...PAST_PUBLICATION });
    await call('users.create', { username: 'jbr', displayName: '经办员', role: 'caseworker', password: 'case-pass-1' });
    await call('users.create', { username: 'fzr', displayName: '负责人', role: 'supervisor', password: 'sup-pass-1' });
    const caseworker = (await h.call('auth.login', { username: 'jbr', password: 'case-pass-1' }, null)).token;
    const supervisor = (await h.call('auth.login', { username: 'fzr', password: 'sup-pass-1' }, null)).token;
    const before = changeCount();
    for (const step of ['approve', 'reject'] as const) {
      expect(await h.raw('assistance.advance', { id: e.id, step, note: 'x' }, caseworker)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(changeCount()).toBe(before);
    const ok = await h.call('assistance.advance', { id: e.id, step: 'approve', month: '2026-04', ...DISTRICT_APPROVAL }, supervisor);
    expect(ok.steps.at(-1)).toMatchObject({ step: 'approve', username: 'fzr' });
  });

  test('a step out of order is refused and writes nothing', async () => {
    const hh = await household([{ name: '孙一', relation: '02' }]);
    const e = await call('assistance.apply', { programme: 'dibao', householdId: hh.id });
    const before = changeCount();
    const r = await raw('assistance.advance', { id: e.id, step: 'approve' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-transition' } });
    expect(changeCount()).toBe(before);
  });
});

describe('the enrolment workflow as the rules order it', () => {
  async function published(name: string, incomeFen = 0, publicFrom = '2026-03-16', publicTo = '2026-03-22') {
    const hh = await household([{ name, relation: '02', incomes: incomeFen ? [{ kind: 'transfer', monthlyFen: incomeFen }] : [] }]);
    const e = await call('assistance.apply', { programme: 'dibao', householdId: hh.id });
    await h.call('assistance.investigate', { id: e.id }, await investigatorToken(h));
    await call('assistance.advance', { id: e.id, step: 'street-review' });
    await call('assistance.advance', { id: e.id, step: 'publish', publicFrom, publicTo });
    return e.id;
  }

  test('入户调查 and 街道审核 by different people', async () => {
    const hh = await household([{ name: '冯二', relation: '02' }]);
    const e = await call('assistance.apply', { programme: 'dibao', householdId: hh.id });
    await call('assistance.investigate', { id: e.id });
    const before = changeCount();
    const r = await raw('assistance.advance', { id: e.id, step: 'street-review' });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'step' } });
    expect(r.ok ? '' : r.error.message).toContain('入户调查由 admin 登记');
    expect(changeCount()).toBe(before);
  });

  test('区级审批 during the 公示 is refused with the day it may be done; after it, at the street only with the district’s document', async () => {
    const id = await published('冯三');
    const before = changeCount();
    const during = await raw('assistance.advance', { id, step: 'approve', month: '2026-04', ...DISTRICT_APPROVAL });
    expect(during).toMatchObject({ ok: false, error: { code: 'invalid-transition' } });
    expect(during.ok ? '' : during.error.message).toBe('公示期至 2026-03-22 结束，2026-03-23 起方可办理区级审批');
    expect(changeCount()).toBe(before);
    await at('2026-03-23T02:00:00Z');
    const signedIn = changeCount(); // signing in again records the sign-in
    const noDoc = await raw('assistance.advance', { id, step: 'approve', month: '2026-04' });
    expect(noDoc).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'districtDocNo' } });
    const early = await raw('assistance.advance', { id, step: 'approve', month: '2026-04', districtDocNo: '东民救批〔2026〕13号', districtApprovedOn: '2026-03-20' });
    expect(early).toMatchObject({ ok: false, error: { field: 'districtApprovedOn' } });
    expect(changeCount()).toBe(signedIn);
    const ok = await call('assistance.advance', { id, step: 'approve', month: '2026-04', districtDocNo: '东民救批〔2026〕13号', districtApprovedOn: '2026-03-23' });
    expect(ok).toMatchObject({ status: 'active' });
  });

  test('an income above the 低保 standard is approved only with a stated reason, kept on the step and in the audit', async () => {
    const id = await published('冯四', 200000, '2026-03-05', '2026-03-11');
    const before = changeCount();
    const r = await raw('assistance.advance', { id, step: 'approve', month: '2026-04', ...DISTRICT_APPROVAL });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'overrideReason' } });
    expect(r.ok ? '' : r.error.message).toContain('核定家庭月人均收入 2,000.00 元，不低于低保标准 1,045.00 元');
    expect(changeCount()).toBe(before);
    const ok = await call('assistance.advance', { id, step: 'approve', month: '2026-04', ...DISTRICT_APPROVAL, overrideReason: '大病支出，区民政局专题会议研究同意' });
    expect(ok.steps.at(-1)!.detail).toMatchObject({ overrideReason: '大病支出，区民政局专题会议研究同意' });
    // The approval's own audit event (all events of a test share one instant: ask for it, not for a page).
    expect(JSON.stringify(await call('audit.list', { entityId: id, action: 'assistance.approve' }))).toContain('大病支出，区民政局专题会议研究同意');
  });
});

describe('the one exit rule', () => {
  test('while exits are suspended a manual exit is refused, quoting the rule, unless both conditions are recorded', async () => {
    await call('policy.setParam', { key: 'epidemic.exitsSuspended', value: true, effectiveFrom: '2026-05-01' });
    const hh = await household([{ name: '褚二', relation: '02' }]);
    const e = await enrolDibao(hh.id, '2026-04');
    await at('2026-05-10T02:00:00Z');
    const before = changeCount();
    const refused = await raw('assistance.advance', { id: e.id, step: 'exit', month: '2026-06', note: '外出务工', incomeClearlyRisen: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-transition', field: 'basicLivingSecure' } });
    expect(refused.ok ? '' : refused.error.message).toContain('除家庭收入明显提高，基本生活确能保障外，暂停开展低保对象退出工作');
    expect(changeCount()).toBe(before);
    const left = await call('assistance.advance', { id: e.id, step: 'exit', month: '2026-06', note: '外出务工', incomeClearlyRisen: true, basicLivingSecure: true });
    expect(left).toMatchObject({ status: 'exited', endMonth: '2026-06' });
    expect(left.steps.at(-1)!.detail).toMatchObject({ incomeClearlyRisen: true, basicLivingSecure: true });
  });

  test('the suspension is read on the day of the decision: one from 2026-03-20 does not stop an exit decided on 03-15', async () => {
    await call('policy.setParam', { key: 'epidemic.exitsSuspended', value: true, effectiveFrom: '2026-03-20' });
    const hh = await household([{ name: '褚三', relation: '02' }]);
    const e = await enrolDibao(hh.id, '2026-04');
    // 2026-03-15: not yet suspended, the exit goes through without the answers.
    expect(await call('assistance.advance', { id: e.id, step: 'exit', month: '2026-05', note: '迁出' })).toMatchObject({ status: 'exited' });
  });
});

describe('income rise and gradual exit', () => {
  test('a reported job: decision and schedule stored; six payment lists at 100/100/100/50/50/50 then the household leaves, even when the standard changes mid-schedule', async () => {
    const hh = await household([
      { name: '周强', relation: '02' },
      { name: '吴芳', relation: '12', incomes: [{ kind: 'transfer', monthlyFen: 3 }] },
      { name: '周小', relation: '20', birth: '20150101' },
    ]);
    const e = await enrolDibao(hh.id, '2026-04');
    const head = hh.members.find((m) => m.relation === '02')!;
    await at('2026-05-10T02:00:00Z');
    const input = {
      id: e.id,
      reportMonth: '2026-05',
      riseFromEmployment: true,
      selfReported: true,
      members: [{ personId: head.id, wageFen: 400000 }],
    };
    const preview = await call('assistance.previewIncomeRise', input);
    // (400000 − 30000 reward + 3) / 3 = 123334, above the 104500 standard (津民规〔2025〕6号, from 2025-09-01)
    expect(preview.assessment.perCapitaFen).toBe(123334);
    expect(preview.previousMonthlyAmountFen).toBe(313497);
    expect(preview.decision.kind).toBe('gradual-exit');
    expect(changeCount()).toBeGreaterThan(0);

    // the district raises the standard from September, in the middle of the schedule
    await call('policy.setParam', { key: 'dibao.standard', value: 107000, effectiveFrom: '2026-09-01', note: '调标' });
    const d = await call('assistance.recordIncomeRise', input);
    expect(d).toMatchObject({ status: 'gradual-exit', endMonth: '2026-12' });
    expect(d.incomeRises[0]).toMatchObject({ kind: 'gradual-exit', exitMonth: '2026-12' });
    expect(d.steps.at(-1)).toMatchObject({ step: 'income-rise', username: 'admin' });
    // the wage is now in the registry
    const reg = await call('registry.getHousehold', { id: hh.id });
    expect(reg.members.find((m) => m.id === head.id)!.incomes).toEqual([{ kind: 'wage', monthlyFen: 400000, note: null }]);

    const months = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01'];
    const got = [];
    for (const m of months) got.push((await amountIn(m, hh.id))?.amountFen ?? null);
    expect(got).toEqual([313497, 313497, 313497, 313497, 156749, 156749, 156749, null, null]);
    expect((await amountIn('2026-09', hh.id))!.basis).toBe('schedule-50');
  });

  test('a new wage for one member changes only that member: the others keep their 从业状况 and income notes', async () => {
    const hh = await call('registry.createHousehold', {
      household: { communityId, address: `詹滨西里${seq}号`, hukouType: 'urban' },
      members: [
        { name: '吴建国', relation: '02', idNumber: makeIdNumber('120110', '19780101', seq++ * 2 + 1), employment: 'unemployed', incomes: [] },
        {
          name: '郑桂芳',
          relation: '10',
          idNumber: makeIdNumber('120110', '19800202', seq++ * 2 + 1),
          employment: 'flexible',
          incomes: [{ kind: 'wage', monthlyFen: 80000, note: '家政零工' }],
        },
      ],
    });
    const e = await enrolDibao(hh.id, '2026-04');
    const [husband, wife] = [hh.members.find((m) => m.name === '吴建国')!, hh.members.find((m) => m.name === '郑桂芳')!];
    await at('2026-05-10T02:00:00Z');
    // The form sends every wage it shows: the wife's is her current one, unchanged.
    await call('assistance.recordIncomeRise', {
      id: e.id,
      reportMonth: '2026-05',
      riseFromEmployment: true,
      selfReported: true,
      members: [
        { personId: husband.id, wageFen: 150000 },
        { personId: wife.id, wageFen: 80000 },
      ],
    });
    const after = await call('registry.getHousehold', { id: hh.id });
    const byName = (n: string) => after.members.find((m) => m.name === n)!;
    expect(byName('郑桂芳')).toMatchObject({ employment: 'flexible', incomes: [{ kind: 'wage', monthlyFen: 80000, note: '家政零工' }] });
    expect(byName('吴建国')).toMatchObject({ employment: 'employed', incomes: [{ kind: 'wage', monthlyFen: 150000, note: null }] });
  });

  test('the rules of the day of the report apply: a suspension from the 12th covers a report of the 20th, not one of the 5th', async () => {
    await call('policy.setParam', { key: 'epidemic.exitsSuspended', value: true, effectiveFrom: '2026-05-12', note: '暂停退出' });
    const hh = await household([{ name: '秦一', relation: '02' }]);
    const e = await enrolDibao(hh.id, '2026-04');
    await at('2026-05-20T02:00:00Z');
    const input = { id: e.id, reportMonth: '2026-05', riseFromEmployment: true, selfReported: true, members: [{ personId: hh.members[0]!.id, wageFen: 400000 }] };
    expect((await call('assistance.previewIncomeRise', { ...input, reportedOn: '2026-05-05' })).decision.kind).toBe('gradual-exit');
    expect((await call('assistance.previewIncomeRise', { ...input, reportedOn: '2026-05-20' })).decision.kind).toBe('suspended');
    // Without a date, a report of this month is read on today (2026-05-20), not on the 1st.
    expect((await call('assistance.previewIncomeRise', input)).decision.kind).toBe('suspended');
    expect(await raw('assistance.previewIncomeRise', { ...input, reportedOn: '2026-06-01' })).toMatchObject({ ok: false, error: { field: 'reportedOn' } });
  });

  test('a rise found by the caseworker (not self-reported): exit from the next month', async () => {
    const hh = await household([{ name: '郑一', relation: '02' }]);
    const e = await enrolDibao(hh.id, '2026-04');
    const head = hh.members[0]!;
    await at('2026-06-03T02:00:00Z');
    const d = await call('assistance.recordIncomeRise', {
      id: e.id,
      reportMonth: '2026-06',
      riseFromEmployment: true,
      selfReported: false,
      members: [{ personId: head.id, wageFen: 500000 }],
    });
    expect(d).toMatchObject({ status: 'exited', endMonth: '2026-07' });
    expect(await amountIn('2026-06', hh.id)).not.toBeNull();
    expect(await amountIn('2026-07', hh.id)).toBeNull();
  });

  test('while exits are suspended (epidemic period) a rise without a clear improvement keeps the previous amount', async () => {
    await call('policy.setParam', { key: 'epidemic.exitsSuspended', value: true, effectiveFrom: '2026-05-01' });
    const hh = await household([{ name: '冯一', relation: '02' }]);
    const e = await enrolDibao(hh.id, '2026-04');
    await at('2026-05-20T02:00:00Z');
    const d = await call('assistance.recordIncomeRise', {
      id: e.id,
      reportMonth: '2026-05',
      riseFromEmployment: true,
      selfReported: true,
      members: [{ personId: hh.members[0]!.id, wageFen: 300000 }],
    });
    expect(d).toMatchObject({ status: 'active', fixedAmountFen: null });
    expect(d.incomeRises[0]).toMatchObject({ kind: 'suspended', monthlyAmountFen: 104500 });
    expect((await amountIn('2026-08', hh.id))!.amountFen).toBe(104500);
  });
});

describe('policy parameters', () => {
  test('a standard set with a future date changes nothing before it; the payment list of that month uses it', async () => {
    const hh = await household([{ name: '陈一', relation: '02' }, { name: '陈二', relation: '20', birth: '20100101' }]);
    await enrolDibao(hh.id, '2026-04');
    await call('policy.setParam', { key: 'dibao.standard', value: 110000, effectiveFrom: '2026-07-01', note: '2026年调标' });
    const params = await call('policy.listParams', {});
    const std = params.find((p) => p.key === 'dibao.standard')!;
    expect(std.current!.value).toBe(104500);
    expect(std.history[0]).toMatchObject({ value: 110000, effectiveFrom: '2026-07-01', note: '2026年调标' });
    expect((await amountIn('2026-06', hh.id))!.amountFen).toBe(209000);
    expect((await amountIn('2026-07', hh.id))!.amountFen).toBe(220000);
  });

  test('a past date without a reason is refused and writes nothing; with a reason it is audited', async () => {
    const before = changeCount();
    const r = await raw('policy.setParam', { key: 'dibao.standard', value: 99999, effectiveFrom: '2026-01-01' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'effectiveFrom' } });
    expect(changeCount()).toBe(before);
    await call('policy.setParam', { key: 'temporary.urgentHours', value: 12, effectiveFrom: '2026-01-01', retroactiveReason: '补录' });
    // The admin's own event (not a seeded one; events of a test share one instant, so no paging by time).
    const audit = await call('audit.list', { action: 'policy.setParam', pageSize: 500 });
    const mine = audit.rows.filter((e) => e.username === 'admin');
    expect(mine).toHaveLength(2); // the 就业奖励 of beforeEach and this one
    expect(JSON.stringify(mine)).toContain('急难型临时救助审核审批时限');
    expect(JSON.stringify(mine)).toContain('补录');
  });

  test('defaults are seeded at set-up with their source notes', async () => {
    const params = await call('policy.listParams', {});
    const hours = params.find((p) => p.key === 'temporary.urgentHours')!;
    expect(hours.current).toMatchObject({ value: 24 });
    expect(hours.current!.note).toContain('津丽民发〔2020〕13号');
    expect(params.find((p) => p.key === 'dibao.standard')!.current!.note).toContain('津民规〔2025〕6号');
  });
});

describe('payment list export', () => {
  test('Excel with rows, totals per community, audited', async () => {
    const hh = await household([{ name: '褚一', relation: '02' }]);
    await enrolDibao(hh.id, '2026-04');
    const f = await call('assistance.exportPaymentList', { programme: 'dibao', month: '2026-04' });
    expect(f.fileName).toMatch(/低保发放花名册（2026-04）\.xlsx$/);
    const wb = await readWorkbook(f.base64);
    const ws = wb.getWorksheet('发放花名册')!;
    expect(ws.getRow(2).getCell(3).value).toBe('褚一');
    expect(ws.getRow(2).getCell(7).value).toBe(1045);
    expect(wb.getWorksheet('社区汇总')!.getRow(2).getCell(3).value).toBe(1045);
  });

  test('a name or address a spreadsheet could take for a formula is written with a leading apostrophe', async () => {
    const hh = await household([{ name: '褚一', relation: '02' }]);
    await call('registry.updateHousehold', { id: hh.id, patch: { address: '@SUM(1+1)*cmd|/C calc' } });
    await enrolDibao(hh.id, '2026-04');
    const f = await call('assistance.exportPaymentList', { programme: 'dibao', month: '2026-04' });
    const wb = await readWorkbook(f.base64);
    expect(wb.getWorksheet('发放花名册')!.getRow(2).getCell(5).value).toBe("'@SUM(1+1)*cmd|/C calc");
    expect(wb.getWorksheet('发放花名册')!.getRow(2).getCell(7).value).toBe(1045);
  });
});

describe('temporary assistance', () => {
  test('an urgent application received at 23:30 is approved first within its 24 hours', async () => {
    const hh = await household([{ name: '卫一', relation: '02' }], []);
    await at('2026-05-10T15:30:00Z'); // 23:30 in Shanghai
    const t = await call('assistance.receiveTemporary', { householdId: hh.id, type: 'urgent', reason: '火灾', amountFen: 300000 });
    expect(t).toMatchObject({ approver: 'street', approveFirst: true, deadline: '2026-05-11T15:30:00.000Z', status: 'received', withinDeadline: true });
    await at('2026-05-11T01:00:00Z');
    const a = await call('assistance.decideTemporary', { id: t.id, action: 'approve', note: '先行审批' });
    expect(a).toMatchObject({ status: 'approved', withinDeadline: true, approvedBy: 'admin' });
    const p = await call('assistance.decideTemporary', { id: t.id, action: 'pay' });
    expect(p.status).toBe('paid');
  });

  test('an urgent application also enters the issue ledger as a 一级 item due with it; an expenditure one does not', async () => {
    const hh = await household([{ name: '卫二', relation: '02' }], []);
    const t = await call('assistance.receiveTemporary', { householdId: hh.id, type: 'urgent', reason: '突发重病', amountFen: 200000 });
    await call('assistance.receiveTemporary', { householdId: hh.id, type: 'expenditure', reason: '医疗支出', amountFen: 100000 });
    const items = h.backend.store.sqlite
      .prepare('SELECT source, urgency, category, due_at, description FROM ledger_items WHERE household_id = ?')
      .all(hh.id) as { source: string; urgency: string; category: string; due_at: string; description: string }[];
    expect(items).toEqual([
      { source: 'application', urgency: '1', category: 'living', due_at: t.deadline, description: '急难型临时救助申请：突发重病' },
    ]);
  });

  test('the urgent case and its ledger item are one case: approved → 处置中, paid → 办结, never a false overdue', async () => {
    const hh = await household([{ name: '卫三', relation: '02' }], []);
    await at('2026-05-10T15:30:00Z');
    const t = await call('assistance.receiveTemporary', { householdId: hh.id, type: 'urgent', reason: '火灾', amountFen: 300000 });
    const { id: itemId } = h.backend.store.sqlite.prepare("SELECT id FROM ledger_items WHERE household_id = ? AND source = 'application'").get(hh.id) as { id: string };
    const item = () => call('ledger.get', { id: itemId });
    expect(await item()).toMatchObject({ status: 'pending' });
    await at('2026-05-11T01:00:00Z');
    await call('assistance.decideTemporary', { id: t.id, action: 'approve', note: '先行审批' });
    expect(await item()).toMatchObject({ status: 'handling', verification: '临时救助申请已审批' });
    await call('assistance.decideTemporary', { id: t.id, action: 'pay' });
    const closed = await item();
    expect(closed).toMatchObject({ status: 'closed', measures: '发放临时救助金 3,000.00 元', result: '已发放' });
    expect(closed.events.map((e) => e.kind)).toEqual(['created', 'application:approved', 'application:paid']);
    // Days later the supervision lists do not show it as overdue.
    await at('2026-05-20T01:00:00Z');
    expect((await call('ledger.list', { overdueOnly: true })).rows.map((r) => r.id)).not.toContain(itemId);
  });

  test('a refused urgent application closes its ledger item with the reason', async () => {
    const hh = await household([{ name: '卫四', relation: '02' }], []);
    const t = await call('assistance.receiveTemporary', { householdId: hh.id, type: 'urgent', reason: '突发重病', amountFen: 100000 });
    await call('assistance.decideTemporary', { id: t.id, action: 'reject', note: '已由医疗救助解决' });
    const { status, result } = h.backend.store.sqlite.prepare("SELECT status, result FROM ledger_items WHERE household_id = ? AND source = 'application'").get(hh.id) as { status: string; result: string };
    expect({ status, result }).toEqual({ status: 'closed', result: '不予救助：已由医疗救助解决' });
  });

  test('exactly at the street limit the street approves; above it the district, whose approval must be noted', async () => {
    const hh = await household([{ name: '蒋一', relation: '02' }], []);
    const atLimit = await call('assistance.receiveTemporary', { householdId: hh.id, type: 'expenditure', reason: '医疗支出', amountFen: 627000 });
    expect(atLimit).toMatchObject({ approver: 'street', approveFirst: false, deadline: null, withinDeadline: null });
    const above = await call('assistance.receiveTemporary', { householdId: hh.id, type: 'expenditure', reason: '医疗支出', amountFen: 627001 });
    expect(above.approver).toBe('district');
    const before = changeCount();
    expect(await raw('assistance.decideTemporary', { id: above.id, action: 'approve' })).toMatchObject({ ok: false, error: { field: 'note' } });
    expect(changeCount()).toBe(before);
    const refer = await call('assistance.decideTemporary', { id: atLimit.id, action: 'refer', referral: '医疗救助' });
    expect(refer).toMatchObject({ status: 'referred', referral: '医疗救助' });
  });
});

describe('应补尽补', () => {
  test('a grade-1 disabled person in a 低保 household without the care subsidy is listed until enrolled', async () => {
    await call('policy.setParam', { key: 'disability.careSubsidy', value: 10000, effectiveFrom: '2016-01-01', retroactiveReason: '测试' });
    const hh = await household([{ name: '沈一', relation: '02', disabilityCategory: '4', disabilityGrade: '1' }], ['dibao']);
    const gaps = await call('assistance.entitlementGaps', {});
    expect(gaps.filter((g) => g.name === '沈一').map((g) => [g.subsidy, g.problem])).toEqual([
      ['disability-living-subsidy', 'missing'],
      ['severe-disability-care-subsidy', 'missing'],
    ]);
    const personId = hh.members[0]!.id;
    await enrolThroughSteps(h, { programme: 'severe-disability-care-subsidy', householdId: hh.id, personId }, '2026-03');
    const after = await call('assistance.entitlementGaps', {});
    expect(after.filter((g) => g.name === '沈一').map((g) => g.subsidy)).toEqual(['disability-living-subsidy']);
  });

  test('an orphan allowance is paid through the month of the 18th birthday, then stops and the child is listed 应退尽退', async () => {
    const hh = await household([{ name: '韩二', relation: '02', birth: '20080410' }], ['orphan']);
    await enrolThroughSteps(h, { programme: 'orphan-allowance', householdId: hh.id, personId: hh.members[0]!.id }, '2026-03');
    const paidTo = async (month: string) =>
      (await call('assistance.paymentList', { programme: 'orphan-allowance', month })).rows.some((r) => r.personId === hh.members[0]!.id);
    expect(await paidTo('2026-04')).toBe(true); // the birthday month
    expect(await paidTo('2026-05')).toBe(false);
    expect((await call('assistance.entitlementGaps', { onDate: '2026-04-30' })).filter((g) => g.name === '韩二')).toEqual([]);
    expect((await call('assistance.entitlementGaps', { onDate: '2026-05-02' })).filter((g) => g.name === '韩二')).toMatchObject([
      { subsidy: 'orphan-allowance', problem: 'should-exit', stopMonth: '2026-05' },
    ]);
  });

  test('an orphan under 18 (household category 孤儿) without the allowance is listed', async () => {
    await household([{ name: '韩一', relation: '02', birth: '20120101' }], ['orphan']);
    const gaps = await call('assistance.entitlementGaps', {});
    expect(gaps.find((g) => g.name === '韩一')).toMatchObject({ subsidy: 'orphan-allowance', problem: 'missing', standardFen: 60000 });
  });
});
