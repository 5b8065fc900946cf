import { describe, expect, test } from 'vitest';
import { PARAM_DEFAULTS } from '../policy/defaults';
import { warningParamText, type RuleParamHistory } from './rule-params';
import { personWarnings, type PersonSituation, type RuleContext } from './rules';
import { incomeOverLine, type EnrolledHousehold, type IncomeLines } from './rules-income';
import type { DepartmentRecord, DisabilityFacts } from './types';

const SEVERE = { grades: ['1', '2'], grade3Categories: ['5', '6'] };
const PARAMS: RuleParamHistory = {
  'medical-month': [{ effectiveFrom: '2023-01-01', value: { thresholdFen: 500000, dueWorkingDays: 10 } }],
  'medical-year': [{ effectiveFrom: '2023-01-01', value: { thresholdFen: 2000000, windowMonths: 12, dueWorkingDays: 10 } }],
  'medical-rise': [{ effectiveFrom: '2023-01-01', value: { risePercent: 100, windowMonths: 12, minMonthFen: 200000, dueWorkingDays: 10 } }],
  'disability-severe': [{ effectiveFrom: '2023-01-01', value: { dueWorkingDays: 10 } }],
  'unemployment-marginal': [{ effectiveFrom: '2023-01-01', value: { dueWorkingDays: 10 } }],
  'death-paid': [{ effectiveFrom: '2023-01-01', value: { dueWorkingDays: 5 } }],
  'income-over-line': [{ effectiveFrom: '2023-01-01', value: { dueWorkingDays: 10 } }],
};
// 2026-12-07 is a Monday; the calendar makes the 9th a holiday and Saturday the 12th a working day.
const CTX: RuleContext = { today: '2026-12-07', params: PARAMS, calendar: { holidays: ['2026-12-09'], workdays: ['2026-12-12'] }, existingKeys: new Set() };
const ALIVE: PersonSituation = {
  personId: 'p1',
  householdId: 'h1',
  diedOn: null,
  enrolments: [],
  lastPaidMonth: { own: null, household: null },
  householdCategories: [],
};

let seq = 0;
function medical(month: string, selfPaidFen: number, importId = 'f1'): DepartmentRecord {
  return { id: `r${++seq}`, importId, source: 'medical', personId: 'p1', startOn: `${month}-01`, endOn: null, facts: { totalFen: selfPaidFen * 2, selfPaidFen } };
}
function disability(type: DisabilityFacts['type'], grade: number, change: DisabilityFacts['change'] = 'new'): DepartmentRecord {
  return { id: `r${++seq}`, source: 'disability', personId: 'p1', startOn: '2026-11-20', endOn: null, facts: { type, grade, change } };
}
const death = (on: string): DepartmentRecord => ({ id: `r${++seq}`, source: 'death', personId: 'p1', startOn: on, endOn: null, facts: { reportedBy: null } });
const unemployment = (endOn: string | null = null): DepartmentRecord => ({
  id: `r${++seq}`,
  source: 'unemployment',
  personId: 'p1',
  startOn: '2026-11-03',
  endOn,
  facts: { reason: null },
});

function rules(records: DepartmentRecord[], situation: Partial<PersonSituation> = {}, ctx: Partial<RuleContext> = {}) {
  return personWarnings({ records, situation: { ...ALIVE, ...situation }, severeOn: () => SEVERE }, { ...CTX, ...ctx });
}
const ofRule = (rule: string, ws: ReturnType<typeof rules>) => ws.filter((w) => w.rule === rule);

test('the defaults hold a dated, valid value for every rule; a value reads as one line', () => {
  for (const rule of Object.keys(PARAMS)) expect(PARAM_DEFAULTS.some((d) => d.key === `warnings.${rule}`), rule).toBe(true);
  expect(warningParamText({ thresholdFen: 2000000, windowMonths: 12, dueWorkingDays: 10 })).toBe('金额线（达到即预警） 20,000.00 元；统计月数 12 个月；处置时限 10 个工作日');
});

