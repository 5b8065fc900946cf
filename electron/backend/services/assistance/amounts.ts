/**
 * The amount an enrolment pays in a month: what the decision in force that month sets (decisions.ts:
 * a gradual-exit schedule, an amount held while exits are suspended, a reassessed income), else the
 * income assessed at approval (or an imported fixed amount); the programme's rule is applied to the
 * standards in force on the first day of that month. A later decision never changes an earlier month.
 */
import { addMonths, dibaoMonthlyAmount, edgeAid, firstDayOf, monthOf } from '../../../../shared/policy';
import { EXIT_SUSPENSION_RULE, exitAllowed } from '../../../../shared/policy/exit-rule';
import { CHILD_ALLOWANCES, childAllowanceStopMonth } from '../../../../shared/policy/age-end';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Programme } from '../../../../shared/assistance/codes';
import type { PaymentRow } from '../../../../shared/assistance/types';
import type { Store } from '../../store/store';
import { missingParam, paramOn, requireParam } from '../policy/params';
import { dibaoStandard, flag, requireAllowanceStandard } from './figures';
import { basisDecision, decisionInput, exitUnderWay, scheduleOf, type DecisionRow } from './decisions';
import { deathStopMonth, type DeathStop } from './death-end';
import type { EnrolmentReads } from './enrolment-reads';

export interface EnrolmentDbRow {
  id: string;
  street_code: string;
  programme: Programme;
  household_id: string;
  person_id: string | null;
  status: string;
  covered_persons: number;
  per_capita_income_fen: number | null;
  start_month: string | null;
  end_month: string | null;
  fixed_amount_fen: number | null;
  public_from: string | null;
  public_to: string | null;
  notes: string | null;
  /** 'import' for an enrolment entered from existing data (imported.ts). */
  source?: string | null;
  import_confirmed_at?: string | null;
  updated_at: string;
}

export const PAID_STATUSES = ['active', 'gradual-exit', 'exited'];

/** What deciding whether an enrolment is paid in a month reads of it (a whole-street read selects only these). */
export type PayableRow = Pick<EnrolmentDbRow, 'id' | 'street_code' | 'programme' | 'household_id' | 'person_id' | 'status' | 'start_month' | 'end_month'>;
/** The columns of PayableRow, for a SELECT. */
export const PAYABLE_COLUMNS = 'id, street_code, programme, household_id, person_id, status, start_month, end_month';

/** Whether the enrolment is paid in the month (by its months and status). */
export function paidIn(e: PayableRow, month: string): boolean {
  if (!PAID_STATUSES.includes(e.status) || !e.start_month) return false;
  return e.start_month <= month && (e.end_month === null || month < e.end_month);
}

/**
 * The month a child allowance stops by age (the month after the birthday of the limit in force
 * today), or null for other programmes and unknown persons.
 */
export function ageStopMonth(store: Store, e: PayableRow): string | null {
  if (!(CHILD_ALLOWANCES as readonly string[]).includes(e.programme) || !e.person_id) return null;
  const p = store.prepare('SELECT birth_date FROM persons WHERE id = ?').get(e.person_id) as { birth_date: string } | undefined;
  if (!p) return null;
  const limit = requireParam<number>(store, e.street_code, 'allowance.childAgeLimit', shanghaiDate(store.nowDate()));
  return childAllowanceStopMonth(p.birth_date, limit);
}

/**
 * A gradual exit whose end falls inside a suspension of exits (work plan 二(五)) does not end: the
 * household is held until a review decides, unless both of the rule's answers were recorded when the
 * exit was decided. Read on the day the exit would take effect (the 1st of its end month).
 */
export function heldBySuspension(store: Store, e: PayableRow, reads?: EnrolmentReads): DecisionRow | null {
  if (e.status !== 'gradual-exit' || !e.end_month) return null;
  const d = exitUnderWay(store, e.id, reads?.decisions(e.id));
  if (!d) return null;
  const a = decisionInput(d);
  return exitAllowed(flag(store, e.street_code, 'epidemic.exitsSuspended', firstDayOf(e.end_month)), a) ? null : d;
}
export { EXIT_SUSPENSION_RULE };

/** Paid in the month: by its months and status (or held at a gradual exit's end), and not past the end by age or death. */
export function payableIn(
  store: Store,
  e: PayableRow,
  month: string,
  deathStop: DeathStop = (x) => deathStopMonth(store, x),
  reads?: EnrolmentReads,
): boolean {
  const ended = e.end_month !== null && month >= e.end_month;
  if (ended ? !(e.start_month && e.start_month <= month && heldBySuspension(store, e, reads)) : !paidIn(e, month)) return false;
  const stop = ageStopMonth(store, e);
  if (stop !== null && month >= stop) return false;
  const died = deathStop(e);
  return died === null || month < died;
}

function selfCareOf(store: Store, personId: string | null): string {
  if (!personId) return 'full';
  const r = store.prepare('SELECT self_care FROM persons WHERE id = ?').get(personId) as { self_care: string } | undefined;
  return r?.self_care ?? 'full';
}

/** 城市特困 one figure; 农村 by arrangement (集中 / 分散), as 津民规〔2025〕6号 sets them. */
function tekunSupportKey(store: Store, e: EnrolmentDbRow): string {
  const h = store.prepare('SELECT hukou_type FROM households WHERE id = ?').get(e.household_id) as { hukou_type: string | null } | undefined;
  if (h?.hukou_type === 'urban') return 'tekun.support.urban';
  return e.programme === 'tekun-home' ? 'tekun.support.home' : 'tekun.support.institution';
}

