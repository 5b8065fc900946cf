/**
 * Payment batches (发放批次, issue 12): 生成 (pending: rows are the live computation, not stored),
 * 确认 (the rows are computed once, stored and frozen, with a digest), 已发放 (the bank file's digest
 * recorded). A confirmed batch is never confirmed again nor changed by anyone: an attempt is refused
 * and audited (and the database's triggers and the district server refuse it too).
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../../../shared/errors';
import { labelOf, type Role } from '../../../../shared/codes';
import { PROGRAMMES, type Programme } from '../../../../shared/assistance/codes';
import { SUPERVISORS } from '../../../../shared/api/proc';
import { BATCH_STATUSES, FROZEN_BATCH_STATUSES, type BatchRow, type BatchStatus, type PaymentBatch, type PaymentBatchDetail } from '../../../../shared/assistance/batches';
import { maskIdNumber } from '../../../../shared/id-number';
import type { Actor, Store } from '../../store/store';
import { batchIdOf, batchRowIdOf } from './batch-ids';
import { batchRowsSteps, computeBatchRows, settledByLater, type FullBatchRow } from './batch-rows';
import type { WorkStep } from './payments';
import { runWithTurns } from '../../store/turns';
import { bankFileBytes } from './bank-file';
import { replacedNote } from './batch-replaced';

interface BatchDbRow {
  id: string;
  street_code: string;
  programme: Programme;
  month: string;
  status: BatchStatus;
  generated_at: string;
  generated_by: string | null;
  confirmed_at: string | null;
  confirmed_by: string | null;
  paid_at: string | null;
  paid_by: string | null;
  row_count: number | null;
  total_fen: number | null;
  digest: string | null;
  bank_file_digest: string | null;
}

function batchRow(store: Store, street: string, id: string): BatchDbRow | null {
  return (
    (store.prepare('SELECT * FROM payment_batches WHERE id = ? AND street_code = ? AND deleted_at IS NULL').get(id, street) as
      | BatchDbRow
      | undefined) ?? null
  );
}

function requireBatch(store: Store, street: string, id: string): BatchDbRow {
  const b = batchRow(store, street, id);
  if (!b) throw new AppError('not-found', '发放批次不存在', { field: 'id' });
  return b;
}

function title(b: Pick<BatchDbRow, 'programme' | 'month'>): string {
  return `${labelOf(PROGRAMMES, b.programme)} ${b.month} 发放批次`;
}

/** The frozen rows of a confirmed batch, in order (full ID numbers). */
export function frozenRows(store: Store, batchId: string): FullBatchRow[] {
  const rows = store
    .prepare('SELECT * FROM payment_batch_rows WHERE batch_id = ? ORDER BY seq')
    .all(batchId) as Record<string, unknown>[];
  return rows.map((r) => ({
    seq: r.seq as number,
    kind: r.kind as FullBatchRow['kind'],
    forMonth: r.for_month as string,
    enrolmentId: r.enrolment_id as string,
    householdId: r.household_id as string,
    personId: r.person_id as string | null,
    name: r.name as string | null,
    idNumber: r.id_number as string | null,
    community: r.community as string,
    address: r.address as string,
    coveredPersons: r.covered_persons as number,
    amountFen: r.amount_fen as number,
    basis: r.basis as string,
    figures: r.figures === null ? null : (JSON.parse(r.figures as string) as unknown),
    reason: r.reason as string | null,
    sourceRef: r.source_ref as string | null,
    bankName: r.bank_name as string | null,
    bankAccount: r.bank_account as string | null,
  }));
}

