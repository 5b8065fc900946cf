/** Input schemas and output types of the issue ledger, referrals and watch ledger. */
import { z } from 'zod';
import { zCode, zDate, zId, zInstant, zInt, zOptText, zPage, zSearch, zText } from '../api/zh';
import { DEPARTMENTS, LEDGER_CATEGORIES, LEDGER_SOURCES, LEDGER_STATUSES, REVIEW_RESULTS } from './codes';
import { URGENCY_GRADES } from './deadlines';
import { LEDGER_ACTIONS } from './transitions';

/** A street of the district, chosen at a district device (ignored at a street device). */
export const zStreetCode = z.string({ error: '街道代码必须是文字' }).regex(/^\d{12}$/, { error: '街道代码应为12位数字' });

export const ProblemSchema = z.strictObject({
  personId: zId('当事人').nullish().transform((v) => v ?? null),
  category: zCode('问题类别', LEDGER_CATEGORIES),
  urgency: zCode('紧急程度', URGENCY_GRADES),
  description: zText('问题描述', { max: 500, multiline: true }),
});
export type ProblemInput = z.output<typeof ProblemSchema>;

export const CreateItemSchema = z.strictObject({
  ...ProblemSchema.shape,
  source: zCode('问题来源', LEDGER_SOURCES),
  householdId: zId('家庭'),
  handlerName: zOptText('经办人', 20),
  /** Clue marked 立即核查 by the district or city bureau. */
  immediate: z.boolean().default(false),
  /** A clue's own deadline (ISO instant), when it comes with one. */
  dueAt: zInstant('处置时限').nullish().transform((v) => v ?? null),
  /** At a district device: the street whose partition the item (a clue or assignment) goes to. */
  streetCode: zStreetCode.optional(),
});
export type CreateItemInput = z.output<typeof CreateItemSchema>;

export const ListItemsSchema = z.strictObject({
  status: z.union([zCode('状态', LEDGER_STATUSES), z.literal('open')]).optional(),
  urgency: zCode('紧急程度', URGENCY_GRADES).optional(),
  category: zCode('问题类别', LEDGER_CATEGORIES).optional(),
  source: zCode('问题来源', LEDGER_SOURCES).optional(),
  communityId: zId('社区').optional(),
  gridId: zId('网格').optional(),
  /** One household's items (e.g. the item a 重复登记 repeats). */
  householdId: zId('家庭').optional(),
  overdueOnly: z.boolean().optional(),
  /** Part of the handler's name (经办人). */
  handler: zSearch('经办人', 20).optional(),
  q: zSearch('搜索内容', 50).optional(),
  /** At a district device: only this street (omitted: every street). */
  streetCode: zStreetCode.optional(),
  ...zPage(),
});
export type ListItemsInput = z.output<typeof ListItemsSchema>;
export type LedgerFilter = Omit<ListItemsInput, 'page' | 'pageSize'>;

export const TransitionSchema = z.strictObject({
  id: zId('台账事项'),
  action: zCode('操作', LEDGER_ACTIONS),
  note: zOptText('情况说明', 500, { multiline: true }),
  measures: zOptText('救助措施', 500, { multiline: true }),
  result: zOptText('办理结果', 500, { multiline: true }),
  reason: zOptText('原因', 200, { multiline: true }),
  reviewResult: zCode('回头看结论', REVIEW_RESULTS).nullish().transform((v) => v ?? null),
  department: zCode('转介部门', DEPARTMENTS).nullish().transform((v) => v ?? null),
  departmentNote: zOptText('部门说明', 60),
  sentOn: zDate('转介日期').nullish().transform((v) => v ?? null),
  /** 重复登记: the item this one repeats. */
  duplicateOfId: zId('所重复的台账事项').nullish().transform((v) => v ?? null),
});
export type TransitionInputApi = z.output<typeof TransitionSchema>;

/** Correcting an item's 类别 and/or 紧急程度 after registration, with the reason. */
export const CorrectItemSchema = z.strictObject({
  id: zId('台账事项'),
  category: zCode('问题类别', LEDGER_CATEGORIES).optional(),
  urgency: zCode('紧急程度', URGENCY_GRADES).optional(),
  reason: zText('更正原因', { max: 200, multiline: true }),
});
export type CorrectItemInput = z.output<typeof CorrectItemSchema>;

export const ReferralReceiptSchema = z.strictObject({ referralId: zId('转介'), receivedOn: zDate('签收日期') });
export const ReferralReplySchema = z.strictObject({
  referralId: zId('转介'),
  repliedOn: zDate('回复日期'),
  reply: zText('部门回复', { max: 500, multiline: true }),
});

export const LookBackSchema = z.strictObject({
  from: zDate('开始日期'),
  to: zDate('结束日期'),
  /** Sample this share of the items closed in the period (1–100); omitted: all of them. */
  samplePercent: zInt('抽查比例', 1, 100, '%').optional(),
  /** At a district device: one street (omitted: every street). Ignored at a street device. */
  streetCode: zStreetCode.optional(),
});

export const WatchAddSchema = z.strictObject({
  householdId: zId('家庭'),
  personId: zId('人员').nullish().transform((v) => v ?? null),
  reason: zText('关注原因', { max: 300, multiline: true }),
});

export const WatchPromoteSchema = z.strictObject({
  id: zId('关注记录'),
  category: zCode('问题类别', LEDGER_CATEGORIES),
  urgency: zCode('紧急程度', URGENCY_GRADES),
  description: zText('问题描述', { max: 500, multiline: true }),
});

export interface LedgerRow {
  id: string;
  itemNo: string;
  streetCode: string;
  /** The street's name (shown at a district device, which lists every street). */
  streetName: string;
  source: string;
  householdId: string;
  headName: string;
  personName: string | null;
  address: string;
  communityName: string;
  gridName: string | null;
  category: string;
  urgency: string;
  immediate: boolean;
  description: string;
  status: string;
  registeredAt: string;
  verifyDueAt: string;
  dueAt: string;
  /** The deadline of the step the item is at. */
  currentDueAt: string;
  overdue: boolean;
  remainingMs: number;
  countdownText: string;
  handlerName: string | null;
  closedAt: string | null;
  reviewResult: string | null;
}

export interface LedgerEvent {
  id: string;
  at: string;
  username: string | null;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
}

export interface ReferralInfo {
  id: string;
  department: string;
  departmentNote: string | null;
  sentOn: string;
  receivedOn: string | null;
  repliedOn: string | null;
  reply: string | null;
  followUpAt: string;
  followUpDue: boolean;
}

export interface LedgerDetail extends LedgerRow {
  verification: string | null;
  measures: string | null;
  result: string | null;
  reviewNote: string | null;
  reviewedAt: string | null;
  visitId: string | null;
  /** 重复登记: the item this one repeats (its number for display). */
  duplicateOfId: string | null;
  duplicateOfNo: string | null;
  events: LedgerEvent[];
  referrals: ReferralInfo[];
  /** Actions the signed-in user may take now. */
  actions: string[];
}

export interface EscalationList {
  overdueItems: LedgerRow[];
  referralsToChase: (ReferralInfo & { itemId: string; itemNo: string; headName: string })[];
}

export interface WatchRow {
  id: string;
  streetCode: string;
  /** The street's name (shown at a district device, which lists every street). */
  streetName: string;
  householdId: string;
  headName: string;
  personName: string | null;
  address: string;
  reason: string;
  status: string;
  itemId: string | null;
  createdAt: string;
}
