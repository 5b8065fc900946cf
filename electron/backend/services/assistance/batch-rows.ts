/**
 * The rows of a month's payment batch, worked out from today's records: the month's regular
 * payments (the 发放花名册) and, for every earlier month since the programme's first confirmed
 * batch (whether or not that month has a batch of its own: nobody may have been payable then), the
 * difference between what is due for it now and what confirmed batches paid for it, as a 补发
 * (positive) or 扣回 (negative) row with its reason. Nothing here writes.
 */
import { AppError } from '../../../../shared/errors';
import type { Programme } from '../../../../shared/assistance/codes';
import { FROZEN_BATCH_STATUSES, type BatchRow } from '../../../../shared/assistance/batches';
import { addMonths, firstDayOf } from '../../../../shared/policy';
import { addDays, endOfShanghaiDay } from '../../../../shared/time/calendar-days';
import type { Store } from '../../store/store';
import { amountFor, coveredIn, payableIn, type EnrolmentDbRow } from './amounts';
import { heldEnrolmentReads, type EnrolmentReads } from './enrolment-reads';
import { runAtOnce } from '../../store/turns';
import { paymentListSteps, type WorkStep } from './payments';

/** A batch row as stored (full ID number): what is frozen at confirmation; shown masked (BatchRow). */
export type FullBatchRow = Omit<BatchRow, 'idMasked'> & { idNumber: string | null };

/** FROZEN_BATCH_STATUSES as an SQL list, for `status IN ${FROZEN_SQL}` (our own constants, never input). */
export const FROZEN_SQL = `(${FROZEN_BATCH_STATUSES.map((s) => `'${s}'`).join(', ')})`;

type Enrolment = EnrolmentDbRow & {
  deleted_at: string | null;
  household_deleted: string | null;
  community: string;
  community_order: number;
  address: string;
  bank_name: string | null;
  bank_account: string | null;
  person_name: string | null;
  person_id_number: string | null;
};

function enrolmentsOf(store: Store, street: string, programme: Programme): Enrolment[] {
  return store
    .prepare(
      `SELECT e.*, h.deleted_at AS household_deleted, c.name AS community, c.sort_order AS community_order, h.address,
          h.bank_name, h.bank_account, p.name AS person_name, p.id_number AS person_id_number
         FROM enrolments e JOIN households h ON h.id = e.household_id JOIN communities c ON c.id = h.community_id
         LEFT JOIN persons p ON p.id = COALESCE(e.person_id,
           (SELECT hp.id FROM persons hp WHERE hp.household_id = e.household_id AND hp.relation = '02' AND hp.deleted_at IS NULL LIMIT 1))
        WHERE e.street_code = ? AND e.programme = ?
        ORDER BY c.sort_order, c.name, h.address, e.id`,
    )
    .all(street, programme) as Enrolment[];
}

/** What is due for the month today: amountFor when payable (0 otherwise), with the month's covered persons. */
export function dueFor(
  store: Store,
  e: EnrolmentDbRow & Pick<Enrolment, 'deleted_at' | 'household_deleted'>,
  month: string,
  reads?: EnrolmentReads,
): { amountFen: number; coveredPersons: number; basis: string; figures: unknown } {
  if (e.deleted_at !== null || e.household_deleted !== null || !payableIn(store, e, month, reads?.deathStop, reads)) {
    return { amountFen: 0, coveredPersons: coveredIn(store, e, month, reads?.memberChanges(e.id)), basis: 'stopped', figures: null };
  }
  try {
    const a = amountFor(store, e, month, reads);
    return { amountFen: a.amountFen, coveredPersons: a.coveredPersons, basis: a.basis, figures: (a as { figures?: unknown }).figures ?? null };
  } catch (err) {
    if (err instanceof AppError) throw new AppError(err.code, `${month} 补发扣回无法计算：${err.message}`, { field: err.field });
    throw err;
  }
}

interface Paid {
  amountFen: number;
  /** The latest confirmation of a batch that paid something for the month. */
  confirmedAt: string;
}

/** Sum of frozen rows per enrolment for a month, across confirmed batches of the programme. */
function paidFor(store: Store, street: string, programme: Programme, month: string): Map<string, Paid> {
  const rows = store
    .prepare(
      `SELECT r.enrolment_id AS id, SUM(r.amount_fen) AS amount, MAX(b.confirmed_at) AS confirmed_at
         FROM payment_batch_rows r JOIN payment_batches b ON b.id = r.batch_id
        WHERE b.street_code = ? AND b.programme = ? AND b.status IN ${FROZEN_SQL} AND r.for_month = ?
        GROUP BY r.enrolment_id`,
    )
    .all(street, programme, month) as { id: string; amount: number; confirmed_at: string }[];
  return new Map(rows.map((r) => [r.id, { amountFen: r.amount, confirmedAt: r.confirmed_at }]));
}

/**
 * Why what is due for a month differs from what was paid: the latest record made after the payment
 * was confirmed that bears on it (an exit, an income decision, a policy figure in force in the month,
 * entered or corrected since).
 */
