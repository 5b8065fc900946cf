/**
 * The monthly payment list (发放花名册) of a programme: every enrolment paid in the month, with the
 * amount from its schedule, fixed amount or the standards in force that month; totals per community.
 */
import { AppError } from '../../../../shared/errors';
import type { Programme } from '../../../../shared/assistance/codes';
import type { PaymentList, PaymentRow } from '../../../../shared/assistance/types';
import { maskIdNumber } from '../../../../shared/id-number';
import type { Store } from '../../store/store';
import { runAtOnce } from '../../store/turns';
import { amountFor, payableIn, PAID_STATUSES, type EnrolmentDbRow } from './amounts';

type Joined = EnrolmentDbRow & {
  community_name: string;
  community_order: number;
  address: string;
  bank_name: string | null;
  bank_account: string | null;
  person_name: string | null;
  person_id_number: string | null;
};

/** A payment row with the full ID number: for the audited Excel export (the bank needs it) only. */
export type PaymentRowFull = Omit<PaymentRow, 'idMasked'> & { idNumber: string | null; figures?: unknown };
export type PaymentListFull = Omit<PaymentList, 'rows'> & { rows: PaymentRowFull[] };

/** The list as shown on screen and printed: ID numbers masked. */
export function paymentList(store: Store, street: string, programme: Programme, month: string): PaymentList {
  const { rows, ...rest } = paymentListFull(store, street, programme, month);
  return { ...rest, rows: rows.map(({ idNumber, figures: _f, ...r }) => ({ ...r, idMasked: idNumber === null ? null : maskIdNumber(idNumber) })) };
}

export function paymentListFull(store: Store, street: string, programme: Programme, month: string): PaymentListFull {
  return runAtOnce(paymentListSteps(store, street, programme, month));
}

/** Work done of a long computation, in enrolments worked out: a step between two of them. */
export interface WorkStep {
  done: number;
  total: number;
}

/** paymentListFull one enrolment at a time (a step after each), for work that gives other calls a turn. */
export function* paymentListSteps(store: Store, street: string, programme: Programme, month: string): Generator<WorkStep, PaymentListFull> {
  const rows = store
    .prepare(
      `SELECT e.*, c.name AS community_name, c.sort_order AS community_order, h.address, h.bank_name, h.bank_account,
          p.name AS person_name, p.id_number AS person_id_number
         FROM enrolments e JOIN households h ON h.id = e.household_id JOIN communities c ON c.id = h.community_id
         LEFT JOIN persons p ON p.id = COALESCE(e.person_id,
           (SELECT hp.id FROM persons hp WHERE hp.household_id = e.household_id AND hp.relation = '02' AND hp.deleted_at IS NULL LIMIT 1))
        WHERE e.street_code = ? AND e.programme = ? AND e.deleted_at IS NULL AND h.deleted_at IS NULL
          AND e.status IN (${PAID_STATUSES.map(() => '?').join(', ')})
          AND e.start_month <= ? AND (e.end_month IS NULL OR ? < e.end_month OR e.status = 'gradual-exit')
        ORDER BY c.sort_order, c.name, h.address`,
    )
    .all(street, programme, ...PAID_STATUSES, month, month) as Joined[];
  const out: PaymentRowFull[] = [];
  let done = 0;
  for (const r of rows) {
    yield { done: done++, total: rows.length };
    if (!payableIn(store, r, month)) continue;
    let amount: ReturnType<typeof amountFor>;
    try {
      amount = amountFor(store, r, month);
    } catch (err) {
      if (err instanceof AppError) throw new AppError(err.code, `${month} 花名册无法生成：${err.message}`, { field: err.field });
      throw err;
    }
    out.push({
      enrolmentId: r.id,
      householdId: r.household_id,
      personId: r.person_id,
      name: r.person_name,
      idNumber: r.person_id_number,
      communityName: r.community_name,
      address: r.address,
      coveredPersons: amount.coveredPersons,
      amountFen: amount.amountFen,
      basis: amount.basis,
      // What amountFor gives beyond the amount (the figures and rule versions used), kept by a batch.
      figures: (amount as { figures?: unknown }).figures ?? null,
      bankName: r.bank_name,
      bankAccount: r.bank_account,
    });
  }
  const byCommunity = new Map<string, { communityName: string; count: number; totalFen: number }>();
  for (const r of out) {
    const c = byCommunity.get(r.communityName) ?? { communityName: r.communityName, count: 0, totalFen: 0 };
    c.count++;
    c.totalFen += r.amountFen;
    byCommunity.set(r.communityName, c);
  }
  return {
    programme,
    month,
    rows: out,
    communities: [...byCommunity.values()],
    totalFen: out.reduce((s, r) => s + r.amountFen, 0),
  };
}
