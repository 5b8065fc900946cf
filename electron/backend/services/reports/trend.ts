/**
 * The plan's measures by month for the trend chart (issue 15). Each month's measures are read from
 * that month's report, built as `reports.monthly` builds it (one rule for every figure), so the cost
 * is one report per month: 6–12 builds, well inside the report's own goal × 12 at full scale.
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
