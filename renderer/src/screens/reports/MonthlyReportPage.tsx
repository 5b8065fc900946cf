/**
 * 统计报表 › 月度调度报表 (issue 15): a street's monthly report, any month or the current month so
 * far, each table with its 口径. The toolbar row and the chart area at the top are where the export,
 * print and charts (built separately) are mounted.
 */
import { Button, DatePicker, Empty, Flex, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { MonthlyReport } from '../../../../shared/reports/monthly-report';
import { api } from '../../api/client';
import { ErrorBlock } from '../../components/ErrorBlock';
import { LoadingBlock } from '../../components/LoadingBlock';
import { useApiQuery } from '../../hooks/use-api-query';
import { navigate } from '../../router/use-route';
import { thisMonth } from '../assistance/labels';
import { monthLabel } from './report-format';
import { ReportTableCard } from './ReportTableCard';
import { ReportCharts } from './ReportCharts';
import { ReportOutputButtons } from './ReportOutputButtons';

/** The street page's own toolbar and charts: export, print, 报送 (a month that has ended), the charts. */
const STREET_SLOTS: MonthlyReportSlots = {
  toolbar: (report) => (
    <>
      <ReportOutputButtons month={report.month} />
      {report.complete && (
        <Button onClick={() => navigate({ name: 'reports-submit', month: report.month })} data-testid="report-submit-open">
          报送…
        </Button>
      )}
    </>
  ),
  charts: (report) => <ReportCharts report={report} />,
};

export interface MonthlyReportSlots {
  /** Buttons beside the month picker (导出Excel, 打印), given the report shown. */
  toolbar?: (report: MonthlyReport) => ReactNode;
  /** Charts above the tables. */
  charts?: (report: MonthlyReport) => ReactNode;
}

export function MonthlyReportPage({ month: chosen, slots = STREET_SLOTS }: { month: string | null; slots?: MonthlyReportSlots }) {
  const current = thisMonth();
  const month = chosen && chosen <= current ? chosen : current;
  const q = useApiQuery(() => api.call('reports.monthly', { month }), [month]);
  const report = q.data;
  return (
    <div data-testid="monthly-report">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }} data-testid="report-toolbar">
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            月度调度报表
          </Typography.Title>
          {report && (
            <Typography.Text type="secondary" data-testid="report-street">
              {report.street.name}
            </Typography.Text>
          )}
        </Space>
        <Space wrap>
          <Typography.Text>统计月份</Typography.Text>
          <DatePicker
            aria-label="统计月份"
            data-testid="report-month"
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            format={(d) => monthLabel(d.format('YYYY-MM'), current)}
            disabledDate={(d) => d.format('YYYY-MM') > current}
            onChange={(d) => d && navigate({ name: 'reports', month: d.format('YYYY-MM') === current ? null : d.format('YYYY-MM') })}
            style={{ width: 250 }}
          />
          {report && slots.toolbar?.(report)}
        </Space>
      </Flex>
      {q.error ? (
        <ErrorBlock error={q.error} onRetry={q.reload} />
      ) : !report || q.loading ? (
        <LoadingBlock text="正在统计…" />
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Flex gap={8} wrap align="center">
            {report.complete ? <Tag color="blue">{monthLabel(report.month, current)}</Tag> : <Tag color="orange">本月截至今日，数字仍会变化</Tag>}
            <Typography.Text type="secondary">统计时点：{dayjs(report.asOf).format('YYYY-MM-DD HH:mm')}</Typography.Text>
          </Flex>
          {slots.charts?.(report)}
          {report.tables.length === 0 ? (
            <Empty description="本月没有可统计的报表" />
          ) : (
            report.tables.map((t) => <ReportTableCard key={t.key} table={t} />)
          )}
        </Space>
      )}
    </div>
  );
}
