/**
 * Work lists of the 救助政策 area and their Excel exports: 应补尽补 filtered by problem, community and
 * grid, with counts per problem; 临时救助 paid in a period, by type and community, with totals.
 */
import { z } from 'zod';
import { proc, STAFF } from '../api/proc';
import type { CodeItem } from '../codes';
import { zCode, zDate, zId, zMonth } from '../api/zh';
import type { FileOut } from '../registry/types';
import { TEMP_TYPES } from './codes';
import type { EntitlementGap } from './types';

const list = <const T extends readonly CodeItem[]>(items: T): T => items;

export const GAP_PROBLEMS = list([
  { code: 'missing', label: '应享未享' },
  { code: 'off-standard', label: '未按标准发放' },
  { code: 'should-exit', label: '应退尽退' },
  { code: 'review', label: '须复核' },
] as const);
export type GapProblem = EntitlementGap['problem'];

export const GapFilterSchema = z.strictObject({
  onDate: zDate('核查日期').optional(),
  problem: zCode('问题类型', GAP_PROBLEMS).optional(),
  communityId: zId('社区').optional(),
  gridId: zId('网格').optional(),
});
export type GapFilter = z.output<typeof GapFilterSchema>;

export interface GapListRow extends EntitlementGap {
  gridName: string | null;
}

export interface GapList {
  onDate: string;
  rows: GapListRow[];
  /** Per problem, within the community and grid chosen (whatever problem is chosen). */
  counts: Record<GapProblem, number>;
}

export const TemporaryPaymentFilterSchema = z
  .strictObject({
    fromMonth: zMonth('起始月份'),
    toMonth: zMonth('截止月份'),
    type: zCode('救助类型', TEMP_TYPES).optional(),
    communityId: zId('社区').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.fromMonth > v.toMonth) ctx.addIssue({ code: 'custom', path: ['toMonth'], message: '截止月份不能早于起始月份' });
  });
export type TemporaryPaymentFilter = z.output<typeof TemporaryPaymentFilterSchema>;

export interface TemporaryPaymentRow {
  id: string;
  householdId: string;
  name: string | null;
  idMasked: string | null;
  communityName: string;
  type: 'urgent' | 'expenditure';
  reason: string;
  /** The amount recorded on the application: never changed afterwards. */
  amountFen: number;
  approver: 'street' | 'district';
  /** The Shanghai day of the payment. */
  paidOn: string;
}

export interface TemporaryPaymentTotal {
  count: number;
  totalFen: number;
}

export interface TemporaryPayments {
  rows: TemporaryPaymentRow[];
  total: TemporaryPaymentTotal;
  byType: Record<'urgent' | 'expenditure', TemporaryPaymentTotal>;
  byCommunity: (TemporaryPaymentTotal & { communityName: string })[];
}

export const assistanceListProcedures = {
  'assistance.gapList': proc<GapList>()(GapFilterSchema, STAFF),
  /** The filtered 应补尽补 list as Excel (full ID numbers, audited). */
  'assistance.exportGaps': proc<FileOut>()(GapFilterSchema, STAFF),
  'assistance.temporaryPayments': proc<TemporaryPayments>()(TemporaryPaymentFilterSchema, STAFF),
  /** The filtered 临时救助 payments as Excel (full ID numbers, audited). */
  'assistance.exportTemporaryPayments': proc<FileOut>()(TemporaryPaymentFilterSchema, STAFF),
} as const;
