import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addMonths, decideIncomeRise, type IncomeRiseInput } from './index';

const base: IncomeRiseInput = {
  reportMonth: '2026-05',
  previousMonthlyAmountFen: 120001,
  perCapitaIncomeFen: 130000,
  standardFen: 101000,
  coveredPersons: 3,
  riseFromEmployment: true,
  selfReported: true,
  exitsSuspended: false,
  incomeClearlyRisen: false,
  terms: { fullMonths: 3, fullPercent: 100, reducedMonths: 3, reducedPercent: 50 },
};

describe('decideIncomeRise (低保渐退)', () => {
  test('per-capita income exactly at the standard: the household stays, amount recomputed (zero gap)', () => {
    expect(decideIncomeRise({ ...base, perCapitaIncomeFen: 101000 })).toEqual({ kind: 'stay', monthlyAmountFen: 0 });
  });

  test('below the standard: stays with (standard − income) × covered persons', () => {
    expect(decideIncomeRise({ ...base, perCapitaIncomeFen: 90000 })).toEqual({ kind: 'stay', monthlyAmountFen: 33000 });
  });

  test('one fen above, from employment and self-reported: months 1–3 at 100%, 4–6 at 50% (odd fen rounded up), exit in month 7', () => {
    const d = decideIncomeRise({ ...base, perCapitaIncomeFen: 101001 });
    expect(d).toEqual({
      kind: 'gradual-exit',
      schedule: [
        { month: '2026-06', amountFen: 120001, percent: 100 },
        { month: '2026-07', amountFen: 120001, percent: 100 },
        { month: '2026-08', amountFen: 120001, percent: 100 },
        { month: '2026-09', amountFen: 60001, percent: 50 },
        { month: '2026-10', amountFen: 60001, percent: 50 },
        { month: '2026-11', amountFen: 60001, percent: 50 },
      ],
      exitMonth: '2026-12',
    });
  });

  test('a report in November: the schedule crosses the year', () => {
    const d = decideIncomeRise({ ...base, reportMonth: '2026-11', previousMonthlyAmountFen: 90000 });
    if (d.kind !== 'gradual-exit') throw new Error(d.kind);
    expect(d.schedule.map((s) => s.month)).toEqual(['2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05']);
    expect(d.schedule.map((s) => s.amountFen)).toEqual([90000, 90000, 90000, 45000, 45000, 45000]);
    expect(d.exitMonth).toBe('2027-06');
  });

  test('a rise not from employment: exit from the month after the report', () => {
    expect(decideIncomeRise({ ...base, riseFromEmployment: false })).toEqual({ kind: 'exit', exitMonth: '2026-06' });
  });

  test('a rise not reported by the household (found by the caseworker): exit from the month after', () => {
    expect(decideIncomeRise({ ...base, selfReported: false, reportMonth: '2026-12' })).toEqual({ kind: 'exit', exitMonth: '2027-01' });
  });

  test('exits suspended (epidemic) and income not clearly risen: the previous amount continues', () => {
    expect(decideIncomeRise({ ...base, exitsSuspended: true })).toEqual({ kind: 'suspended', monthlyAmountFen: 120001 });
    expect(decideIncomeRise({ ...base, exitsSuspended: true, riseFromEmployment: false })).toEqual({
      kind: 'suspended',
      monthlyAmountFen: 120001,
    });
  });

  test('exits suspended: income clearly risen alone is not enough, the plan also asks 基本生活确能保障', () => {
    expect(decideIncomeRise({ ...base, exitsSuspended: true, incomeClearlyRisen: true }).kind).toBe('suspended');
    expect(decideIncomeRise({ ...base, exitsSuspended: true, basicLivingSecure: true }).kind).toBe('suspended');
  });

  test('exits suspended but income clearly risen and basic living secure: the normal rules apply', () => {
    const both = { exitsSuspended: true, incomeClearlyRisen: true, basicLivingSecure: true };
    expect(decideIncomeRise({ ...base, ...both }).kind).toBe('gradual-exit');
    expect(decideIncomeRise({ ...base, ...both, selfReported: false })).toEqual({
      kind: 'exit',
      exitMonth: '2026-06',
    });
  });

  test('exits suspended but income not above the standard: stays (suspension only concerns exits)', () => {
    expect(decideIncomeRise({ ...base, exitsSuspended: true, perCapitaIncomeFen: 100000 }).kind).toBe('stay');
  });

  test('a standard changing mid-schedule does not change it: the schedule is computed from the previous amount only', () => {
    const a = decideIncomeRise(base);
    const b = decideIncomeRise({ ...base, standardFen: 107000 });
    expect(b).toEqual(a);
  });

  test('property: six consecutive months after the report, 100/100/100/50/50/50, never negative, exit the 7th month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.nat(10_000_000),
        (y, m, prev) => {
          const reportMonth = `${y}-${String(m).padStart(2, '0')}`;
          const d = decideIncomeRise({ ...base, reportMonth, previousMonthlyAmountFen: prev });
          if (d.kind !== 'gradual-exit') throw new Error(d.kind);
          expect(d.schedule).toHaveLength(6);
          expect(d.schedule.map((s) => s.percent)).toEqual([100, 100, 100, 50, 50, 50]);
          d.schedule.forEach((s, i) => {
            expect(s.month).toBe(addMonths(reportMonth, i + 1));
            expect(s.amountFen).toBeGreaterThanOrEqual(0);
            expect(Number.isInteger(s.amountFen)).toBe(true);
          });
          expect(d.schedule[3]!.amountFen * 2 - prev).toBeGreaterThanOrEqual(0);
          expect(d.schedule[3]!.amountFen * 2 - prev).toBeLessThanOrEqual(1);
          expect(d.exitMonth).toBe(addMonths(reportMonth, 7));
        },
      ),
    );
  });

  test('inside a gradual exit: still above the line continues the exit as decided, below it returns to full 低保', () => {
    const inExit = { schedule: [{ month: '2026-06', amountFen: 50000, percent: 100 }], exitMonth: '2026-07' };
    expect(decideIncomeRise({ ...base, inExit, perCapitaIncomeFen: 200000 })).toEqual({ kind: 'continue-exit', ...inExit });
    expect(decideIncomeRise({ ...base, inExit, exitsSuspended: true })).toEqual({ kind: 'continue-exit', ...inExit });
    expect(decideIncomeRise({ ...base, inExit, perCapitaIncomeFen: 0 })).toEqual({ kind: 'stay', monthlyAmountFen: 303000 });
  });

  test('property: any terms give full-phase months at the full percent, then reduced ones, exit the month after', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 100 }), fc.nat(10_000_000), (full, reduced, pct, prev) => {
        fc.pre(full + reduced > 0);
        const terms = { fullMonths: full, fullPercent: 100, reducedMonths: reduced, reducedPercent: pct };
        const d = decideIncomeRise({ ...base, previousMonthlyAmountFen: prev, terms });
        if (d.kind !== 'gradual-exit') throw new Error(d.kind);
        expect(d.schedule.map((s) => s.percent)).toEqual([...Array(full).fill(100), ...Array(reduced).fill(pct)]);
        for (const s of d.schedule) expect(s.amountFen).toBe(Math.ceil((prev * s.percent) / 100));
        expect(d.exitMonth).toBe(addMonths(base.reportMonth, full + reduced + 1));
      }),
    );
  });
});
