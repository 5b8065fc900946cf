/**
 * A household's payments by month: for each of its paid enrolments and each month up to this one,
 * what the month's confirmed batch froze for it (its row, with the persons it covered, and any 补发/扣回 it carried), or, for a month
 * not confirmed yet, what the month's list pays it by the rules (payableIn, amountFor).
 */
import { addMonths } from '../../../../shared/policy/months';
import { AppError } from '../../../../shared/errors';
import type { HouseholdPayment } from '../../../../shared/household/types';
import type { Store } from '../../store/store';
import { amountFor, payableIn, PAID_STATUSES, type EnrolmentDbRow } from '../assistance/amounts';
import { FROZEN_SQL } from '../assistance/batch-rows';

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
  const frozen = frozenByMonth(store, street, householdId);
  const out: HouseholdPayment[] = [];
  for (const e of rows) {
    for (let m = e.start_month! > first ? e.start_month! : first; m <= thisMonth; m = addMonths(m, 1)) {
      const base = { month: m, enrolmentId: e.id, programme: e.programme, name: e.person_name, adjustmentFen: 0 };
      const batch = frozen.batches.get(`${e.programme}|${m}`);
      if (batch) {
        const f = frozen.rows.get(`${e.id}|${m}`);
        if (f) out.push({ ...base, amountFen: f.regularFen, coveredPersons: f.coveredPersons, basis: f.basis, problem: null, batchStatus: batch, adjustmentFen: f.adjustmentFen });
        continue;
      }
      try {
        if (!payableIn(store, e, m)) continue;
        const a = amountFor(store, e, m);
        out.push({ ...base, amountFen: a.amountFen, coveredPersons: a.coveredPersons, basis: a.basis, problem: null, batchStatus: null });
      } catch (err) {
        // A missing figure is shown on its month, as the payment list names it, not hidden.
        if (!(err instanceof AppError)) throw err;
        out.push({ ...base, amountFen: null, coveredPersons: null, basis: null, problem: err.message, batchStatus: null });
      }
    }
  }
  return out.sort((a, b) => b.month.localeCompare(a.month) || a.programme.localeCompare(b.programme));
}

type Basis = HouseholdPayment['basis'];

/** The household's rows in confirmed batches, by enrolment and batch month; and which months are confirmed. */
function frozenByMonth(store: Store, street: string, householdId: string) {
  const batches = new Map<string, 'confirmed' | 'paid'>();
  for (const b of store
    .prepare(`SELECT programme, month, status FROM payment_batches WHERE street_code = ? AND status IN ${FROZEN_SQL} AND deleted_at IS NULL`)
    .all(street) as { programme: string; month: string; status: 'confirmed' | 'paid' }[]) {
    batches.set(`${b.programme}|${b.month}`, b.status);
  }
  const rows = new Map<string, { regularFen: number | null; coveredPersons: number | null; basis: Basis; adjustmentFen: number }>();
  for (const r of store
    .prepare(
      `SELECT r.enrolment_id, b.month, r.kind, r.amount_fen, r.covered_persons, r.basis FROM payment_batch_rows r JOIN payment_batches b ON b.id = r.batch_id
        WHERE r.household_id = ? AND b.street_code = ? AND b.status IN ${FROZEN_SQL} AND r.deleted_at IS NULL`,
    )
    .all(householdId, street) as { enrolment_id: string; month: string; kind: string; amount_fen: number; covered_persons: number; basis: string }[]) {
    const key = `${r.enrolment_id}|${r.month}`;
    const cur = rows.get(key) ?? { regularFen: null, coveredPersons: null, basis: null, adjustmentFen: 0 };
    if (r.kind === 'regular') rows.set(key, { ...cur, regularFen: r.amount_fen, coveredPersons: r.covered_persons, basis: r.basis as Basis });
    else rows.set(key, { ...cur, adjustmentFen: cur.adjustmentFen + r.amount_fen });
  }
  return { batches, rows };
}
