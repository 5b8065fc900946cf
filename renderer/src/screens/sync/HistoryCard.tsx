/** The recent sync runs of this device, newest first. */
import { Card, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { SyncRunInfo } from '../../../../shared/sync/status';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { ErrorBlock } from '../../components/ErrorBlock';
import { formatInstant } from '../../lib/dates';
import { TRIGGER_LABEL } from './sync-labels';

const columns: TableColumnsType<SyncRunInfo> = [
  { title: '时间', dataIndex: 'startedAt', width: 150, render: (v: string) => formatInstant(v) },
  { title: '触发', dataIndex: 'trigger', width: 140, render: (v: SyncRunInfo['trigger']) => TRIGGER_LABEL[v] },
  { title: '结果', dataIndex: 'ok', width: 90, render: (ok: boolean) => (ok ? <Tag color="success">成功</Tag> : <Tag color="error">未完成</Tag>) },
  { title: '上传', dataIndex: 'pushed', width: 70 },
  { title: '下载', key: 'down', width: 70, render: (_: unknown, r) => r.pulled + r.snapshotRows + (r.recovered ?? 0) },
  { title: '被拒', dataIndex: 'rejected', width: 70 },
  {
    title: '说明',
    key: 'error',
    render: (_: unknown, r) => [r.notice, r.error ? `${r.error.message}：${r.error.action}` : null].filter(Boolean).join('；'),
  },
];

export function HistoryCard() {
  const q = useApiQuery(() => api.call('sync.history', {}), []);
  return (
    <Card title="同步记录" data-testid="sync-history">
      {q.error ? (
        <ErrorBlock error={q.error} onRetry={q.reload} />
      ) : (
        <Table<SyncRunInfo>
          size="small"
          rowKey={(r) => `${r.startedAt}-${r.trigger}`}
          loading={q.loading}
          columns={columns}
          dataSource={q.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: '尚无同步记录' }}
        />
      )}
    </Card>
  );
}
