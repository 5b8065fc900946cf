/** Reads of enrolments: rows for lists, detail with steps and income-rise decisions. */
import { AppError } from '../../../../shared/errors';
import { monthOf } from '../../../../shared/policy';
import type { EnrolmentDetail, EnrolmentRow, IncomeRiseRow } from '../../../../shared/assistance/types';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { EnrolmentStatus } from '../../../../shared/assistance/codes';
import type { Store } from '../../store/store';
import { creationHlc } from '../../store/creation-order';
import { formFor, oneRowQuery } from '../one-row-query';
import { amountFor, heldBySuspension, payableIn, type EnrolmentDbRow } from './amounts';

const SELECT = `SELECT e.*, c.name AS community_name,
    COALESCE(p.name, (SELECT h2.name FROM persons h2 WHERE h2.household_id = e.household_id AND h2.relation = '02' AND h2.deleted_at IS NULL LIMIT 1)) AS person_name
  FROM enrolments e JOIN households h ON h.id = e.household_id JOIN communities c ON c.id = h.community_id
  LEFT JOIN persons p ON p.id = e.person_id`;

type Joined = EnrolmentDbRow & { community_name: string; person_name: string | null };

export function loadEnrolment(store: Store, street: string, id: string): EnrolmentDbRow {
  const r = store.prepare('SELECT * FROM enrolments WHERE id = ? AND street_code = ? AND deleted_at IS NULL').get(id, street) as
    | EnrolmentDbRow
    | undefined;
  if (!r) throw new AppError('not-found', '保障记录不存在', { field: 'id' });
  return r;
}

function toRow(store: Store, r: Joined, month: string): EnrolmentRow {
  let currentAmountFen: number | null = null;
  if (payableIn(store, r, month)) {
    try {
      currentAmountFen = amountFor(store, r, month).amountFen;
    } catch {
      currentAmountFen = null; // a missing parameter: shown as "—"; the payment list names it
    }
  }
  return {
    id: r.id,
    programme: r.programme,
    householdId: r.household_id,
    personId: r.person_id,
    name: r.person_name,
    communityName: r.community_name,
    status: r.status as EnrolmentStatus,
    coveredPersons: r.covered_persons,
    perCapitaIncomeFen: r.per_capita_income_fen,
    startMonth: r.start_month,
    endMonth: r.end_month,
    fixedAmountFen: r.fixed_amount_fen,
    currentAmountFen,
    exitHeld: heldBySuspension(store, r) !== null && r.end_month !== null && r.end_month <= month,
    source: r.source === 'import' ? 'import' : null,
    importConfirmed: r.import_confirmed_at != null,
    updatedAt: r.updated_at,
  };
}

/** The enrolments list, street-wide or of one household (the household file, each time it is opened: by its index). */
export const ENROLMENT_LIST = oneRowQuery(
  ({ onlyOne }) => `${SELECT} WHERE e.street_code = @street AND e.deleted_at IS NULL AND (@programme IS NULL OR e.programme = @programme)
         AND (@status IS NULL OR e.status = @status) ${onlyOne('e.household_id', 'household')}
       ORDER BY e.updated_at DESC LIMIT 2000`,
);

export function listEnrolments(
  store: Store,
  street: string,
  f: { programme?: string; status?: string; householdId?: string },
): EnrolmentRow[] {
  const rows = store
    .prepare(formFor(ENROLMENT_LIST, f.householdId))
    .all({ street, programme: f.programme ?? null, status: f.status ?? null, household: f.householdId ?? null }) as Joined[];
  const month = monthOf(shanghaiDate(store.nowDate()));
  return rows.map((r) => toRow(store, r, month));
}

export function enrolmentDetail(store: Store, street: string, id: string): EnrolmentDetail {
  loadEnrolment(store, street, id);
  const r = store.prepare(`${SELECT} WHERE e.id = ?`).get(id) as Joined;
  const steps = store
    // steps at one instant in the order they were created, as every PC holds it (creation-order.ts)
    .prepare(
      `SELECT s.id, s.step, s.at, s.username, s.note, s.detail FROM enrolment_steps s WHERE s.enrolment_id = ? AND s.deleted_at IS NULL
        ORDER BY s.at, ${creationHlc('enrolment_steps', 's.id')}, s.rowid`,
    )
    .all(id) as { id: string; step: string; at: string; username: string | null; note: string | null; detail: string | null }[];
  const rises = store
    .prepare('SELECT * FROM income_rise_decisions WHERE enrolment_id = ? AND deleted_at IS NULL ORDER BY created_at DESC')
    .all(id) as {
    id: string;
    report_month: string;
    kind: IncomeRiseRow['kind'];
    monthly_amount_fen: number | null;
    schedule: string | null;
    exit_month: string | null;
    input: string;
    created_at: string;
  }[];
  return {
    ...toRow(store, r, monthOf(shanghaiDate(store.nowDate()))),
    publicFrom: r.public_from,
    publicTo: r.public_to,
    notes: r.notes,
    steps: steps.map((s) => ({ ...s, detail: s.detail ? (JSON.parse(s.detail) as unknown) : null })),
    incomeRises: rises.map((d) => ({
      id: d.id,
      reportMonth: d.report_month,
      kind: d.kind,
      monthlyAmountFen: d.monthly_amount_fen,
      schedule: d.schedule ? (JSON.parse(d.schedule) as IncomeRiseRow['schedule']) : null,
      exitMonth: d.exit_month,
      input: JSON.parse(d.input) as unknown,
      createdAt: d.created_at,
    })),
  };
}
