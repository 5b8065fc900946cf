/**
 * A 低保 household's income rises (work plan 二(二) 低保渐退, 二(五) epidemic suspension of exits):
 * stay with a recomputed amount, keep the previous amount while exits are suspended, leave gradually
 * (3 months at 100%, 3 at 50% of the previous amount), or leave from the next month.
 */
import { dibaoMonthlyAmount } from './income';
import { addMonths } from './months';
import { exitAllowed } from './exit-rule';

export interface IncomeRiseInput {
  /** Month the household reported the rise, 'YYYY-MM'. */
  reportMonth: string;
  previousMonthlyAmountFen: number;
  /** Per-capita monthly income after the deductions (assessMonthlyIncome). */
  perCapitaIncomeFen: number;
  standardFen: number;
  coveredPersons: number;
  riseFromEmployment: boolean;
  selfReported: boolean;
  exitsSuspended: boolean;
  incomeClearlyRisen: boolean;
  /** 基本生活确能保障: the plan's second condition for leaving while exits are suspended. */
  basicLivingSecure?: boolean;
}

export interface ScheduleEntry {
  month: string;
  amountFen: number;
  percent: 100 | 50;
}

export type IncomeRiseDecision =
  | { kind: 'stay'; monthlyAmountFen: number }
  | { kind: 'suspended'; monthlyAmountFen: number }
  | { kind: 'gradual-exit'; schedule: ScheduleEntry[]; exitMonth: string }
  | { kind: 'exit'; exitMonth: string };

/** Half of an amount, halves of a fen rounded up. */
export function halfRoundedUp(fen: number): number {
  return Math.ceil(fen / 2);
}

/** The six months after the report month: three at 100%, three at 50% of the previous amount. */
export function gradualExitSchedule(reportMonth: string, previousMonthlyAmountFen: number): ScheduleEntry[] {
  const schedule: ScheduleEntry[] = [];
  for (let i = 1; i <= 6; i++) {
    const full = i <= 3;
    schedule.push({
      month: addMonths(reportMonth, i),
      amountFen: full ? previousMonthlyAmountFen : halfRoundedUp(previousMonthlyAmountFen),
      percent: full ? 100 : 50,
    });
  }
  return schedule;
}

export function decideIncomeRise(input: IncomeRiseInput): IncomeRiseDecision {
  if (input.perCapitaIncomeFen <= input.standardFen) {
    return {
      kind: 'stay',
      monthlyAmountFen: dibaoMonthlyAmount({
        standardFen: input.standardFen,
        perCapitaIncomeFen: input.perCapitaIncomeFen,
        coveredPersons: input.coveredPersons,
      }),
    };
  }
  if (!exitAllowed(input.exitsSuspended, input)) {
    return { kind: 'suspended', monthlyAmountFen: input.previousMonthlyAmountFen };
  }
  if (input.riseFromEmployment && input.selfReported) {
    return {
      kind: 'gradual-exit',
      schedule: gradualExitSchedule(input.reportMonth, input.previousMonthlyAmountFen),
      exitMonth: addMonths(input.reportMonth, 7),
    };
  }
  return { kind: 'exit', exitMonth: addMonths(input.reportMonth, 1) };
}
