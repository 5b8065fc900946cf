/**
 * Report snapshots (报送) and the district's 通报 (issue 15). A submission freezes a street's monthly
 * 调度 report as it was counted (payload: the MonthlyReport, tables with their definitions); it is
 * never changed or deleted (triggers here, the district server's authority): a correction is a new
 * version with its reason. A 通报 lives in the district partition, so every street's PC receives it;
 * a draft may be edited, a published one is frozen.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';

export const reportSubmissions = sqliteTable(
  'report_submissions',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    /** 'YYYY-MM' (Asia/Shanghai). */
    month: text('month').notNull(),
    /** 'monthly-dispatch'. */
    kind: text('kind').notNull(),
    /** 1, 2, … per street and month. */
    version: integer('version').notNull(),
    /** The frozen MonthlyReport (MonthlyReportSchema). */
    payload: text('payload', { mode: 'json' }).notNull(),
    /** Why a version after the first was submitted (required from version 2). */
    reason: text('reason'),
    submittedAt: text('submitted_at').notNull(),
    submittedBy: text('submitted_by').notNull(),
    submittedByName: text('submitted_by_name').notNull(),
  },
  (t) => [index('report_submissions_month_idx').on(t.month, t.streetCode, t.version)],
);

export const circulars = sqliteTable(
  'circulars',
  {
    ...syncedColumns,
    /** Always 'district'. */
    streetCode: text('street_code').notNull(),
    /** The month whose ranking it reports on ('YYYY-MM'). */
    month: text('month').notNull(),
    title: text('title').notNull(),
    /** 文号, e.g. 东丽民通〔2026〕3号; empty until the office numbers it. */
    docNumber: text('doc_number').notNull(),
    body: text('body').notNull(),
    /** Street codes the 通报 names (JSON array): those streets see it once published. */
    streets: text('streets', { mode: 'json' }).notNull(),
    status: text('status', { enum: ['draft', 'published'] }).notNull(),
    createdBy: text('created_by').notNull(),
    publishedAt: text('published_at'),
    publishedBy: text('published_by'),
  },
  (t) => [index('circulars_month_idx').on(t.month)],
);
