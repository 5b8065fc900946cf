/** reports.* procedures: the monthly 调度 report of a street (issue 15). */
import { z } from 'zod';
import { proc, STAFF } from '../api/proc';
import { zMonth } from '../api/zh';
import { zStreetCode } from '../ledger/schemas';
import type { MonthlyReport } from './monthly-report';

export const MonthlyReportInputSchema = z.strictObject({
  month: zMonth('统计月份'),
  /** A district user names the street; a street user's own street is always used. */
  streetCode: zStreetCode.optional(),
});

export const reportsProcedures = {
  'reports.monthly': proc<MonthlyReport>()(MonthlyReportInputSchema, STAFF),
} as const;
