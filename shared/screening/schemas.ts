/** Input schemas and output types of screening visits, due lists and coverage. */
import { z } from 'zod';
import { zCode, zDate, zId, zJsonValue, zOptText, zPage, zText } from '../api/zh';
import { VISIT_METHODS } from '../ledger/codes';
import { ProblemSchema } from '../ledger/schemas';
import { SCREENING_POLICY_KEYS } from './policy-check';

const visitCommon = {
  visitedOn: zDate('走访日期'),
  method: zCode('走访方式', VISIT_METHODS),
  visitorName: zText('走访人', { max: 20 }),
};

export const RecordVisitSchema = z.strictObject({
  householdId: zId('家庭'),
  ...visitCommon,
  note: zOptText('走访情况', 500, { multiline: true }),
  problems: z.array(ProblemSchema, { error: '发现问题必须是列表' }).max(10, { error: '一次走访最多登记10个问题' }).default([]),
});
export type RecordVisitInput = z.output<typeof RecordVisitSchema>;

/** Households one round may record at once (a grid larger than this is recorded in several rounds). */
export const ROUND_MAX_HOUSEHOLDS = 2000;

export const RecordRoundSchema = z
  .strictObject({
    gridId: zId('网格'),
    ...visitCommon,
    /** Every household visited in the round; all normal except those listed in exceptions. */
    householdIds: z.array(zId('家庭'), { error: '走访家庭必须是列表' }).min(1, { error: '请至少选择一户' }).max(ROUND_MAX_HOUSEHOLDS, { error: `一次最多登记${ROUND_MAX_HOUSEHOLDS}户` }),
    exceptions: z
      .array(
        z.strictObject({
          householdId: zId('家庭'),
          note: zOptText('走访情况', 500, { multiline: true }),
          problems: z.array(ProblemSchema, { error: '发现问题必须是列表' }).max(10, { error: '一户最多登记10个问题' }).default([]),
        }),
      )
      .max(2000)
      .default([]),
  })
  .superRefine((v, ctx) => {
    const ids = new Set(v.householdIds);
    v.exceptions.forEach((e, i) => {
      if (!ids.has(e.householdId)) {
        ctx.addIssue({ code: 'custom', path: ['exceptions', i, 'householdId'], message: `第${i + 1}个例外的家庭不在本轮走访名单中` });
      }
    });
  });
export type RecordRoundInput = z.output<typeof RecordRoundSchema>;

const scope = {
  communityId: zId('社区').optional(),
  gridId: zId('网格').optional(),
};

export const DueListSchema = z.strictObject({
  list: z.enum(['today', 'week', 'overdue'], { error: '名单类别无效' }),
  ...scope,
  /** A grid worker's name: only the grids they work. */
  worker: zOptText('网格员', 20),
  page: z.number({ error: '页码必须是数字' }).int().min(1, { error: '页码至少为1' }).default(1),
  /** Up to 2,000: a grid's whole round fits in one page. */
  pageSize: z
    .number({ error: '每页条数必须是数字' })
    .int()
    .min(1, { error: '每页条数至少为1' })
    .max(2000, { error: '每页条数不能超过2000' })
    .default(50),
});

export const CoverageSchema = z.strictObject({
  period: z.enum(['day', 'week', 'month'], { error: '统计周期无效' }),
  date: zDate('日期'),
  ...scope,
});

export const ListVisitsSchema = z.strictObject({
  householdId: zId('家庭').optional(),
  ...scope,
  from: zDate('开始日期').optional(),
  to: zDate('结束日期').optional(),
  ...zPage(),
});

export const SetPolicySchema = z.strictObject({
  key: z.enum(SCREENING_POLICY_KEYS, { error: '参数无效' }),
  value: zJsonValue('参数值'),
  effectiveFrom: zDate('生效日期'),
  note: zOptText('说明', 300, { multiline: true }),
  retroactiveReason: zOptText('追溯原因', 200, { multiline: true }),
});

export interface DueRow {
  householdId: string;
  headName: string;
  address: string;
  communityId: string;
  communityName: string;
  gridId: string | null;
  gridName: string | null;
  workerName: string | null;
  memberCount: number;
  cadence: string;
  because: string[];
  lastVisitOn: string | null;
  dueOn: string;
  daysOverdue: number;
}

export interface DueList {
  today: string;
  list: 'today' | 'week' | 'overdue';
  /** Households on the list in scope (all pages). */
  total: number;
  page: number;
  pageSize: number;
  /** This page: by due date, then address in Chinese collation order. */
  rows: DueRow[];
}

export interface CoverageRow {
  key: string;
  name: string;
  communityName?: string;
  workerName?: string | null;
  due: number;
  done: number;
  overdue: number;
  pending: number;
  /** Coverage in per mille of due (done × 1000 / due), integer; 1000 when nothing is due. */
  coveragePermille: number;
}

export interface Coverage {
  period: 'day' | 'week' | 'month';
  start: string;
  end: string;
  total: CoverageRow;
  communities: CoverageRow[];
  grids: CoverageRow[];
}

export interface VisitRow {
  id: string;
  householdId: string;
  headName: string;
  address: string;
  visitedOn: string;
  method: string;
  visitorName: string;
  situation: string;
  note: string | null;
  itemIds: string[];
}

export interface RecordVisitResult {
  visitId: string;
  itemIds: string[];
}

export interface RoundResult {
  visits: number;
  problems: number;
  itemIds: string[];
}

export interface PolicyRecordOut {
  key: string;
  value: unknown;
  effectiveFrom: string;
  note: string | null;
}

export interface ScreeningPolicy {
  inForce: PolicyRecordOut[];
  history: PolicyRecordOut[];
}
