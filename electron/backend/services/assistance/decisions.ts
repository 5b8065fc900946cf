/**
 * The income-rise decisions of an enrolment, as effective-dated records: a decision sets the amount
 * from the month after its report month (the report month keeps what the household was receiving),
 * never for months before. A recorded decision is never edited; a later one supersedes it from its own
 * month. 'continue-exit' (a second report inside a gradual exit) confirms the exit under way and
 * changes no amount.
 */
import { addMonths, type ScheduleEntry } from '../../../../shared/policy';
import { creationHlc } from '../../store/creation-order';
import type { Store } from '../../store/store';
import { requireParam } from '../policy/params';
import type { GradualExitTerms } from '../../../../shared/policy/income-rise';

export interface DecisionRow {
  id: string;
  report_month: string;
  kind: 'stay' | 'suspended' | 'gradual-exit' | 'continue-exit' | 'exit';
  monthly_amount_fen: number | null;
  schedule: string | null;
  exit_month: string | null;
  input: string;
  created_at: string;
}

/** What a decision recorded about the household when it was taken (its stored input). */
interface DecisionInput {
  assessment?: { perCapitaFen?: number };
  incomeClearlyRisen?: boolean;
  basicLivingSecure?: boolean;
}

export function decisionInput(d: DecisionRow): DecisionInput {
  return JSON.parse(d.input) as DecisionInput;
}

export function scheduleOf(d: DecisionRow): ScheduleEntry[] {
  return d.schedule ? (JSON.parse(d.schedule) as ScheduleEntry[]) : [];
}

/**
 * Every live decision of the enrolment, in the order they were taken: two at one instant in the order
 * they were created, as every PC holds it (creation-order.ts; rowid is only this PC's order of writing).
 */
export function decisionsOf(store: Store, enrolmentId: string): DecisionRow[] {
  return store
    .prepare(
      `SELECT d.id, d.report_month, d.kind, d.monthly_amount_fen, d.schedule, d.exit_month, d.input, d.created_at FROM income_rise_decisions d
        WHERE d.enrolment_id = ? AND d.deleted_at IS NULL ORDER BY d.report_month, d.created_at, ${creationHlc('income_rise_decisions', 'd.id')}, d.rowid`,
    )
    .all(enrolmentId) as DecisionRow[];
}

/** The first month a decision sets the amount of. */
export function decisionStart(d: DecisionRow): string {
  return addMonths(d.report_month, 1);
}

/** The decision that sets the amount of the month, or null when none applies yet. */
export function basisDecision(store: Store, enrolmentId: string, month: string, decisions = decisionsOf(store, enrolmentId)): DecisionRow | null {
  let hit: DecisionRow | null = null;
  for (const d of decisions) {
    if (d.kind !== 'continue-exit' && decisionStart(d) <= month) hit = d;
  }
  return hit;
}

/** The gradual exit the enrolment is in (its deciding record), or null. */
export function exitUnderWay(store: Store, enrolmentId: string, decisions = decisionsOf(store, enrolmentId)): DecisionRow | null {
  return decisions.filter((d) => d.kind === 'gradual-exit').at(-1) ?? null;
}

/** The plan's 渐退 terms in force on a day (dated parameters; a missing one names itself). */
export function gradualExitTerms(store: Store, street: string, onDate: string): GradualExitTerms {
  const get = (k: string) => requireParam<number>(store, street, `dibao.gradualExit.${k}`, onDate);
  return { fullMonths: get('fullMonths'), fullPercent: get('fullPercent'), reducedMonths: get('reducedMonths'), reducedPercent: get('reducedPercent') };
}
