/**
 * The amount an enrolment pays in a month: the gradual-exit schedule when one covers the month, a
 * fixed amount when set, otherwise the programme's rule applied to the standards in force on the
 * first day of that month.
 */
import { dibaoMonthlyAmount, firstDayOf } from '../../../../shared/policy';
import { CHILD_ALLOWANCES, childAllowanceStopMonth } from '../../../../shared/policy/age-end';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Programme } from '../../../../shared/assistance/codes';
import type { PaymentRow } from '../../../../shared/assistance/types';
import type { Store } from '../../store/store';
import { paramOn, requireParam } from '../policy/params';
import { dibaoStandard, requireAllowanceStandard } from './figures';
import { deathStopMonth } from './death-end';

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
  updated_at: string;
}

export const PAID_STATUSES = ['active', 'gradual-exit', 'exited'];

/** Whether the enrolment is paid in the month (by its months and status). */
export function paidIn(e: EnrolmentDbRow, month: string): boolean {
  if (!PAID_STATUSES.includes(e.status) || !e.start_month) return false;
  return e.start_month <= month && (e.end_month === null || month < e.end_month);
}

/**
 * The month a child allowance stops by age (the month after the birthday of the limit in force
 * today), or null for other programmes and unknown persons.
 */
export function ageStopMonth(store: Store, e: EnrolmentDbRow): string | null {
  if (!(CHILD_ALLOWANCES as readonly string[]).includes(e.programme) || !e.person_id) return null;
  const p = store.prepare('SELECT birth_date FROM persons WHERE id = ?').get(e.person_id) as { birth_date: string } | undefined;
  if (!p) return null;
  const limit = requireParam<number>(store, e.street_code, 'allowance.childAgeLimit', shanghaiDate(store.nowDate()));
  return childAllowanceStopMonth(p.birth_date, limit);
}

/** Paid in the month: by its months and status, and not past the end of the entitlement by age or death. */
export function payableIn(store: Store, e: EnrolmentDbRow, month: string): boolean {
  if (!paidIn(e, month)) return false;
  const stop = ageStopMonth(store, e);
  if (stop !== null && month >= stop) return false;
  const died = deathStopMonth(store, e);
  return died === null || month < died;
}

function scheduleEntry(store: Store, enrolmentId: string, month: string): { amountFen: number; percent: number } | null {
  const rows = store
    .prepare(
      `SELECT schedule FROM income_rise_decisions WHERE enrolment_id = ? AND kind = 'gradual-exit' AND deleted_at IS NULL
        ORDER BY created_at DESC`,
    )
    .all(enrolmentId) as { schedule: string }[];
  for (const r of rows) {
    const hit = (JSON.parse(r.schedule) as { month: string; amountFen: number; percent: number }[]).find((s) => s.month === month);
    if (hit) return hit;
  }
  return null;
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
export function ruleAmount(store: Store, e: EnrolmentDbRow, month: string): number {
  const on = firstDayOf(month);
  const street = e.street_code;
  switch (e.programme) {
    case 'dibao':
      return dibaoMonthlyAmount({
        standardFen: dibaoStandard(store, street, on),
        perCapitaIncomeFen: e.per_capita_income_fen ?? 0,
        coveredPersons: e.covered_persons,
      });
    case 'dibao-edge': {
      // Since 2019 Tianjin fixes the aid as an amount per household; before, a percent of the standard.
      const amount = paramOn(store, street, 'dibao-edge.aidAmount', on)?.value;
      if (typeof amount === 'number') return amount;
      const pct = requireParam<number>(store, street, 'dibao-edge.aidPercent', on);
      return Math.ceil((dibaoStandard(store, street, on) * pct) / 100);
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

export function amountFor(store: Store, e: EnrolmentDbRow, month: string): { amountFen: number; basis: PaymentRow['basis'] } {
  const s = scheduleEntry(store, e.id, month);
  if (s) return { amountFen: s.amountFen, basis: s.percent === 100 ? 'schedule-100' : 'schedule-50' };
  if (e.fixed_amount_fen !== null) return { amountFen: e.fixed_amount_fen, basis: 'fixed' };
  return { amountFen: ruleAmount(store, e, month), basis: 'standard' };
}
