/**
 * Monthly payment batches (发放批次, issue 12): types and the batches.* procedures. A batch is
 * generated 待确认 (its rows are the live computation), confirmed by a 街道负责人 or administrator
 * (the rows are then stored and frozen) and marked 已发放 with the bank file exported.
 */
import { z } from 'zod';
import { proc, STAFF, SUPERVISORS } from '../api/proc';
import { zCode, zId, zMonth } from '../api/zh';
import type { FileOut } from '../registry/types';
import { PROGRAMMES, type Programme } from './codes';
import type { CodeItem } from '../codes';

export const BATCH_STATUSES = [
  { code: 'pending', label: '待确认' },
  { code: 'confirmed', label: '已确认' },
  { code: 'paid', label: '已发放' },
] as const satisfies readonly CodeItem[];
export type BatchStatus = (typeof BATCH_STATUSES)[number]['code'];
/** Statuses whose rows are stored and never change again (the SQLite triggers and the server hold them too). */
export const FROZEN_BATCH_STATUSES: readonly BatchStatus[] = ['confirmed', 'paid'];

export const BATCH_ROW_KINDS = [
  { code: 'regular', label: '当月' },
  { code: 'supplement', label: '补发' },
  { code: 'recovery', label: '扣回' },
] as const satisfies readonly CodeItem[];
export type BatchRowKind = (typeof BATCH_ROW_KINDS)[number]['code'];

/** How a row's amount was set: amountFor's basis, or 'stopped' (not payable: an adjustment to 0). */
export const BATCH_BASES = [
  { code: 'standard', label: '按标准' },
  { code: 'schedule-100', label: '渐退100%' },
  { code: 'schedule-50', label: '渐退50%' },
  { code: 'fixed', label: '原金额' },
  { code: 'stopped', label: '停止发放' },
] as const satisfies readonly CodeItem[];

export interface BatchRow {
  seq: number;
  kind: BatchRowKind;
  /** The month the money concerns. */
  forMonth: string;
  enrolmentId: string;
  householdId: string;
  personId: string | null;
  name: string | null;
  /** Masked: the full number only in the audited exports. */
  idMasked: string | null;
  community: string;
  address: string;
  coveredPersons: number;
  /** Signed: a 扣回 row is negative. */
  amountFen: number;
  basis: string;
  figures: unknown;
  reason: string | null;
  sourceRef: string | null;
  bankName: string | null;
  bankAccount: string | null;
}

export interface PaymentBatch {
  id: string;
  programme: Programme;
  month: string;
  status: BatchStatus;
  generatedAt: string;
  generatedBy: string | null;
  confirmedAt: string | null;
  confirmedBy: string | null;
  paidAt: string | null;
  paidBy: string | null;
  /** Frozen at confirmation; for a pending batch, of the live computation. */
  rowCount: number;
  totalFen: number;
  digest: string | null;
  bankFileDigest: string | null;
}

export interface PaymentBatchDetail extends PaymentBatch {
  rows: BatchRow[];
  communities: { community: string; count: number; totalFen: number }[];
  /** Totals of the adjustment rows (补发 positive, 扣回 negative). */
  supplementFen: number;
  recoveryFen: number;
  /**
   * This PC confirmed the month too, offline, but the district had already a confirmation from another
   * PC: the batch shown is the district's; this PC's own (refused) is summed up here.
   */
  replacedByDistrict: BatchReplacedNote | null;
}

/** This PC's confirmation of a batch the district refused, and when the district's replaced it here. */
export interface BatchReplacedNote {
  at: string;
  local: { confirmedAt: string | null; confirmedBy: string | null; rowCount: number; totalFen: number };
}

const batchId = z.strictObject({ id: zId('发放批次') });

export const batchProcedures = {
  'batches.list': proc<PaymentBatch[]>()(
    z.strictObject({ programme: zCode('救助项目', PROGRAMMES).optional(), status: zCode('批次状态', BATCH_STATUSES).optional() }),
    STAFF,
  ),
  'batches.generate': proc<PaymentBatchDetail>()(
    z.strictObject({ programme: zCode('救助项目', PROGRAMMES), month: zMonth('发放月份') }),
    STAFF,
  ),
  /** The batch of a programme and month (batch null when not generated yet). */
  'batches.forMonth': proc<{ batch: PaymentBatchDetail | null }>()(
    z.strictObject({ programme: zCode('救助项目', PROGRAMMES), month: zMonth('发放月份') }),
    STAFF,
  ),
  'batches.get': proc<PaymentBatchDetail>()(batchId, STAFF),
  /** Caseworkers may call it only to be refused (and audited): the role check is the handler's. */
  'batches.confirm': proc<PaymentBatchDetail>()(batchId, STAFF),
  'batches.markPaid': proc<PaymentBatchDetail>()(batchId, SUPERVISORS),
  'batches.exportBankFile': proc<FileOut>()(batchId, STAFF),
  'batches.exportRoster': proc<FileOut>()(batchId, STAFF),
} as const;
