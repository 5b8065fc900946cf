/** A street's monthly report, loaded with the usual loading / error / reload state. */
import type { MonthlyReport } from '../../../../shared/reports/monthly-report';
import { useApiQuery, type ApiQuery } from '../../hooks/use-api-query';
import { loadMonthlyReport } from './monthly-report-source';

export function useMonthlyReport(month: string, streetCode?: string): ApiQuery<MonthlyReport> {
  return useApiQuery(() => loadMonthlyReport(month, streetCode), [month, streetCode]);
}