/** sha256 of the canonical frozen rows: every stored field in a fixed order, one JSON array per row. */
export function rowsDigest(rows: FullBatchRow[]): string {
  const canonical = rows.map((r) => [
    r.seq, r.kind, r.forMonth, r.enrolmentId, r.householdId, r.personId, r.name, r.idNumber, r.community, r.address,
    r.coveredPersons, r.amountFen, r.basis, r.figures ?? null, r.reason, r.sourceRef, r.bankName, r.bankAccount,
  ]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** The batch's rows: frozen once confirmed, else today's computation. */
export function rowsOf(store: Store, b: BatchDbRow): FullBatchRow[] {
  return FROZEN_BATCH_STATUSES.includes(b.status) ? frozenRows(store, b.id) : computeBatchRows(store, b.street_code, b.programme, b.month);
}

function summary(b: BatchDbRow, rows: FullBatchRow[] | null): PaymentBatch {
  return {
    id: b.id,
    programme: b.programme,
    month: b.month,
    status: b.status,
    generatedAt: b.generated_at,
    generatedBy: b.generated_by,
    confirmedAt: b.confirmed_at,
    confirmedBy: b.confirmed_by,
    paidAt: b.paid_at,
    paidBy: b.paid_by,
    rowCount: b.row_count ?? rows?.length ?? 0,
    totalFen: b.total_fen ?? rows?.reduce((s, r) => s + r.amountFen, 0) ?? 0,
    digest: b.digest,
    bankFileDigest: b.bank_file_digest,
  };
}

function masked(r: FullBatchRow): BatchRow {
  const { idNumber, ...rest } = r;
  return { ...rest, idMasked: idNumber === null ? null : maskIdNumber(idNumber) };
}

/** Rows and amounts per community, in the rows' order. */
export function communityTotals(rows: FullBatchRow[]): PaymentBatchDetail['communities'] {
  const byCommunity = new Map<string, { community: string; count: number; totalFen: number }>();
  for (const r of rows) {
    const c = byCommunity.get(r.community) ?? { community: r.community, count: 0, totalFen: 0 };
    c.count++;
    c.totalFen += r.amountFen;
    byCommunity.set(r.community, c);
  }
  return [...byCommunity.values()];
}

function detail(store: Store, b: BatchDbRow, rows = rowsOf(store, b)): PaymentBatchDetail {
  return {
    ...summary(b, rows),
    rows: rows.map(masked),
    communities: communityTotals(rows),
    supplementFen: rows.filter((r) => r.kind === 'supplement').reduce((s, r) => s + r.amountFen, 0),
    recoveryFen: rows.filter((r) => r.kind === 'recovery').reduce((s, r) => s + r.amountFen, 0),
    replacedByDistrict: replacedNote(store, b.id),
  };
}

export interface BatchFilter {
  programme?: Programme;
  status?: BatchStatus;
}

function batchWhere(street: string, f: BatchFilter): { sql: string; args: unknown[] } {
  return {
    sql: 'street_code = ? AND deleted_at IS NULL AND (? IS NULL OR programme = ?) AND (? IS NULL OR status = ?)',
    args: [street, f.programme ?? null, f.programme ?? null, f.status ?? null, f.status ?? null],
  };
}

export function listBatches(store: Store, street: string, f: BatchFilter = {}): PaymentBatch[] {
  const w = batchWhere(street, f);
  const rows = store.prepare(`SELECT * FROM payment_batches WHERE ${w.sql} ORDER BY month DESC, programme`).all(...w.args) as BatchDbRow[];
  // A pending batch's count and total are of the live computation.
  return rows.map((b) => summary(b, b.status === 'pending' ? rowsOf(store, b) : null));
}

/** How many batches listBatches lists (the 工作台's figure), without the live computation of pending ones. */
export function countBatches(store: Store, street: string, f: BatchFilter = {}): number {
  const w = batchWhere(street, f);
  return (store.prepare(`SELECT count(*) AS n FROM payment_batches WHERE ${w.sql}`).get(...w.args) as { n: number }).n;
}

export function getBatch(store: Store, street: string, id: string): PaymentBatchDetail {
  return detail(store, requireBatch(store, street, id));
}

export function batchForMonth(store: Store, street: string, programme: Programme, month: string): PaymentBatchDetail | null {
  const b = batchRow(store, street, batchIdOf(street, programme, month));
  return b ? detail(store, b) : null;
}

/** An attempt on a frozen batch: audited, then refused; nothing else is written. */
function refuse(store: Store, actor: Actor, b: BatchDbRow, attempt: string, message: string, code: 'batch-frozen' | 'forbidden' = 'batch-frozen'): never {
  store.audit(actor, {
    action: 'batches.refused',
    summary: `拒绝${attempt}：${title(b)}（${message}）`,
    entity: 'payment_batches',
    entityId: b.id,
    detail: { attempt, status: b.status, code },
  });
  throw new AppError(code, message, { field: 'id' });
}

function frozenMessage(b: BatchDbRow): string {
  return `${title(b)}已于确认时冻结（${labelOf(BATCH_STATUSES, b.status)}），不能重复确认或修改；差额请在下一个未确认的批次中以补发或扣回处理`;
}

/** A month a later confirmed batch has settled (with 补发 / 扣回) cannot have a batch of its own. */
function refuseSettled(store: Store, street: string, b: Pick<BatchDbRow, 'programme' | 'month'>, what: string): void {
  const later = settledByLater(store, street, b.programme, b.month);
  if (later === null) return;
  throw new AppError(
    'not-applicable',
    `${later} 的发放批次已确认，${b.month} 的应发金额已在其中以补发、扣回结算；${title(b)}不能再${what}，否则将重复发放`,
    { field: 'month' },
  );
}

/** 生成: creates the pending batch of a programme and month (again: the batch as it is). */
export function generateBatch(store: Store, actor: Actor, programme: Programme, month: string): PaymentBatchDetail {
  const existing = generable(store, actor, programme, month);
  if (!existing) {
    // Computed once now, so that a batch that cannot be worked out (a missing figure) is not created.
    computeBatchRows(store, actor.streetCode, programme, month);
    insertPending(store, actor, programme, month);
  }
  return getBatch(store, actor.streetCode, batchIdOf(actor.streetCode, programme, month));
}

/**
 * generateBatch as long work (the procedure): the rows are worked out once, one enrolment at a
 * time, in one transaction that gives the backend's other calls a turn between them (the call gate
 * holds other writes back meanwhile); `onStep` hears the progress. The same batch and rows.
 */
export async function generateBatchYielding(
  store: Store,
  actor: Actor,
  programme: Programme,
  month: string,
  onStep: (s: WorkStep) => void,
): Promise<PaymentBatchDetail> {
  // A refusal is audited: outside the transaction, which a refusal would roll back.
  const existing = generable(store, actor, programme, month);
  return store.txYielding(async () => {
    const rows = await runWithTurns(batchRowsSteps(store, actor.streetCode, programme, month), onStep);
    if (!existing) insertPending(store, actor, programme, month);
    // A pending batch's rows are the live computation, which the insert does not change (it reads confirmed batches only).
    return detail(store, requireBatch(store, actor.streetCode, batchIdOf(actor.streetCode, programme, month)), rows);
  });
}

/** The pending batch of the month if there is one, null if none; a confirmed one is refused. */
function generable(store: Store, actor: Actor, programme: Programme, month: string): BatchDbRow | null {
  const existing = batchRow(store, actor.streetCode, batchIdOf(actor.streetCode, programme, month));
  if (existing && existing.status !== 'pending') refuse(store, actor, existing, '重新生成', frozenMessage(existing));
  refuseSettled(store, actor.streetCode, { programme, month }, '生成');
  return existing;
}

function insertPending(store: Store, actor: Actor, programme: Programme, month: string): void {
  store.insert(
    'payment_batches',
    {
      id: batchIdOf(actor.streetCode, programme, month),
      streetCode: actor.streetCode,
      programme,
      month,
      status: 'pending',
      generatedAt: store.nowIso(),
      generatedBy: actor.username,
    },
    actor,
    { action: 'batches.generate', summary: `生成${title({ programme, month })}` },
  );
}

/** 确认: stores the rows once (frozen) with their digest; supervisors and administrators only. */
export function confirmBatch(store: Store, actor: Actor, role: Role, id: string): PaymentBatchDetail {
  const b = requireBatch(store, actor.streetCode, id);
  if (!SUPERVISORS.includes(role)) refuse(store, actor, b, '确认', '确认发放批次须由街道负责人或管理员办理，经办人员不能确认', 'forbidden');
  if (b.status !== 'pending') refuse(store, actor, b, '重复确认', frozenMessage(b));
  refuseSettled(store, b.street_code, b, '确认');
  store.tx(() => {
    const rows = computeBatchRows(store, b.street_code, b.programme, b.month);
    if (rows.length === 0) throw new AppError('invalid-transition', `${title(b)}没有发放明细，不能确认`, { field: 'id' });
    for (const r of rows) {
      store.insert(
        'payment_batch_rows',
        {
          id: batchRowIdOf(b.id, r.kind, r.forMonth, r.enrolmentId),
          streetCode: b.street_code,
          batchId: b.id,
          seq: r.seq,
          kind: r.kind,
          forMonth: r.forMonth,
          enrolmentId: r.enrolmentId,
          householdId: r.householdId,
          personId: r.personId,
          name: r.name,
          idNumber: r.idNumber,
          community: r.community,
          address: r.address,
          coveredPersons: r.coveredPersons,
          amountFen: r.amountFen,
          basis: r.basis,
          figures: r.figures ?? null,
          reason: r.reason,
          sourceRef: r.sourceRef,
          bankName: r.bankName,
          bankAccount: r.bankAccount,
        },
        actor,
        null,
      );
    }
    // The digest of the rows as stored (read back), so that it can be checked against the store later.
    const stored = frozenRows(store, b.id);
    const totalFen = stored.reduce((s, r) => s + r.amountFen, 0);
    store.update(
      'payment_batches',
      b.id,
      { status: 'confirmed', confirmedAt: store.nowIso(), confirmedBy: actor.username, rowCount: stored.length, totalFen, digest: rowsDigest(stored) },
      actor,
      {
        action: 'batches.confirm',
        summary: `确认${title(b)}：${stored.length}条，合计${(totalFen / 100).toFixed(2)}元`,
        detail: { rows: stored.length, totalFen },
      },
    );
  });
  return getBatch(store, actor.streetCode, id);
}

/** 已发放: the bank file is exported from the frozen rows and its digest kept with the batch. */
export function markBatchPaid(store: Store, actor: Actor, id: string): PaymentBatchDetail {
  const b = requireBatch(store, actor.streetCode, id);
  if (b.status === 'paid') refuse(store, actor, b, '重复标记已发放', `${title(b)}已于 ${b.paid_at} 标记为已发放，不能重复办理`);
  if (b.status !== 'confirmed') throw new AppError('invalid-transition', `${title(b)}尚未确认，确认后方可标记已发放`, { field: 'id' });
  const digest = createHash('sha256').update(bankFileBytes(frozenRows(store, b.id))).digest('hex');
  store.update('payment_batches', b.id, { status: 'paid', paidAt: store.nowIso(), paidBy: actor.username, bankFileDigest: digest }, actor, {
    action: 'batches.markPaid',
    summary: `${title(b)}标记为已发放（银行代发文件 sha256 ${digest.slice(0, 12)}…）`,
    detail: { bankFileDigest: digest },
  });
  return getBatch(store, actor.streetCode, id);
}

/** A batch and its rows (full ID numbers), for the exports. */
export function batchWithRows(store: Store, street: string, id: string): { batch: BatchDbRow; rows: FullBatchRow[] } {
  const b = requireBatch(store, street, id);
  return { batch: b, rows: rowsOf(store, b) };
}

/** For the exports: a confirmed batch (its frozen rows are what is exported). */
export function requireFrozen(store: Store, street: string, id: string, what: string): { batch: BatchDbRow; rows: FullBatchRow[] } {
  const b = requireBatch(store, street, id);
  if (!FROZEN_BATCH_STATUSES.includes(b.status)) throw new AppError('invalid-transition', `${title(b)}尚未确认，确认后方可导出${what}`, { field: 'id' });
  return { batch: b, rows: frozenRows(store, b.id) };
}

export { title as batchTitle };
export type { BatchDbRow };
