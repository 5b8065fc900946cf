/**
 * The plan's measures by month for the trend chart (issue 15). Each month's measures are read from
 * that month's report, built as `reports.monthly` builds it (one rule for every figure). Cost: one
 * report build per month, 6–12 builds (at the report's goal of 300 ms a build, up to ~3.6 s for a year
 * on a street of 40,000 households), so the charts load it apart from the report and not live.
 */
import { trendMonths, type TrendPoint } from '../../../../shared/reports/trend';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Store } from '../../store/store';
import { buildMonthlyReport } from './monthly';

export function monthlyTrend(store: Store, input: { streetCode: string; months: number }): TrendPoint[] {
  const current = shanghaiDate(store.nowDate()).slice(0, 7);
  return trendMonths(current, input.months).map((month) => {
    const r = buildMonthlyReport(store, { streetCode: input.streetCode, month });
    return { month, complete: r.complete, measures: r.measures };
  });
}
