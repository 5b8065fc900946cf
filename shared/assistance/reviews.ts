/**
 * 复审 on schedule (issue 17): the due / overdue reviews of enrolled households and the review
 * itself, which re-runs the income rules of an income report (shared/policy/review.ts has the cycles).
 */
import { z } from 'zod';
import { proc, STAFF } from '../api/proc';
import type { CodeItem } from '../codes';
import { zCode, zDate, zId } from '../api/zh';
import type { IncomeAssessment } from '../policy/income';
import type { IncomeRiseDecision } from '../policy/income-rise';
import { REVIEWED_PROGRAMMES, type ReviewCycle, type ReviewState } from '../policy/review';
import { PROGRAMMES } from './codes';
import { IncomeRiseSchema } from './procedures';

const list = <const T extends readonly CodeItem[]>(items: T): T => items;

/** The programmes reviewed on a cycle, with their labels. */
export const REVIEW_PROGRAMME_ITEMS = PROGRAMMES.filter((p) => REVIEWED_PROGRAMMES.includes(p.code));

export const REVIEW_STATES = list([
  { code: 'overdue', label: '逾期未复审' },
  { code: 'due', label: '即将到期' },
  { code: 'later', label: '未到期' },
] as const);

export const REVIEW_CYCLES = list([
  { code: 'stable', label: '每年' },
  /** 低保 with a member able to work and no steady wage. */
  { code: 'unsteady', label: '每半年' },
] as const);

/** What a review decided. */
export const REVIEW_OUTCOMES = list([
  { code: 'continue', label: '继续保障' },
  { code: 'change-amount', label: '调整金额' },
  { code: 'gradual-exit', label: '渐退' },
  { code: 'exit', label: '退出' },
] as const);
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number]['code'];

export const ReviewsDueFilterSchema = z.strictObject({
  /** Default: overdue and due; 'later' lists the rest, 'all' everything. */
  state: z.enum(['open', 'overdue', 'due', 'later', 'all'], { error: '复审状态无效' }).default('open'),
  programme: zCode('救助项目', REVIEW_PROGRAMME_ITEMS).optional(),
  communityId: zId('社区').optional(),
});
export type ReviewsDueFilter = z.output<typeof ReviewsDueFilterSchema>;

export interface ReviewDueRow {
  enrolmentId: string;
  householdId: string;
  programme: string;
  name: string | null;
  communityName: string;
  cycle: ReviewCycle;
  /** Null when no cycle was in force on the base day (the parameter is missing). */
  cycleMonths: number | null;
  /**
   * The day the cycle starts: the last review, else the approval, else (an enrolment imported from the
   * street's existing data) the day it was imported, else the first payment month.
   */
  baseOn: string;
  baseKind: 'review' | 'approve' | 'import' | 'start';
  dueOn: string | null;
  state: ReviewState | null;
}

/** What a review cycle counts from, as the list and a refusal name it. */
export const REVIEW_BASE_LABELS: Record<ReviewDueRow['baseKind'], string> = { review: '上次复审', approve: '审批', import: '导入', start: '开始发放' };

export interface ReviewsDue {
  today: string;
  rows: ReviewDueRow[];
  /** Within the programme and community chosen, whatever state is chosen. */
  counts: Record<ReviewState, number>;
}

/** The review: the income report's fields (the same rules), its day, and for 特困 the decision taken. */
export const ReviewSchema = IncomeRiseSchema.omit({ reportMonth: true, reportedOn: true })
  .extend({
    reviewedOn: zDate('复审日期').optional(),
    selfReported: z.boolean({ error: '是否主动申报必须选择' }).default(false),
    riseFromEmployment: z.boolean({ error: '是否因劳动就业增收必须选择' }).default(false),
    /** 特困 (no income test): continue or end; ignored for the income-tested programmes. */
    outcome: z.enum(['continue', 'exit'], { error: '复审结论无效' }).optional(),
  })
  .strict();

export interface ReviewPreview {
  programme: string;
  reviewedOn: string;
  outcome: ReviewOutcome;
  /** In words: the line and the figures (for the dialog and the step). */
  explanation: string;
  /** 低保: the income report's assessment and decision. */
  assessment: IncomeAssessment | null;
  decision: IncomeRiseDecision | null;
  previousMonthlyAmountFen: number | null;
  /** The next review after this one (none after an exit or a gradual exit). */
  nextDueOn: string | null;
  cycle: ReviewCycle;
  cycleMonths: number | null;
}

export const reviewProcedures = {
  'assistance.reviewsDue': proc<ReviewsDue>()(ReviewsDueFilterSchema, STAFF),
  /** What recording the review would decide; writes nothing. */
  'assistance.previewReview': proc<ReviewPreview>()(ReviewSchema, STAFF),
  'assistance.recordReview': proc<ReviewPreview>()(ReviewSchema, STAFF),
} as const;
