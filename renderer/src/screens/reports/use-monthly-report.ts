/**
 * A street's monthly report, loaded with the usual loading / error / reload state. `live`: reload when
 * the street's data change (off by default: a print shows the figures it was opened with).
 */
import type { MonthlyReport } from '../../../../shared/reports/monthly-report';
import { useApiQuery, type ApiQuery } from '../../hooks/use-api-query';
import type { Live } from '../../hooks/use-live-refresh';
import { loadMonthlyReport } from './monthly-report-source';

export function useMonthlyReport(month: string, streetCode?: string, live: Live = false): ApiQuery<MonthlyReport> {
  return useApiQuery(() => loadMonthlyReport(month, streetCode), [month, streetCode], true, live);
}
