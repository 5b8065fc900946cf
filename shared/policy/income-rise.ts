/**
 * A 低保 household's income rises (work plan 二(二) 低保渐退, 二(五) epidemic suspension of exits):
 * stay with a recomputed amount, keep the previous amount while exits are suspended, leave gradually
 * (the plan's "前三个月按其家庭原领取低保金的100%发放，后三个月按50%发放"), or leave from the next month.
 * The months and percentages are dated parameters (GradualExitTerms), read on the day of the report.
 * A household already in its gradual exit is not restarted by a second report: it keeps its schedule,
 * which rests on the amount it originally received; a fall back below the line returns it to full 低保.
 */
import { dibaoMonthlyAmount } from './income';
import { addMonths } from './months';
import { exitAllowed } from './exit-rule';

/** The plan's 渐退 terms: 3 months at 100%, then 3 at 50% of the amount the family originally received. */
export interface GradualExitTerms {
  fullMonths: number;
  fullPercent: number;
  reducedMonths: number;
  reducedPercent: number;
}

/** The gradual exit a household is already in (its first decision's schedule). */
export interface ExitInProgress {
  schedule: ScheduleEntry[];
  exitMonth: string;
}

export interface IncomeRiseInput {
  /** Month the household reported the rise, 'YYYY-MM'. */
  reportMonth: string;
  /** The amount the household receives in the report month (in a gradual exit: the schedule's). */
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
  /** Required for a gradual exit; read on the day of the report. */
  terms?: GradualExitTerms;
  /** Set when the household is already in its gradual exit. */
  inExit?: ExitInProgress | null;
}

export interface ScheduleEntry {
  month: string;
  amountFen: number;
  percent: number;
}

export type IncomeRiseDecision =
  | { kind: 'stay'; monthlyAmountFen: number }
  | { kind: 'suspended'; monthlyAmountFen: number }
  | { kind: 'gradual-exit'; schedule: ScheduleEntry[]; exitMonth: string }
  | { kind: 'continue-exit'; schedule: ScheduleEntry[]; exitMonth: string }
  | { kind: 'exit'; exitMonth: string };

/** A percentage of an amount, part-fen rounded up (the household never loses a fen to rounding). */
export function percentOf(fen: number, percent: number): number {
  return Math.ceil((fen * percent) / 100);
}

/** Half of an amount, halves of a fen rounded up. */
export function halfRoundedUp(fen: number): number {
  return percentOf(fen, 50);
}

/** The months after the report month: the full phase, then the reduced phase, of the original amount. */
export function gradualExitSchedule(reportMonth: string, originalAmountFen: number, terms: GradualExitTerms): ScheduleEntry[] {
  const schedule: ScheduleEntry[] = [];
  const total = terms.fullMonths + terms.reducedMonths;
  for (let i = 1; i <= total; i++) {
    const percent = i <= terms.fullMonths ? terms.fullPercent : terms.reducedPercent;
    schedule.push({ month: addMonths(reportMonth, i), amountFen: percentOf(originalAmountFen, percent), percent });
  }
  return schedule;
}

/** A 低保 household's per-capita income passes its line (the standard): it no longer stays as it is. */
export function aboveDibaoLine(perCapitaIncomeFen: number, standardFen: number): boolean {
  return perCapitaIncomeFen > standardFen;
}

export function decideIncomeRise(input: IncomeRiseInput): IncomeRiseDecision {
  if (!aboveDibaoLine(input.perCapitaIncomeFen, input.standardFen)) {
    return {
      kind: 'stay',
      monthlyAmountFen: dibaoMonthlyAmount({
        standardFen: input.standardFen,
        perCapitaIncomeFen: input.perCapitaIncomeFen,
        coveredPersons: input.coveredPersons,
      }),
    };
  }
  // Still above the line inside a gradual exit: the exit goes on as decided (never restarted).
  if (input.inExit) return { kind: 'continue-exit', schedule: input.inExit.schedule, exitMonth: input.inExit.exitMonth };
  if (!exitAllowed(input.exitsSuspended, input)) {
    return { kind: 'suspended', monthlyAmountFen: input.previousMonthlyAmountFen };
  }
  if (input.riseFromEmployment && input.selfReported) {
    if (!input.terms) throw new Error('gradual-exit terms are required');
    const schedule = gradualExitSchedule(input.reportMonth, input.previousMonthlyAmountFen, input.terms);
    return { kind: 'gradual-exit', schedule, exitMonth: addMonths(input.reportMonth, schedule.length + 1) };
  }
  return { kind: 'exit', exitMonth: addMonths(input.reportMonth, 1) };
}