describe('medical-month', () => {
  test('exactly at the amount raises, one fen below does not; figures, version, key and due date in working days', () => {
    const [w, ...rest] = ofRule('medical-month', rules([medical('2026-10', 500000)]));
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ ruleVersion: '2023-01-01', dedupeKey: 'medical-month/p1/2026-10', personId: 'p1', householdId: 'h1' });
    expect(w!.trigger.summary).toBe('2026年10月医疗自付 5,000.00 元，达到 5,000.00 元');
    expect(w!.trigger.values).toMatchObject({ selfPaidFen: 500000, thresholdFen: 500000 });
    // 10 working days from Mon 7th: 8, 10, 11, 12 (调休), 14, 15, 16, 17, 18, 21 (the 9th a holiday, Sunday 13th, 19–20 off).
    expect(w!.dueDate).toBe('2026-12-21');
    expect(ofRule('medical-month', rules([medical('2026-10', 499999)]))).toEqual([]);
  });

  test('one file’s rows of a month add up; a second file of the same month is not added (the larger stands)', () => {
    expect(ofRule('medical-month', rules([medical('2026-10', 250000), medical('2026-10', 250000)]))).toHaveLength(1);
    expect(ofRule('medical-month', rules([medical('2026-10', 300000, 'f1'), medical('2026-10', 300000, 'f2')]))).toEqual([]);
  });

  test('a param change: months from its date are judged by it and carry its version; earlier months keep theirs', () => {
    const params = { ...PARAMS, 'medical-month': [...PARAMS['medical-month']!, { effectiveFrom: '2026-11-01', value: { thresholdFen: 300000, dueWorkingDays: 3 } }] };
    const ws = ofRule('medical-month', rules([medical('2026-10', 400000), medical('2026-11', 300000)], {}, { params }));
    expect(ws.map((w) => [w.dedupeKey, w.ruleVersion, w.dueDate])).toEqual([['medical-month/p1/2026-11', '2026-11-01', '2026-12-11']]);
  });

  test('no warning for data before the rule’s first date', () => {
    expect(ofRule('medical-month', rules([medical('2022-12', 900000)]))).toEqual([]);
  });
});

describe('medical-year', () => {
  const year = (last: number) => [...Array.from({ length: 11 }, (_, i) => medical(`2025-${String(i + 2).padStart(2, '0')}`, 150000)), medical('2026-01', last)];
  test('the window’s 12 months exactly at the amount raise once, named by the last month; one fen below does not', () => {
    const ws = ofRule('medical-year', rules(year(2000000 - 11 * 150000)));
    expect(ws.map((w) => w.dedupeKey)).toEqual(['medical-year/p1/2026-01']);
    expect(ws[0]!.trigger.values).toMatchObject({ fromMonth: '2025-02', toMonth: '2026-01', selfPaidFen: 2000000 });
    expect(ws[0]!.recordIds).toHaveLength(12);
    expect(ofRule('medical-year', rules(year(2000000 - 11 * 150000 - 1)))).toEqual([]);
  });

  test('a month just outside the window does not count', () => {
    const records = [medical('2025-01', 1000000), medical('2026-01', 1000000)];
    expect(ofRule('medical-year', rules(records))).toEqual([]);
    expect(ofRule('medical-year', rules([medical('2025-02', 1000000), medical('2026-01', 1000000)]))).toHaveLength(1);
  });

  test('later months inside the window of a raised warning raise nothing more; the next window raises again', () => {
    const records = [medical('2025-03', 2000000), medical('2025-04', 10), medical('2026-02', 10), medical('2026-03', 2000000)];
    expect(ofRule('medical-year', rules(records)).map((w) => w.dedupeKey)).toEqual(['medical-year/p1/2025-03', 'medical-year/p1/2026-03']);
    // A warning raised before (any status) covers the months within a window's length of it, either side.
    expect(ofRule('medical-year', rules(records, {}, { existingKeys: new Set(['medical-year/p1/2025-03']) })).map((w) => w.dedupeKey)).toEqual([
      'medical-year/p1/2026-03',
    ]);
    expect(ofRule('medical-year', rules(records, {}, { existingKeys: new Set(['medical-year/p1/2025-05']) }))).toEqual([]);
  });
});