/** The amount by the programme's rule and the standards in force in the month (no schedule). */
export function ruleAmount(store: Store, e: EnrolmentDbRow, month: string, perCapitaIncomeFen = e.per_capita_income_fen ?? 0): number {
  const on = firstDayOf(month);
  const street = e.street_code;
  switch (e.programme) {
    case 'dibao':
      return dibaoMonthlyAmount({
        standardFen: dibaoStandard(store, street, on),
        perCapitaIncomeFen,
        coveredPersons: e.covered_persons,
      });
    case 'dibao-edge': {
      const aid = edgeAid({
        aidAmount: paramOn(store, street, 'dibao-edge.aidAmount', on),
        aidPercent: paramOn(store, street, 'dibao-edge.aidPercent', on),
        standardFen: () => dibaoStandard(store, street, on),
      });
      // Neither figure in force: refused, naming the percent (the figure that applies when no amount is set).
      if (aid === null) throw missingParam('dibao-edge.aidPercent', on);
      return aid.fen;
    }
    case 'tekun-home':
    case 'tekun-institution': {
      const support = requireParam<number>(store, street, tekunSupportKey(store, e), on);
      // Every care level needs its figure (0 is a figure): a missing one is an error, never a silent 0.
      const care = requireParam<number>(store, street, `tekun.care.${selfCareOf(store, e.person_id)}`, on);
      return support + care;
    }
    default:
      return requireAllowanceStandard(store, street, e.programme, on);
  }
}

export type AmountBasis = PaymentRow['basis'];

/** The amount of a month with what it rests on (frozen with a confirmed payment row). */
export interface MonthAmount {
  amountFen: number;
  /** The persons covered in the month (coveredIn), recorded with the row: never today's number. */
  coveredPersons: number;
  basis: AmountBasis;
  figures: { decisionId: string | null; perCapitaIncomeFen?: number; standardFen?: number; percent?: number };
}

/**
 * Covered persons in a month: a member gone (died, left) counts until the month their 'member-change'
 * step takes effect, so a change never reaches into earlier months.
 */
export function coveredIn(store: Store, e: EnrolmentDbRow, month: string, steps = memberChanges(store, e.id)): number {
  // Each change counts back in for the months before it takes effect (they may be recorded in any order).
  let covered = e.covered_persons;
  for (const s of steps) {
    const d = s.detail ? (JSON.parse(s.detail) as { from?: number; to?: number; fromMonth?: string }) : {};
    if (typeof d.from !== 'number' || typeof d.to !== 'number') continue;
    const fromMonth = d.fromMonth ?? addMonths(monthOf(shanghaiDate(new Date(s.at))), 1);
    if (fromMonth > month) covered += d.from - d.to;
  }
  return covered;
}

/** The enrolment's 'member-change' steps (coveredIn). */
export function memberChanges(store: Store, enrolmentId: string): MemberChange[] {
  return store
    .prepare("SELECT at, detail FROM enrolment_steps WHERE enrolment_id = ? AND step = 'member-change' AND deleted_at IS NULL")
    .all(enrolmentId) as MemberChange[];
}
export interface MemberChange {
  at: string;
  detail: string | null;
}

/** `reads`: the enrolment's records read once for many months (a batch's 补发扣回, enrolment-reads.ts). */
export function amountFor(store: Store, row: EnrolmentDbRow, month: string, reads?: EnrolmentReads): MonthAmount {
  const e = { ...row, covered_persons: coveredIn(store, row, month, reads?.memberChanges(row.id)) };
  const d = basisDecision(store, e.id, month, reads?.decisions(e.id));
  const coveredPersons = e.covered_persons;
  if (d?.kind === 'gradual-exit') {
    const schedule = scheduleOf(d);
    const hit = schedule.find((s) => s.month === month);
    // Past the schedule only when held by a suspension: the exit pauses at the amount it had reached.
    const entry = hit ?? schedule.at(-1)!;
    const basis: AmountBasis = !hit ? 'held' : entry.percent === schedule[0]!.percent ? 'schedule-100' : 'schedule-50';
    return { amountFen: entry.amountFen, coveredPersons, basis, figures: { decisionId: d.id, percent: entry.percent } };
  }
  if (d?.kind === 'suspended' && d.monthly_amount_fen !== null) {
    return { amountFen: d.monthly_amount_fen, coveredPersons, basis: 'fixed', figures: { decisionId: d.id } };
  }
  if (d === null && e.fixed_amount_fen !== null) return { amountFen: e.fixed_amount_fen, coveredPersons, basis: 'fixed', figures: { decisionId: null } };
  // A 'stay' decision reassessed the income; before any decision the approval's assessment applies.
  const perCapita = d?.kind === 'stay' ? (decisionInput(d).assessment?.perCapitaFen ?? e.per_capita_income_fen ?? 0) : (e.per_capita_income_fen ?? 0);
  const amountFen = ruleAmount(store, e, month, perCapita);
  const figures: MonthAmount['figures'] = { decisionId: d?.id ?? null };
  if (e.programme === 'dibao') Object.assign(figures, { perCapitaIncomeFen: perCapita, standardFen: dibaoStandard(store, e.street_code, firstDayOf(month)) });
  return { amountFen, coveredPersons, basis: 'standard', figures };
}