function reasonFor(store: Store, e: Enrolment, month: string, since: string, dueFen: number): { reason: string; sourceRef: string | null } {
  const step = store
    .prepare(
      `SELECT id, step, note FROM enrolment_steps WHERE enrolment_id = ? AND created_at > ? AND deleted_at IS NULL
        ORDER BY created_at DESC, id DESC`,
    )
    .all(e.id, since) as { id: string; step: string; note: string | null }[];
  const exit = step.find((s) => s.step === 'exit');
  if (dueFen === 0 && exit) return { reason: exit.note?.includes('死亡') ? '死亡' : '退出', sourceRef: `enrolment_steps:${exit.id}` };
  const decision = store
    .prepare('SELECT id FROM income_rise_decisions WHERE enrolment_id = ? AND created_at > ? AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1')
    .get(e.id, since) as { id: string } | undefined;
  if (decision) return { reason: '收入变化', sourceRef: `income_rise_decisions:${decision.id}` };
  const review = step.find((s) => s.step === 'amount-review' || s.step === 'periodic-review');
  if (review) return { reason: '收入变化', sourceRef: `enrolment_steps:${review.id}` };
  const lastDay = addDays(firstDayOf(addMonths(month, 1)), -1);
  const param = store
    .prepare(
      `SELECT id FROM policy_params WHERE street_code IN (?, 'district') AND updated_at > ? AND effective_from <= ? AND deleted_at IS NULL
        ORDER BY updated_at DESC, id DESC LIMIT 1`,
    )
    .get(e.street_code, since, lastDay) as { id: string } | undefined;
  if (param) return { reason: '标准调整', sourceRef: `policy_params:${param.id}` };
  if (exit) return { reason: '退出', sourceRef: `enrolment_steps:${exit.id}` };
  const approve = step.find((s) => s.step === 'approve');
  if (approve) return { reason: '追溯批准', sourceRef: `enrolment_steps:${approve.id}` };
  return { reason: dueFen === 0 ? '停止发放' : '核定金额变化', sourceRef: null };
}

/**
 * The months a batch for `month` settles: every month from the programme's first confirmed batch on.
 * Months before it were paid outside the app's batches (a street's earlier lists, an import's 已在保
 * months), so they are never paid again here.
 */
export function settledMonths(store: Store, street: string, programme: Programme, month: string): string[] {
  const first = firstConfirmedMonth(store, street, programme);
  const months: string[] = [];
  for (let m = first ?? month; m < month; m = addMonths(m, 1)) months.push(m);
  return months;
}

/**
 * The later confirmed batch whose adjustments settled the month (null when none did): the month can
 * then have no batch of its own, which would pay it a second time.
 */
export function settledByLater(store: Store, street: string, programme: Programme, month: string): string | null {
  const first = firstConfirmedMonth(store, street, programme);
  if (first === null || first > month) return null;
  const r = store
    .prepare(
      `SELECT MIN(month) AS m FROM payment_batches WHERE street_code = ? AND programme = ? AND status IN ${FROZEN_SQL} AND month > ? AND deleted_at IS NULL`,
    )
    .get(street, programme, month) as { m: string | null };
  return r.m;
}

function firstConfirmedMonth(store: Store, street: string, programme: Programme): string | null {
  const r = store
    .prepare(`SELECT MIN(month) AS m FROM payment_batches WHERE street_code = ? AND programme = ? AND status IN ${FROZEN_SQL} AND deleted_at IS NULL`)
    .get(street, programme) as { m: string | null };
  return r.m;
}

/** The months the batch settles (oldest first), and the enrolments to look at in each. */
function adjustmentScope(store: Store, street: string, programme: Programme, month: string): { months: string[]; enrolments: Enrolment[] } {
  const months = settledMonths(store, street, programme, month);
  return { months, enrolments: months.length === 0 ? [] : enrolmentsOf(store, street, programme) };
}

/** Adjustment rows for the months of the scope (oldest month first), a step after each enrolment looked at. */
function* adjustments(
  store: Store,
  street: string,
  programme: Programme,
  { months, enrolments }: { months: string[]; enrolments: Enrolment[] },
  step: (done: number) => WorkStep,
): Generator<WorkStep, Omit<FullBatchRow, 'seq'>[]> {
  const out: Omit<FullBatchRow, 'seq'>[] = [];
  // Each enrolment's records are read once for all the months: nothing writes while a batch is worked
  // out (at once, or in turns of a yielding transaction that holds other writers back).
  const reads = heldEnrolmentReads(store);
  let done = 0;
  for (const m of months) {
    const paid = paidFor(store, street, programme, m);
    for (const e of enrolments) {
      yield step(done++);
      const p = paid.get(e.id);
      if (!p && (!e.start_month || e.start_month > m)) continue;
      const due = dueFor(store, e, m, reads);
      const diff = due.amountFen - (p?.amountFen ?? 0);
      if (diff === 0) continue;
      // A month paid nothing has no confirmation of its own for this enrolment: that of the month's batch.
      const since = p?.confirmedAt ?? closedAt(store, street, programme, m);
      out.push({
        kind: diff > 0 ? 'supplement' : 'recovery',
        forMonth: m,
        enrolmentId: e.id,
        householdId: e.household_id,
        personId: e.person_id,
        name: e.person_name,
        idNumber: e.person_id_number,
        community: e.community,
        address: e.address,
        coveredPersons: due.coveredPersons,
        amountFen: diff,
        basis: due.basis,
        figures: due.figures,
        ...reasonFor(store, e, m, since, due.amountFen),
        bankName: e.bank_name,
        bankAccount: e.bank_account,
      });
    }
  }
  return out;
}

