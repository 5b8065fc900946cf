/** Every street's 预警 at a district PC: raised, open, overdue, by disposition, and the disposed share. */
import { Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { WarningStreetRates } from '../../../../shared/warnings/procedures';
import { WARNING_DISPOSITIONS, WARNING_DISPOSITION_LABELS } from '../../../../shared/warnings/types';
import { api } from '../../api/client';
import { ErrorBlock } from '../../components/ErrorBlock';
import { useApiQuery } from '../../hooks/use-api-query';

const columns: TableColumnsType<WarningStreetRates> = [
  { title: '街道', dataIndex: 'streetName', width: 140 },
  { title: '预警总数', dataIndex: 'raised', align: 'right' },
  { title: '待处置', dataIndex: 'open', align: 'right' },
  { title: '超期未处置', dataIndex: 'overdue', align: 'right', render: (n: number) => <span style={n > 0 ? { color: '#cf1322', fontWeight: 600 } : undefined}>{n}</span> },
  ...WARNING_DISPOSITIONS.map((d) => ({ title: WARNING_DISPOSITION_LABELS[d], align: 'right' as const, render: (_: unknown, r: WarningStreetRates) => r.byDisposition[d] })),
  { title: '处置率', dataIndex: 'disposedPercent', align: 'right', render: (p: number, r) => (r.raised === 0 ? '—' : `${p.toFixed(1)}%`) },
];

export function DistrictRatesView() {
  const q = useApiQuery(() => api.call('warnings.districtRates', {}), []);
  if (q.error) return <ErrorBlock error={q.error} onRetry={q.reload} />;
  return (
    <Table<WarningStreetRates>
      rowKey="streetCode"
      size="small"
      data-testid="warnings-rates"
      loading={q.loading}
      columns={columns}
      dataSource={q.data ?? []}
      pagination={false}
      locale={{ emptyText: '本机还没有同步到任何街道' }}
    />
  );
}
