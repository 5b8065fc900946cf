/**
 * The monthly report's charts (issue 15): screening coverage by community, from the report's
 * screening table, and the plan's measures over the last 6 or 12 months (reports.trend). On paper
 * (`print`) the charts are drawn without animation and the trend's period switch is left out.
 */
import { useMemo, useState } from 'react';
import { Card, Empty, Radio, Space } from 'antd';
import type { MonthlyReport } from '../../../../shared/reports/monthly-report';
import { TREND_MAX_MONTHS, TREND_MIN_MONTHS } from '../../../../shared/reports/trend';
import { api } from '../../api/client';
import { EChart } from '../../components/EChart';
import { ErrorBlock } from '../../components/ErrorBlock';
import { LoadingBlock } from '../../components/LoadingBlock';
import { useApiQuery } from '../../hooks/use-api-query';
import { coverageOption, trendOption } from './chart-options';

export function CoverageChart({ report, print = false }: { report: MonthlyReport; print?: boolean }) {
  const option = useMemo(() => coverageOption(report, { animation: !print }), [report, print]);
  if (!option) return <Empty description="本月没有按社区统计的排查任务" data-testid="coverage-chart-empty" />;
  return <EChart option={option} height={print ? 260 : 320} testId="coverage-chart" label={`${report.street.name}各社区排查覆盖情况`} />;
}

export function TrendChart({ streetCode, print = false }: { streetCode?: string; print?: boolean }) {
  const [months, setMonths] = useState<number>(TREND_MIN_MONTHS);
  // Not refreshed on every change: it builds a report per month (F5 reloads it).
  const q = useApiQuery(() => api.call('reports.trend', { months, ...(streetCode ? { streetCode } : {}) }), [months, streetCode], true, false);
  const option = useMemo(() => (q.data ? trendOption(q.data, { animation: !print }) : null), [q.data, print]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {!print && (
        <Radio.Group value={months} onChange={(e) => setMonths(e.target.value as number)} optionType="button" aria-label="趋势月数">
          <Radio.Button value={TREND_MIN_MONTHS}>近{TREND_MIN_MONTHS}个月</Radio.Button>
          <Radio.Button value={TREND_MAX_MONTHS}>近{TREND_MAX_MONTHS}个月</Radio.Button>
        </Radio.Group>
      )}
      {q.error ? (
        <ErrorBlock error={q.error} onRetry={q.reload} />
      ) : !q.data ? (
        <LoadingBlock text="正在统计各月指标…" minHeight={280} />
      ) : option ? (
        <EChart option={option} height={print ? 260 : 320} testId="trend-chart" label="主要指标按月趋势" />
      ) : (
        <Empty description="没有可显示的月份" />
      )}
    </Space>
  );
}

/** Both charts side by side on a wide screen, one above the other on a narrow one. */
export function ReportCharts({ report, streetCode }: { report: MonthlyReport; streetCode?: string }) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(520px, 1fr))', gap: 16 }} data-testid="report-charts">
      <Card size="small" title="各社区排查覆盖（应走访 / 已走访 / 逾期）">
        <CoverageChart report={report} />
      </Card>
      <Card size="small" title="主要指标按月趋势">
        <TrendChart streetCode={streetCode} />
      </Card>
    </div>
  );
}
