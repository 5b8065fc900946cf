/**
 * The monthly 调度 report of one street (issue 15): the shape every part shares. The backend builds
 * it, the 统计报表 page shows it, the Excel export and the print route lay it out, a 报送 freezes it as
 * a snapshot, and the district view compares streets' frozen copies. Tables are generic (rows × columns
 * of numbers) so that a frozen copy keeps showing the tables and definitions it was made with, even
 * after a later release adds a column.
 */
import { z } from 'zod';

/** What a column's numbers are: a count, money in fen, or a share in basis points (10000 = 100 %). */
export const REPORT_UNITS = ['count', 'fen', 'bp'] as const;
export type ReportUnit = (typeof REPORT_UNITS)[number];

/** The tables of the report, in print order (work plan 二 and 四(四): the measures the district follows). */
export const MONTHLY_TABLE_KEYS = [
  'screening', // 排查覆盖: by group and community, planned / done / overdue
  'problems', // 发现问题: by category, grade and source
  'ledger', // 台账流转: opened, closed, within limit, overdue, referred, 回头看
  'temporary', // 临时救助: applications, urgent within 24 h, amounts, 先行救助 papers owed
  'programmes', // 低保 / 低保边缘 / 特困: counts, enrolments, exits, gradual exit, amounts paid
  'entitlements', // 应补尽补: gaps found and closed
  'care', // 分散供养照料: persons, agreements, cards, visits, 四有 complete
  'left-behind', // 留守 records updated
] as const;
export type MonthlyTableKey = (typeof MONTHLY_TABLE_KEYS)[number];

const cell = z.number().int().nullable(); // null: not applicable (e.g. a share of zero)

export const ReportColumnSchema = z.object({
  key: z.string().min(1),
  label: z.string().min(1),
  unit: z.enum(REPORT_UNITS),
  /** A share ('bp') names the count columns it divides, so that a total (a street's, the district's) is recomputed, never summed. */
  ratioOf: z.object({ num: z.string().min(1), den: z.string().min(1) }).optional(),
});
export const ReportRowSchema = z.object({
  key: z.string().min(1),
  label: z.string().min(1),
  cells: z.record(z.string(), cell),
});
/**
 * Row keys say what a row counts, as `<dimension>:<value>` (e.g. `community:詹滨西里社区`, `group:dibao`,
 * `category:<code>`), or a plain key for a single-row table; the screening table has one row per community
 * (`community:`) and per group (`group:`), with columns `planned`, `done`, `overdue`.
 */
export const ReportTableSchema = z.object({
  key: z.enum(MONTHLY_TABLE_KEYS),
  title: z.string().min(1),
  /** 口径: printed under the table, frozen with it. */
  definition: z.string().min(1),
  columns: z.array(ReportColumnSchema).min(1),
  rows: z.array(ReportRowSchema),
  total: ReportRowSchema.optional(),
});

/**
 * The plan's measures a district ranks streets on (四(四) 定期调度, 通报). Shares in basis points; null
 * when there is nothing to measure (no visit planned, no urgent application).
 */
export const StreetMeasuresSchema = z.object({
  /** Screening visits done ÷ due in the month (排查覆盖率). */
  coverageBp: cell,
  /** Ledger items open past their deadline at the end of the month (or now, for the current month). */
  overdueItems: z.number().int().min(0),
  /** Urgent temporary-assistance applications approved within 24 hours ÷ urgent applications. */
  urgentWithin24hBp: cell,
  /** Persons in 分散供养 care whose 四有 are complete ÷ persons in care. */
  careFourHasBp: cell,
});
export type StreetMeasures = z.infer<typeof StreetMeasuresSchema>;
export const STREET_MEASURE_KEYS = ['coverageBp', 'overdueItems', 'urgentWithin24hBp', 'careFourHasBp'] as const;

export const MonthlyReportSchema = z.object({
  kind: z.literal('monthly-dispatch'),
  /** The layout's version: a frozen copy says which it was made with. */
  version: z.literal(1),
  street: z.object({ code: z.string().regex(/^\d{12}$/), name: z.string().min(1) }),
  /** YYYY-MM (Asia/Shanghai). */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  /** The instant the figures were counted (ISO-8601 UTC). */
  asOf: z.string(),
  /** False for the current month so far: its figures still move. */
  complete: z.boolean(),
  tables: z.array(ReportTableSchema),
  measures: StreetMeasuresSchema,
});

export type ReportColumn = z.infer<typeof ReportColumnSchema>;
export type ReportRow = z.infer<typeof ReportRowSchema>;
export type ReportTable = z.infer<typeof ReportTableSchema>;
export type MonthlyReport = z.infer<typeof MonthlyReportSchema>;

/** How a district ranks streets: one row per street, from their submitted (frozen) reports. */
export interface StreetRanking {
  month: string;
  rows: {
    street: { code: string; name: string };
    /** The submitted version compared (null: the street has not submitted this month). */
    submission: { id: string; version: number; submittedAt: string } | null;
    measures: StreetMeasures | null;
    /** 1 = best; streets without a submission rank last. */
    rank: number | null;
    /** Marked lagging (落后) and why, in Chinese, one reason per measure below the district's line. */
    lagging: string[];
  }[];
}
