/**
 * reports.* procedures of the 报送 and the district view (issue 15): a street submits a frozen copy
 * of a complete month's report (a later one is a new version with its reason); a district PC
 * compares the streets' latest versions, ranks them on the plan's measures and drafts a 通报, which
 * the streets it names see once published.
 */
import { z } from 'zod';
import { proc, STAFF } from '../api/proc';
import { zId, zMonth, zOptText, zText } from '../api/zh';
import { zStreetCode } from '../ledger/schemas';
import type { MonthlyReport, StreetRanking } from './monthly-report';
import type { ReportComparison } from './compare';
import type { LaggingLines } from './lagging';

export interface SubmissionSummary {
  id: string;
  streetCode: string;
  streetName: string;
  month: string;
  version: number;
  reason: string | null;
  submittedAt: string;
  submittedByName: string;
  /** Newest version of its street and month. */
  latest: boolean;
}

export interface Submission extends SubmissionSummary {
  report: MonthlyReport;
}

export interface RankingResult extends StreetRanking {
  /** The lagging lines used: the policy record in force on the month's last day. */
  lines: LaggingLines & { effectiveFrom: string; note: string | null };
}

export const CIRCULAR_STATUSES = ['draft', 'published'] as const;
export type CircularStatus = (typeof CIRCULAR_STATUSES)[number];

export interface Circular {
  id: string;
  month: string;
  title: string;
  docNumber: string;
  body: string;
  /** The streets named (codes, with names). */
  streets: { code: string; name: string }[];
  status: CircularStatus;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  publishedBy: string | null;
}

export interface CircularDraft {
  month: string;
  title: string;
  docNumber: string;
  body: string;
  streetCodes: string[];
}

const DISTRICT = ['district-admin'] as const;
const SUBMITTERS = ['supervisor', 'street-admin'] as const;
const month = (label = '月份') => z.strictObject({ month: zMonth(label) });

const circularFields = {
  month: zMonth('通报月份'),
  title: zText('通报标题', { max: 100 }),
  docNumber: zOptText('文号', 40).transform((v) => v ?? ''),
  body: zText('通报正文', { max: 20000, multiline: true }),
  streetCodes: z.array(zStreetCode).max(20, { error: '通报点名的街道不能超过20个' }),
};

export const reportSnapshotProcedures = {
  /** 报送: freezes the month's report (the month must have ended); a later one needs the reason. */
  'reports.submit': proc<Submission>()(
    z.strictObject({ month: zMonth('报送月份'), reason: zOptText('更正原因', 500, { multiline: true }) }),
    SUBMITTERS,
  ),
  /** Submitted versions, newest first (a street's own; a district user's of every street, or the one chosen). */
  'reports.submissions': proc<SubmissionSummary[]>()(
    z.strictObject({ month: zMonth('月份').optional(), streetCode: zStreetCode.optional() }),
    STAFF,
  ),
  /** One submitted version with its frozen report. */
  'reports.submission': proc<Submission>()(z.strictObject({ id: zId('报送记录') }), STAFF),
  /** District: every Dongli street's latest submitted version, table by table, and the district total. */
  'reports.compare': proc<ReportComparison>()(month(), DISTRICT),
  /** District: the streets ranked on the plan's measures, lagging ones marked with reasons. */
  'reports.ranking': proc<RankingResult>()(month(), DISTRICT),
  /** District: a new 通报 draft from the month's ranking (not saved). */
  'reports.circularDraft': proc<CircularDraft>()(month('通报月份'), DISTRICT),
  /** District: saves a 通报 draft (new without id; an existing draft with it). */
  'reports.saveCircular': proc<Circular>()(z.strictObject({ id: zId('通报').optional(), ...circularFields }), DISTRICT),
  'reports.publishCircular': proc<Circular>()(z.strictObject({ id: zId('通报') }), DISTRICT),
  /** District: every 通报, drafts included, newest first. */
  'reports.districtCirculars': proc<Circular[]>()(z.strictObject({ month: zMonth('月份').optional() }), DISTRICT),
  /** The published 通报 naming the user's street (a district user: every published one), newest first. */
  'reports.circulars': proc<Circular[]>()(z.strictObject({}), STAFF),
  /** One 通报 (print): a street may open only a published one that names it. */
  'reports.circular': proc<Circular>()(z.strictObject({ id: zId('通报') }), STAFF),
} as const;