describe('medical-rise', () => {
  // Twelve months of 1,000 元: the average is 1,000 元; 100% above is 2,000 元.
  const history = Array.from({ length: 12 }, (_, i) => medical(`2025-${String(i + 1).padStart(2, '0')}`, 100000));
  test('exactly the percentage above the 12-month average raises, one fen below does not', () => {
    const [w] = ofRule('medical-rise', rules([...history, medical('2026-01', 200000)]));
    expect(w).toMatchObject({ dedupeKey: 'medical-rise/p1/2026-01' });
    expect(w!.trigger.values).toMatchObject({ averageFen: 100000, risePercent: 100, thresholdPercent: 100 });
    expect(ofRule('medical-rise', rules([...history, medical('2026-01', 199999)]))).toEqual([]);
  });

  test('the month before the window is not in the average; a first file is no rise; small sums are none', () => {
    // 2025-02…12 at 1,500 元 and 2024-12 outside the window: the average is 16,500/12 元, 2,750.00 元 is 100% above it.
    const window = [medical('2024-12', 900000), ...Array.from({ length: 11 }, (_, i) => medical(`2025-${String(i + 2).padStart(2, '0')}`, 150000))];
    expect(ofRule('medical-rise', rules([...window, medical('2026-01', 275000)]))).toHaveLength(1);
    expect(ofRule('medical-rise', rules([...window, medical('2026-01', 274999)]))).toEqual([]);
    expect(ofRule('medical-rise', rules([medical('2026-01', 900000)]))).toEqual([]);
    expect(ofRule('medical-rise', rules([medical('2025-06', 0), medical('2026-01', 199999)]))).toEqual([]);
    expect(ofRule('medical-rise', rules([medical('2025-06', 0), medical('2026-01', 200000)]))).toHaveLength(1);
  });
});

describe('disability-severe', () => {
  test('grade 1–2 of any type, grade 3 智力 / 精神 raise; grade 3 肢体 and grade 4 do not; a revoked certificate does not', () => {
    const raises = (r: DepartmentRecord) => ofRule('disability-severe', rules([r])).length === 1;
    expect(raises(disability('physical', 2))).toBe(true);
    expect(raises(disability('visual', 1, 'changed'))).toBe(true);
    expect(raises(disability('physical', 3))).toBe(false);
    expect(raises(disability('mental', 3))).toBe(true);
    expect(raises(disability('intellectual', 3))).toBe(true);
    expect(raises(disability('mental', 4))).toBe(false);
    expect(raises(disability('mental', 2, 'revoked'))).toBe(false);
    const [w] = ofRule('disability-severe', rules([disability('mental', 3)]));
    expect(w).toMatchObject({ dedupeKey: 'disability-severe/p1/2026-11-20/mental-3' });
    expect(w!.trigger.summary).toBe('2026-11-20 新办残疾证：精神三级，属重度残疾');
  });

  test('the dead get none', () => {
    expect(ofRule('disability-severe', rules([disability('physical', 1)], { diedOn: '2026-11-01' }))).toEqual([]);
  });
});

describe('unemployment-marginal', () => {
  test('a member of a 低保边缘 household still registered unemployed raises; other households and an ended registration do not', () => {
    const edge = { householdCategories: ['dibao-edge'] };
    expect(ofRule('unemployment-marginal', rules([unemployment()], edge)).map((w) => w.dedupeKey)).toEqual(['unemployment-marginal/p1/2026-11-03']);
    expect(ofRule('unemployment-marginal', rules([unemployment('2026-12-08')], edge))).toHaveLength(1);
    expect(ofRule('unemployment-marginal', rules([unemployment('2026-12-07')], edge))).toEqual([]);
    expect(ofRule('unemployment-marginal', rules([unemployment()], { householdCategories: ['dibao'] }))).toEqual([]);
  });
});

