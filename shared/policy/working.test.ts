import { describe, expect, test } from 'vitest';
import { accountingWorking, type ParamVersion, type WorkingInput } from './working';

const v = (key: string, value: number | boolean, effectiveFrom: string, id = `${key}@${effectiveFrom}`): ParamVersion => ({
  key,
  id,
  effectiveFrom,
  value,
  source: `来源：${key}`,
});

const STANDARD = v('dibao.standard', 104500, '2025-09-01');
const REWARD = v('dibao.employmentReward', 30000, '2020-06-12');

function input(over: Partial<WorkingInput> = {}): WorkingInput {
  return {
    programme: 'dibao',
    onDate: '2026-03-15',
    coveredPersons: 2,
    members: [
      { personId: 'p1', name: '赵大', relation: '02', employed: true, workingAwayOrReturned: false, incomes: [{ kind: 'wage', monthlyFen: 150000, note: '保洁' }] },
      { personId: 'p2', name: '钱二', relation: '10', employed: false, workingAwayOrReturned: false, incomes: [] },
    ],
    params: { standard: STANDARD, employmentReward: REWARD, epidemicRules: v('epidemic.rulesInForce', false, '2023-01-08'), workCostDeduction: null },
    ...over,
  };
}

describe('accountingWorking', () => {
  test('a deduction is shown with the parameter version it came from; per-capita and amount follow', () => {
    const w = accountingWorking(input());
    expect(w.members[0]!.deductions).toEqual([
      { kind: 'employment-reward', fen: 30000, paramKey: 'dibao.employmentReward', paramId: 'dibao.employmentReward@2020-06-12', effectiveFrom: '2020-06-12' },
    ]);
    expect(w.members[0]!.countableFen).toBe(120000);
    expect(w.members[1]!.deductions).toEqual([]);
    expect(w.totalFen).toBe(120000);
    expect(w.perCapitaFen).toBe(60000);
    expect(w.standardFen).toBe(104500);
    // (1045 − 600) × 2, by dibaoMonthlyAmount.
    expect(w.monthlyAmountFen).toBe(89000);
    expect(w.withinLine).toBe(true);
    expect(w.aboveLine).toBe(false);
    expect(w.params.map((p) => p.id)).toEqual(['dibao.standard@2025-09-01', 'dibao.employmentReward@2020-06-12', 'epidemic.rulesInForce@2023-01-08']);
  });

  test('a member with two incomes: each item listed, both counted once; excluded items listed but not counted', () => {
    const w = accountingWorking(
      input({
        members: [
          {
            personId: 'p1',
            name: '孙三',
            relation: '02',
            employed: false,
            workingAwayOrReturned: false,
            incomes: [
              { kind: 'transfer', monthlyFen: 40000, note: '赡养费' },
              { kind: 'property', monthlyFen: 25000 },
              { kind: 'excluded', monthlyFen: 10000, note: '奖学金' },
            ],
          },
        ],
        coveredPersons: 1,
        params: { standard: STANDARD, employmentReward: null, epidemicRules: null, workCostDeduction: null },
      }),
    );
    const m = w.members[0]!;
    expect(m.items).toEqual([
      { kind: 'transfer', monthlyFen: 40000, note: '赡养费', counted: true },
      { kind: 'property', monthlyFen: 25000, note: null, counted: true },
      { kind: 'excluded', monthlyFen: 10000, note: '奖学金', counted: false },
    ]);
    expect(m.countableFen).toBe(65000);
    expect(w.perCapitaFen).toBe(65000);
    expect(w.monthlyAmountFen).toBe(39500);
  });

  test('the epidemic work-cost deduction is listed with its version only while the rules are in force', () => {
    const members = [{ personId: 'p1', name: '周四', relation: '02', employed: true, workingAwayOrReturned: true, incomes: [{ kind: 'wage' as const, monthlyFen: 200000 }] }];
    const w = accountingWorking(
      input({
        onDate: '2020-07-01',
        coveredPersons: 1,
        members,
        params: {
          standard: v('dibao.standard', 101000, '2020-04-01'),
          employmentReward: REWARD,
          epidemicRules: v('epidemic.rulesInForce', true, '2020-06-12'),
          workCostDeduction: v('epidemic.workCostDeduction', 50000, '2020-06-12'),
        },
      }),
    );
    expect(w.members[0]!.deductions.map((d) => [d.kind, d.fen, d.effectiveFrom])).toEqual([
      ['employment-reward', 30000, '2020-06-12'],
      ['work-cost', 50000, '2020-06-12'],
    ]);
    expect(w.perCapitaFen).toBe(120000);
    expect(w.params.map((p) => p.key)).toContain('epidemic.workCostDeduction');
  });

  test('above the line is flagged and pays nothing', () => {
    const w = accountingWorking(
      input({
        coveredPersons: 1,
        members: [{ personId: 'p1', name: '吴五', relation: '02', employed: false, workingAwayOrReturned: false, incomes: [{ kind: 'transfer', monthlyFen: 200000 }] }],
      }),
    );
    expect(w.perCapitaFen).toBe(200000);
    expect(w.aboveLine).toBe(true);
    expect(w.withinLine).toBe(false);
    expect(w.monthlyAmountFen).toBe(0);
    expect(w.lineExplanation).toContain('不低于低保标准');
  });

  test('低保边缘: the edge line from its percent and the aid amount per household', () => {
    const base = {
      programme: 'dibao-edge' as const,
      coveredPersons: 1,
      params: {
        standard: STANDARD,
        employmentReward: null,
        epidemicRules: null,
        workCostDeduction: null,
        edgeUpperPercent: v('dibao-edge.upperPercent', 150, '2016-01-01'),
        edgeAidAmount: v('dibao-edge.aidAmount', 31400, '2025-09-01'),
      },
    };
    const within = accountingWorking(
      input({ ...base, members: [{ personId: 'p1', name: '郑六', relation: '02', employed: false, workingAwayOrReturned: false, incomes: [{ kind: 'transfer', monthlyFen: 120000 }] }] }),
    );
    expect(within.edgeLine).toEqual({ upperPercent: 150, upperFen: 156750 });
    expect(within.withinLine).toBe(true);
    expect(within.monthlyAmountFen).toBe(31400);
    const above = accountingWorking(
      input({ ...base, members: [{ personId: 'p1', name: '郑六', relation: '02', employed: false, workingAwayOrReturned: false, incomes: [{ kind: 'transfer', monthlyFen: 156750 }] }] }),
    );
    expect(above.aboveLine).toBe(true);
    expect(above.withinLine).toBe(false);
  });
});
