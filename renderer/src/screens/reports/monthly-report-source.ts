/**
 * Where the renderer gets a street's monthly report: the one place that names its procedure, so that
 * the print route and the charts follow it.
 */
import type { MonthlyReport } from '../../../../shared/reports/monthly-report';
import type { Route } from '../../router/routes';
import { api } from '../../api/client';

export function loadMonthlyReport(month: string, streetCode?: string): Promise<MonthlyReport> {
  return api.call('reports.monthly', { month, ...(streetCode ? { streetCode } : {}) });
}

/** Where 返回 leads from the report's print: the 统计报表 page. */
export const MONTHLY_REPORT_BACK: Route = { name: 'reports', month: null };
