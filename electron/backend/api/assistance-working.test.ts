/**
 * The 核算 step: the working is shown before anyone approves (preview, writing nothing), stored with
 * the 入户调查 as it was on that day, and printed from what was stored (the 核算单).
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeIdNumber } from '../../../shared/id-number';
import type { AccountingWorking } from '../../../shared/policy/working';
import { makeHarness, type Harness } from '../testing/harness';
import { investigatorToken } from '../testing/enrolment';
import { workingHousehold } from '../testing/working-household';

let h: Harness;
let now: Date;
let token: string;
let communityId: string;

const call: Harness['call'] = (p, input, t) => h.call(p, input, t ?? token);
function changeCount(): number {
  return (h.backend.store.sqlite.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
}
function auditCount(): number {
  return (h.backend.store.sqlite.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n;
}

beforeEach(async () => {
  now = new Date('2026-03-15T02:00:00Z');
  h = await makeHarness({ now: () => now });
  token = h.token;
  communityId = (await call('org.listCommunities', {}))[0]!.id;
  await call('policy.setParam', { key: 'dibao.employmentReward', value: 30000, effectiveFrom: '2020-06-12', retroactiveReason: '测试：补录就业奖励' });
});
afterEach(() => h.close());

/** 赵建国's household (the worked example) has applied for 低保. */
async function household() {
  const hh = await call('registry.createHousehold', workingHousehold(communityId));
  const e = await call('assistance.apply', { programme: 'dibao', householdId: hh.id, note: '本人申请' });
  return { hh, e };
}

describe('核算 working', () => {
  test('the preview shows the whole working with parameter versions and writes nothing', async () => {
    const { e } = await household();
    const changes = changeCount();
    const audits = auditCount();
    const p = await call('assistance.previewInvestigation', { id: e.id });
    expect(changeCount()).toBe(changes);
    expect(auditCount()).toBe(audits);
    const w = p.working!;
    const head = w.members.find((m) => m.name === '赵建国')!;
    expect(head.items.map((i) => [i.kind, i.monthlyFen, i.note])).toEqual([
      ['wage', 150000, '保洁'],
      ['transfer', 20000, '赡养费'],
    ]);
    expect(head.deductions).toHaveLength(1);
    expect(head.deductions[0]).toMatchObject({ kind: 'employment-reward', fen: 30000, paramKey: 'dibao.employmentReward', effectiveFrom: '2020-06-12' });
    // (1500 − 300) + 200 = 1400; per capita 700; standard 1045 from 2025-09-01; (1045 − 700) × 2 = 690.
    expect(w.totalFen).toBe(140000);
    expect(w.perCapitaFen).toBe(70000);
    expect(w.standardFen).toBe(104500);
    expect(w.params.find((v) => v.key === 'dibao.standard')).toMatchObject({ effectiveFrom: '2025-09-01', value: 104500 });
    expect(w.params.find((v) => v.key === 'dibao.standard')!.source).toContain('津民规〔2025〕6号');
    expect(w.monthlyAmountFen).toBe(69000);
    expect(w.withinLine).toBe(true);
    // Still only applied.
    expect((await call('assistance.getEnrolment', { id: e.id })).status).toBe('applied');
  });

  test('a working-away member is checked against the household; the preview follows the investigate rules', async () => {
    const { e } = await household();
    const changes = changeCount();
    const bad = await h.raw('assistance.previewInvestigation', { id: e.id, workingAwayPersonIds: [e.id] }, token);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'workingAwayPersonIds' } });
    expect(changeCount()).toBe(changes);
  });

  test('above the line the preview says so (and the amount is 0)', async () => {
    const hh = await call('registry.createHousehold', {
      household: { communityId, address: '詹滨西里9号', hukouType: 'urban' },
      members: [{ name: '孙富', relation: '02', idNumber: makeIdNumber('120110', '19650303', 33), incomes: [{ kind: 'transfer', monthlyFen: 200000 }] }],
    });
    const e = await call('assistance.apply', { programme: 'dibao', householdId: hh.id });
    const w = (await call('assistance.previewInvestigation', { id: e.id })).working!;
    expect(w.aboveLine).toBe(true);
    expect(w.monthlyAmountFen).toBe(0);
    expect(w.lineExplanation).toContain('不低于低保标准');
  });

  test('investigate stores the working it showed; the record and the 核算单 keep it after the figures change', async () => {
    const { e } = await household();
    const preview = (await call('assistance.previewInvestigation', { id: e.id })).working!;
    const investigator = await investigatorToken(h, token);
    const d = await call('assistance.investigate', { id: e.id, note: '入户核实' }, investigator);
    const step = d.steps.find((s) => s.step === 'investigate')!;
    const stored = (step.detail as { working: AccountingWorking }).working;
    expect(stored).toEqual(preview);
    expect(d.perCapitaIncomeFen).toBe(70000);

    // A new standard from today's date onwards: the stored working is what was decided on.
    await call('policy.setParam', { key: 'dibao.standard', value: 110000, effectiveFrom: '2026-03-15', retroactiveReason: '测试：新标准' });
    const audits = auditCount();
    const sheet = await call('assistance.accountingSheet', { id: e.id, mode: 'pdf' });
    expect(sheet.working).toEqual(preview);
    expect(sheet.working.standardFen).toBe(104500);
    expect(sheet).toMatchObject({ headName: '赵建国', address: '詹滨西里7号楼3门201', streetName: '张贵庄街道', programme: 'dibao' });
    // The print is audited.
    expect(auditCount()).toBe(audits + 1);
    const again = (await call('assistance.previewInvestigation', { id: e.id })).working!;
    expect(again.standardFen).toBe(110000);
  });

  test('no 核算单 before the 入户调查; refused without writing', async () => {
    const { e } = await household();
    const audits = auditCount();
    const r = await h.raw('assistance.accountingSheet', { id: e.id, mode: 'print' }, token);
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(auditCount()).toBe(audits);
  });

  test('after the street review the preview is refused like the investigate', async () => {
    const { e } = await household();
    await call('assistance.investigate', { id: e.id }, await investigatorToken(h, token));
    await call('assistance.advance', { id: e.id, step: 'street-review', note: '同意' });
    const r = await h.raw('assistance.previewInvestigation', { id: e.id }, token);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-transition' } });
  });
});
