/**
 * reports.* procedures of the monthly report's outputs (issue 15): its Excel export and the trend of
 * the plan's measures by month for the charts. (The report itself is `reports.monthly`.)
 */
import { z } from 'zod';
import { proc, STAFF } from '../api/proc';
import { zInt, zMonth } from '../api/zh';
import { zStreetCode } from '../ledger/schemas';
import type { FileOut } from '../registry/types';
import { TREND_MAX_MONTHS, TREND_MIN_MONTHS, type TrendPoint } from './trend';

export const reportExportProcedures = {
  /** The month's report as .xlsx: one sheet per table. A district user names the street. */
  'reports.exportMonthly': proc<FileOut>()(z.strictObject({ month: zMonth('报表月份'), streetCode: zStreetCode.optional() }), STAFF),
  /** The measures of each of the last `months` months, the current month (so far) last. */
  'reports.trend': proc<TrendPoint[]>()(
    z.strictObject({ months: zInt('月数', TREND_MIN_MONTHS, TREND_MAX_MONTHS, '个月'), streetCode: zStreetCode.optional() }),
    STAFF,
  ),
};