describe('death-paid', () => {
  const own = { programme: 'disability-living-subsidy', personId: 'p1', status: 'active', endMonth: null };
  const household = { programme: 'dibao', personId: null, status: 'active', endMonth: null };
  test('a death of someone enrolled, not yet recorded here, raises with what still runs and the stop month', () => {
    const [w] = ofRule('death-paid', rules([death('2026-10-15')], { enrolments: [own, household] }));
    expect(w).toMatchObject({ dedupeKey: 'death-paid/p1/2026-10-15', ruleVersion: '2023-01-01', dueDate: '2026-12-14' });
    expect(w!.trigger.summary).toBe('2026-10-15 死亡（部门数据），仍在保：困难残疾人生活补贴、低保；本系统尚未登记死亡，应自2026年11月起停发');
  });

  test('a dead person already stopped raises nothing; an own enrolment still running past the death does', () => {
    const stopped = { ...own, status: 'exited', endMonth: '2026-11' };
    const paidBefore = { own: '2026-10', household: '2026-12' };
    expect(ofRule('death-paid', rules([death('2026-10-15')], { diedOn: '2026-10-15', enrolments: [stopped, household], lastPaidMonth: paidBefore }))).toEqual([]);
    expect(ofRule('death-paid', rules([death('2026-10-15')], { diedOn: '2026-10-15', enrolments: [own] }))).toHaveLength(1);
    // Ended from the month after the death (even if the status still reads active): stopped.
    expect(ofRule('death-paid', rules([death('2026-10-15')], { enrolments: [{ ...own, endMonth: '2026-11' }] }))).toEqual([]);
  });

  test('money paid for a month after the death raises; paid through the month of death does not; nobody enrolled or paid: none', () => {
    expect(ofRule('death-paid', rules([death('2026-10-15')], { lastPaidMonth: { own: null, household: '2026-11' } }))).toHaveLength(1);
    expect(ofRule('death-paid', rules([death('2026-10-15')], { lastPaidMonth: { own: '2026-10', household: null } }))).toEqual([]);
    expect(ofRule('death-paid', rules([death('2026-10-15')]))).toEqual([]);
  });
});

describe('income-over-line', () => {
  const lines: IncomeLines = { income: { employmentRewardFen: 0, workCostDeductionFen: 0, epidemicRulesInForce: false }, standardFen: 104500, edgeUpperPercent: 150 };
  const hh = (programme: EnrolledHousehold['programme'], ...wages: number[]): EnrolledHousehold => ({
    householdId: 'h1',
    enrolmentId: 'e1',
    programme,
    personId: 'p1',
    members: wages.map((w) => ({ incomes: [{ kind: 'wage' as const, monthlyFen: w }] })),
  });
  test('低保: exactly at the standard stays, one fen above raises', () => {
    expect(incomeOverLine(hh('dibao', 104500, 104500), lines, CTX)).toBeNull();
    const w = incomeOverLine(hh('dibao', 104501, 104501), lines, CTX);
    expect(w).toMatchObject({ rule: 'income-over-line', dedupeKey: 'income-over-line/p1/e1/104501' });
    expect(w!.trigger.summary).toBe('登记收入核算家庭月人均 1,045.01 元（2人，合计 2,090.02 元），超过低保标准 1,045.00 元');
  });
  test('低保边缘: at the upper line raises, one fen below does not; the deductions of the income rule apply', () => {
    expect(incomeOverLine(hh('dibao-edge', 156750), lines, CTX)).not.toBeNull();
    expect(incomeOverLine(hh('dibao-edge', 156749), lines, CTX)).toBeNull();
    const employed: EnrolledHousehold = { ...hh('dibao', 0), members: [{ incomes: [{ kind: 'wage', monthlyFen: 134500 }], employed: true }] };
    expect(incomeOverLine(employed, { ...lines, income: { ...lines.income, employmentRewardFen: 30000 } }, CTX)).toBeNull();
    expect(incomeOverLine(employed, lines, CTX)).not.toBeNull();
  });
});