/**
 * When the month was closed: its batch's confirmation, or, for a month no batch was confirmed for
 * (nobody was payable), its last instant; a record made after that reaches back into it.
 */
function closedAt(store: Store, street: string, programme: Programme, month: string): string {
  const r = store
    .prepare(
      `SELECT MIN(confirmed_at) AS at FROM payment_batches WHERE street_code = ? AND programme = ? AND month = ? AND status IN ${FROZEN_SQL}`,
    )
    .get(street, programme, month) as { at: string | null };
  return r.at ?? endOfShanghaiDay(addDays(firstDayOf(addMonths(month, 1)), -1));
}

/** The rows a batch for the month would hold if confirmed now: regular rows, then adjustments. */
export function computeBatchRows(store: Store, street: string, programme: Programme, month: string): FullBatchRow[] {
  return runAtOnce(batchRowsSteps(store, street, programme, month));
}

/**
 * computeBatchRows one enrolment at a time (a step after each: the month's list, then each confirmed
 * earlier month), for work that gives other calls a turn. The same reads and rows, in the same order.
 */
export function* batchRowsSteps(store: Store, street: string, programme: Programme, month: string): Generator<WorkStep, FullBatchRow[]> {
  const scope = adjustmentScope(store, street, programme, month);
  const later = scope.months.length * scope.enrolments.length;
  let listed = 0;
  const list = yield* withSteps(paymentListSteps(store, street, programme, month), (s) => {
    listed = s.total;
    return { done: s.done, total: s.total + later };
  });
  const regular: Omit<FullBatchRow, 'seq'>[] = list.rows.map((r) => ({
    kind: 'regular',
    forMonth: month,
    enrolmentId: r.enrolmentId,
    householdId: r.householdId,
    personId: r.personId,
    name: r.name,
    idNumber: r.idNumber,
    community: r.communityName,
    address: r.address,
    coveredPersons: r.coveredPersons,
    amountFen: r.amountFen,
    basis: r.basis,
    figures: r.figures ?? null,
    reason: null,
    sourceRef: null,
    bankName: r.bankName,
    bankAccount: r.bankAccount,
  }));
  const adj = yield* adjustments(store, street, programme, scope, (done) => ({ done: listed + done, total: listed + later }));
  return [...regular, ...withinMonth(regular, adj)].map((r, i) => ({ seq: i + 1, ...r }));
}

/** The steps of a generator told otherwise (its result unchanged). */
function* withSteps<S, T, R>(steps: Generator<S, R>, map: (s: S) => T): Generator<T, R> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    yield map(next.value);
  }
}

/**
 * 扣回 never takes more than the month pays the enrolment: the bank cannot pay a negative amount, so a
 * larger recovery is capped here and the rest comes back by itself in the next batch (the month is
 * still overpaid). An enrolment the month no longer pays keeps its whole 扣回, listed as to be
 * recovered by other means (the bank file has no line for it).
 */
function withinMonth(regular: Omit<FullBatchRow, 'seq'>[], adj: Omit<FullBatchRow, 'seq'>[]): Omit<FullBatchRow, 'seq'>[] {
  const room = new Map<string, number>();
  for (const r of regular) room.set(r.enrolmentId, (room.get(r.enrolmentId) ?? 0) + r.amountFen);
  for (const r of adj) if (r.amountFen > 0) room.set(r.enrolmentId, (room.get(r.enrolmentId) ?? 0) + r.amountFen);
  const out: Omit<FullBatchRow, 'seq'>[] = [];
  for (const r of adj) {
    if (r.amountFen >= 0) {
      out.push(r);
      continue;
    }
    if (!regular.some((x) => x.enrolmentId === r.enrolmentId)) {
      out.push({ ...r, reason: `${r.reason ?? '扣回'}（本月无发放，须另行追缴）` });
      continue;
    }
    const left = room.get(r.enrolmentId) ?? 0;
    const take = Math.min(left, -r.amountFen);
    if (take === 0) continue;
    room.set(r.enrolmentId, left - take);
    out.push(take === -r.amountFen ? r : { ...r, amountFen: -take, reason: `${r.reason ?? '扣回'}（以当月应发为限，余额下月续扣）` });
  }
  return out;
}
