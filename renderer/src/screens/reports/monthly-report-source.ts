/**
 * Where the renderer gets a street's monthly report: the one place that names its procedure, so that
 * the print route and the charts follow it.
 * MERGE (issue 15): `reports.monthly` is made on the branch `monthly`; once merged, replace the body with
 *   return api.call('reports.monthly', { month, ...(streetCode ? { streetCode } : {}) });
 */
import type { MonthlyReport } from '../../../../shared/reports/monthly-report';
import type { Route } from '../../router/routes';
import { api } from '../../api/client';

export function loadMonthlyReport(month: string, streetCode?: string): Promise<MonthlyReport> {
  const call = api.call as unknown as (procedure: string, input: unknown) => Promise<MonthlyReport>;
  return call('reports.monthly', { month, ...(streetCode ? { streetCode } : {}) });
}

/** Where 返回 leads from the report's print. MERGE: the 统计报表 page's route. */
export const MONTHLY_REPORT_BACK: Route = { name: 'households' };
