/** Coverage of a day, week or month per community and grid: due, done, overdue, pending, coverage %. */
import { useState } from 'react';
import { Card, DatePicker, Progress, Segmented, Space, Statistic, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { CoverageRow } from '../../../../shared/screening/schemas';
import { api } from '../../api/client';
import { ErrorBlock } from '../../components/ErrorBlock';
import { useApiQuery } from '../../hooks/use-api-query';
import { ScopeFilters, type Scope } from './ScopeFilters';
import { appClock } from '../../api/clock';

type Period = 'day' | 'week' | 'month';

function percent(r: CoverageRow): string {
  return `${(r.coveragePermille / 10).toFixed(1)}%`;
}

const numbers: TableColumnsType<CoverageRow> = [
  { title: '应走访', dataIndex: 'due', width: 90, align: 'right' },
  { title: '已走访', dataIndex: 'done', width: 90, align: 'right' },
  { title: '超期未走访', dataIndex: 'overdue', width: 100, align: 'right', render: (v: number) => (v > 0 ? <span style={{ color: '#cf1322' }}>{v}</span> : v) },
  { title: '待走访', dataIndex: 'pending', width: 90, align: 'right' },
  {
    title: '覆盖率',
    width: 200,
    render: (_, r) => <Progress percent={r.coveragePermille / 10} size="small" format={() => percent(r)} status={r.coveragePermille < 1000 && r.overdue > 0 ? 'exception' : 'normal'} />,
  },
];

export function CoverageView() {
  const [period, setPeriod] = useState<Period>('month');
  const [date, setDate] = useState<dayjs.Dayjs>(dayjs(appClock.today()));
  const [scope, setScope] = useState<Scope>({});
  const q = useApiQuery(
    () => api.call('screening.coverage', { period, date: date.format('YYYY-MM-DD'), communityId: scope.communityId, gridId: scope.gridId }),
    [period, date.format('YYYY-MM-DD'), scope.communityId, scope.gridId],
  );
  const d = q.data;
  const grids = (d?.grids ?? []).filter((g) => !scope.worker || g.workerName === scope.worker);
  return (
    <div data-testid="coverage">
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<Period>
          value={period}
          onChange={setPeriod}
          options={[
            { value: 'day', label: '日' },
            { value: 'week', label: '周' },
            { value: 'month', label: '月' },
          ]}
        />
        <DatePicker aria-label="统计日期" allowClear={false} value={date} onChange={(v) => v && setDate(v)} picker={period === 'month' ? 'month' : period === 'week' ? 'week' : 'date'} />
        <ScopeFilters value={scope} onChange={setScope} />
      </Space>
      {q.error ? (
        <ErrorBlock error={q.error} onRetry={q.reload} />
      ) : (
        <>
          {d && (
            <Card size="small" style={{ marginBottom: 12 }} title={`${d.start} 至 ${d.end}`}>
              <Space size={48} wrap>
                <Statistic title="应走访（户）" value={d.total.due} />
                <Statistic title="已走访" value={d.total.done} />
                <Statistic title="超期未走访" value={d.total.overdue} valueStyle={d.total.overdue > 0 ? { color: '#cf1322' } : undefined} />
                <Statistic title="待走访" value={d.total.pending} />
                <Statistic title="覆盖率" value={percent(d.total)} />
              </Space>
            </Card>
          )}
          <Table<CoverageRow>
            rowKey="key"
            size="small"
            loading={q.loading}
            title={() => '按社区'}
            columns={[{ title: '社区', dataIndex: 'name' }, ...numbers]}
            dataSource={d?.communities ?? []}
            pagination={false}
            style={{ marginBottom: 16 }}
          />
          <Table<CoverageRow>
            rowKey="key"
            size="small"
            loading={q.loading}
            title={() => '按网格'}
            columns={[
              { title: '网格', dataIndex: 'name' },
              { title: '社区', dataIndex: 'communityName' },
              { title: '网格员', dataIndex: 'workerName', render: (v: string | null) => v ?? '—' },
              ...numbers,
            ]}
            dataSource={grids}
            pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
          />
        </>
      )}
    </div>
  );
}
