import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { assessMonthlyIncome, dibaoMonthlyAmount, edgeAid, type IncomeMember } from './index';

const P = { employmentRewardFen: 30000, workCostDeductionFen: 50000, epidemicRulesInForce: false };

describe('assessMonthlyIncome', () => {
  test('every kind counts in full except excluded; per-capita is the total over all members, rounded down', () => {
    const members: IncomeMember[] = [
      {
        incomes: [
          { kind: 'business', monthlyFen: 100001 },
          { kind: 'property', monthlyFen: 1000 },
          { kind: 'transfer', monthlyFen: 2000 },
          { kind: 'other', monthlyFen: 3000 },
          { kind: 'excluded', monthlyFen: 999999 },
        ],
      },
      { incomes: [] },
      { incomes: [{ kind: 'wage', monthlyFen: 50000 }] },
    ];
    const r = assessMonthlyIncome(members, P);
    expect(r.totalFen).toBe(156001);
    expect(r.perCapitaFen).toBe(52000); // 156001 / 3 = 52000.33…
  });

  test('an employed member’s wage counts after the employment reward (就业奖励)', () => {
    const r = assessMonthlyIncome([{ incomes: [{ kind: 'wage', monthlyFen: 300000 }], employed: true }, { incomes: [] }], P);
    expect(r.totalFen).toBe(270000);
    expect(r.perCapitaFen).toBe(135000);
  });

  test('the reward is not deducted from a member not in employment, nor from non-wage income', () => {
    const r = assessMonthlyIncome([{ incomes: [{ kind: 'wage', monthlyFen: 100000 }, { kind: 'business', monthlyFen: 5000 }] }], P);
    expect(r.totalFen).toBe(105000);
  });

  test('while the epidemic rules are in force, a member working away or back at work also has the 500-yuan work cost deducted', () => {
    const member: IncomeMember = { incomes: [{ kind: 'wage', monthlyFen: 300000 }], employed: true, workingAwayOrReturned: true };
    expect(assessMonthlyIncome([member], { ...P, epidemicRulesInForce: true }).totalFen).toBe(220000);
    // outside the period only the reward is deducted
    expect(assessMonthlyIncome([member], P).totalFen).toBe(270000);
    // working away but not flagged employed: only the work cost
    expect(assessMonthlyIncome([{ ...member, employed: false }], { ...P, epidemicRulesInForce: true }).totalFen).toBe(250000);
  });

  test('a member’s countable wage never goes below zero, and the deduction does not reach their other income', () => {
    const r = assessMonthlyIncome(
      [{ incomes: [{ kind: 'wage', monthlyFen: 20000 }, { kind: 'transfer', monthlyFen: 10000 }], employed: true, workingAwayOrReturned: true }],
      { ...P, epidemicRulesInForce: true },
    );
    expect(r.totalFen).toBe(10000);
  });

  test('property: per-capita is floor(total / members); non-negative incomes give non-negative totals', () => {
    const item = fc.record({
      kind: fc.constantFrom('wage', 'business', 'property', 'transfer', 'other', 'excluded') as fc.Arbitrary<IncomeMember['incomes'][number]['kind']>,
      monthlyFen: fc.integer({ min: 0, max: 5_000_000 }),
    });
    const member = fc.record({ incomes: fc.array(item, { maxLength: 5 }), employed: fc.boolean(), workingAwayOrReturned: fc.boolean() });
    fc.assert(
      fc.property(fc.array(member, { minLength: 1, maxLength: 8 }), fc.boolean(), (members, epi) => {
        const r = assessMonthlyIncome(members, { ...P, epidemicRulesInForce: epi });
        expect(r.totalFen).toBeGreaterThanOrEqual(0);
        expect(Number.isInteger(r.perCapitaFen)).toBe(true);
        expect(r.perCapitaFen * members.length).toBeLessThanOrEqual(r.totalFen);
        expect((r.perCapitaFen + 1) * members.length).toBeGreaterThan(r.totalFen);
        // deductions never raise income
        const noDeduction = assessMonthlyIncome(members, { employmentRewardFen: 0, workCostDeductionFen: 0, epidemicRulesInForce: false });
        expect(r.totalFen).toBeLessThanOrEqual(noDeduction.totalFen);
      }),
    );
  });
});

describe('dibaoMonthlyAmount', () => {
  test('(standard − per-capita income) × covered persons', () => {
    expect(dibaoMonthlyAmount({ standardFen: 101000, perCapitaIncomeFen: 40000, coveredPersons: 3 })).toBe(183000);
  });
  test('income exactly at the standard gives zero; above it never negative', () => {
    expect(dibaoMonthlyAmount({ standardFen: 101000, perCapitaIncomeFen: 101000, coveredPersons: 3 })).toBe(0);
    expect(dibaoMonthlyAmount({ standardFen: 101000, perCapitaIncomeFen: 101001, coveredPersons: 3 })).toBe(0);
  });
  test('property: never negative, linear in covered persons', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(2_000_000), fc.integer({ min: 0, max: 12 }), (standardFen, perCapitaIncomeFen, n) => {
        const a = dibaoMonthlyAmount({ standardFen, perCapitaIncomeFen, coveredPersons: n });
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBe(n * dibaoMonthlyAmount({ standardFen, perCapitaIncomeFen, coveredPersons: 1 }));
      }),
    );
  });
});

describe('edgeAid (低保边缘, the one rule the payments and the 核算 use)', () => {
  const amount = { value: 31400 };
  const percent = { value: 30 };
  test('the fixed amount per household when one is in force, without reading the standard', () => {
    expect(edgeAid({ aidAmount: amount, aidPercent: percent, standardFen: () => { throw new Error('standard read'); } })).toEqual({ fen: 31400, figure: amount });
  });
  test('else the percent of the standard, part-fen rounded up', () => {
    expect(edgeAid({ aidAmount: null, aidPercent: percent, standardFen: () => 101001 })).toEqual({ fen: 30301, figure: percent });
  });
  test('null when neither figure is in force', () => {
    expect(edgeAid({ aidAmount: null, aidPercent: null, standardFen: () => 104500 })).toBeNull();
  });
});
