/**
 * A household's payments by month: for each of its paid enrolments and each month up to this one,
 * what that month's payment list pays it, by the list's own rule (payableIn, amountFor). The file
 * reads payments only through here, so that it can read confirmed payment batches instead once
 * the monthly lists become batches.
 */
import { addMonths } from '../../../../shared/policy/months';
import { AppError } from '../../../../shared/errors';
import type { HouseholdPayment } from '../../../../shared/household/types';
import type { Store } from '../../store/store';
import { amountFor, payableIn, PAID_STATUSES, type EnrolmentDbRow } from '../assistance/amounts';

/** How far back the file lists months. */
const MONTHS_SHOWN = 36;

export function householdPayments(store: Store, street: string, householdId: string, thisMonth: string): HouseholdPayment[] {
  const rows = store
    .prepare(
      `SELECT e.*, COALESCE(p.name, (SELECT hp.name FROM persons hp WHERE hp.household_id = e.household_id AND hp.relation = '02' AND hp.deleted_at IS NULL LIMIT 1)) AS person_name
         FROM enrolments e LEFT JOIN persons p ON p.id = e.person_id
        WHERE e.household_id = ? AND e.street_code = ? AND e.deleted_at IS NULL AND e.start_month IS NOT NULL
          AND e.status IN (${PAID_STATUSES.map(() => '?').join(', ')})`,
    )
    .all(householdId, street, ...PAID_STATUSES) as (EnrolmentDbRow & { person_name: string | null })[];
  const first = addMonths(thisMonth, -(MONTHS_SHOWN - 1));
  const out: HouseholdPayment[] = [];
  for (const e of rows) {
    for (let m = e.start_month! > first ? e.start_month! : first; m <= thisMonth; m = addMonths(m, 1)) {
      const base = { month: m, enrolmentId: e.id, programme: e.programme, name: e.person_name };
      try {
        if (!payableIn(store, e, m)) continue;
        const a = amountFor(store, e, m);
        out.push({ ...base, amountFen: a.amountFen, basis: a.basis, problem: null });
      } catch (err) {
        // A missing figure is shown on its month, as the payment list names it, not hidden.
        if (!(err instanceof AppError)) throw err;
        out.push({ ...base, amountFen: null, basis: null, problem: err.message });
      }
    }
  }
  return out.sort((a, b) => b.month.localeCompare(a.month) || a.programme.localeCompare(b.programme));
}
