/**
 * The plan's measures by month for the trend chart (issue 15). Each month's measures are read from
 * that month's report, built as `reports.monthly` builds it (one rule for every figure) but with only
 * the tables the measures are read from (MEASURE_TABLES): the 应补尽补 check and the other tables are
 * not worked out 6–12 times for a chart that does not show them.
 */
import { trendMonths, type TrendPoint } from '../../../../shared/reports/trend';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Store } from '../../store/store';
import { buildMonthlyReport } from './monthly';
import { MEASURE_BUILDERS } from './tables';

export function monthlyTrend(store: Store, input: { streetCode: string; months: number }): TrendPoint[] {
  const current = shanghaiDate(store.nowDate()).slice(0, 7);
  return trendMonths(current, input.months).map((month) => {
    const r = buildMonthlyReport(store, { streetCode: input.streetCode, month }, MEASURE_BUILDERS);
    return { month, complete: r.complete, measures: r.measures };
  });
}
