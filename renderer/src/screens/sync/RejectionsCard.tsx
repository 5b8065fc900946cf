/**
 * Local changes the district server refused: the record (table and its name), what was changed,
 * why (in Chinese) and what the user can do: edit the record again (the edit supersedes the refused
 * change), or "放弃本机修改" to take the server's current value after a confirmation.
 */
import { useState } from 'react';
import { App, Button, Card, Popconfirm, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { RejectedChangeInfo } from '../../../../shared/sync/status';
import { api, errorMessage } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { ErrorBlock } from '../../components/ErrorBlock';
import { formatInstant } from '../../lib/dates';
import { changedText } from './rejection-text';

export function RejectionsCard({ onChanged }: { onChanged: () => void }) {
  const { message } = App.useApp();
  const q = useApiQuery(() => api.call('sync.rejections', {}), []);
  const [busy, setBusy] = useState<string | null>(null);

  const takeServer = async (r: RejectedChangeInfo) => {
    setBusy(r.hlc);
    try {
      await api.call('sync.resolveRejection', { hlc: r.hlc, action: 'take-server' });
      message.success('已放弃本机修改，采用区级服务器上的数据');
      q.reload();
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const columns: TableColumnsType<RejectedChangeInfo> = [
    { title: '时间', dataIndex: 'at', width: 140, render: (v: string) => formatInstant(v) },
    {
      title: '记录',
      key: 'record',
      width: 180,
      render: (_: unknown, r) => (
        <span data-testid="rejected-record">
          {r.tableLabel}：{r.recordLabel}
        </span>
      ),
    },
    { title: '本机修改', key: 'fields', render: (_: unknown, r) => <Typography.Text type="secondary">{changedText(r)}</Typography.Text> },
    {
      title: '原因与处理办法',
      key: 'reason',
      render: (_: unknown, r) => (
        <div>
          <Typography.Text strong type="danger">
            {r.message}
          </Typography.Text>
          <div>{r.action}</div>
        </div>
      ),
    },
    {
      title: '操作',
      key: 'op',
      width: 170,
      render: (_: unknown, r) => (
        <Popconfirm
          title="放弃本机的这项修改？"
          description="本机将改用区级服务器上的数据；服务器上没有的新建记录会从本机删除。此操作不能撤销。"
          okText="放弃并采用服务器数据"
          cancelText="取消"
          onConfirm={() => takeServer(r)}
        >
          <Button size="small" danger loading={busy === r.hlc} data-testid="take-server">
            放弃本机修改
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card title="被服务器拒收的修改" data-testid="sync-rejections">
      {q.error ? (
        <ErrorBlock error={q.error} onRetry={q.reload} />
      ) : (
        <Table<RejectedChangeInfo>
          size="small"
          rowKey="hlc"
          loading={q.loading}
          columns={columns}
          dataSource={q.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: '没有被拒收的修改' }}
        />
      )}
    </Card>
  );
}
