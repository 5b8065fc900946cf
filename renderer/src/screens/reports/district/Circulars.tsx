/**
 * 通报: drafts made from the month's ranking, edited here, published (after a confirmation: a
 * published 通报 cannot be changed) and printed. Every street's PC receives them; a street sees a
 * published one that names it on its 工作台.
 */
import { useState } from 'react';
import { App, Button, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import { FileAddOutlined, PrinterOutlined } from '@ant-design/icons';
import type { Circular, CircularDraft } from '../../../../../shared/reports/snapshots';
import { api, errorMessage } from '../../../api/client';
import { ErrorBlock } from '../../../components/ErrorBlock';
import { useApiQuery } from '../../../hooks/use-api-query';
import { formatInstant } from '../../../lib/dates';
import { navigate } from '../../../router/use-route';
import { monthLabel } from '../report-format';
import { CircularEditor } from './CircularEditor';

export function Circulars({ month }: { month: string }) {
  const { message, modal } = App.useApp();
  const q = useApiQuery(() => api.call('reports.districtCirculars', { month }), [month]);
  const [editing, setEditing] = useState<(CircularDraft & { id?: string }) | null>(null);
  const [drafting, setDrafting] = useState(false);

  const draft = async () => {
    setDrafting(true);
    try {
      setEditing(await api.call('reports.circularDraft', { month }));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setDrafting(false);
    }
  };

  const publish = (c: Circular) =>
    modal.confirm({
      title: `发布通报“${c.title}”？`,
      content: `发布后不能再修改，${c.streets.length > 0 ? `${c.streets.map((s) => s.name).join('、')}将在工作台看到本通报` : '本通报未点名任何街道'}。`,
      okText: '发布',
      cancelText: '取消',
      onOk: async () => {
        try {
          await api.call('reports.publishCircular', { id: c.id });
          message.success('通报已发布');
          q.reload();
        } catch (e) {
          message.error(errorMessage(e));
          throw e;
        }
      },
    });

  return (
    <div data-testid="circulars">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">依据{monthLabel(month)}各街道报送的报表和排名拟定；发布后各被点名街道在工作台可见。</Typography.Text>
        <Button type="primary" icon={<FileAddOutlined />} loading={drafting} onClick={() => void draft()} data-testid="circular-draft">
          根据排名拟定通报
        </Button>
      </Flex>
      {q.error ? (
        <ErrorBlock error={q.error} onRetry={q.reload} />
      ) : (
        <Table<Circular>
          size="small"
          rowKey="id"
          loading={q.loading && !q.data}
          pagination={false}
          dataSource={q.data ?? []}
          locale={{ emptyText: <Empty description="本月还没有通报" /> }}
          data-testid="circulars-table"
          columns={[
            { title: '标题', render: (_, c) => c.title },
            { title: '文号', width: 170, render: (_, c) => c.docNumber || <Typography.Text type="secondary">未编号</Typography.Text> },
            { title: '状态', width: 80, render: (_, c) => (c.status === 'published' ? <Tag color="green">已发布</Tag> : <Tag>草稿</Tag>) },
            { title: '点名街道', width: 220, render: (_, c) => c.streets.map((s) => s.name).join('、') || '—' },
            { title: '时间', width: 160, render: (_, c) => formatInstant(c.publishedAt ?? c.updatedAt) },
            {
              title: '操作',
              width: 200,
              render: (_, c) => (
                <Space size={4}>
                  {c.status === 'draft' && (
                    <>
                      <Button size="small" onClick={() => setEditing({ id: c.id, month: c.month, title: c.title, docNumber: c.docNumber, body: c.body, streetCodes: c.streets.map((s) => s.code) })}>
                        编辑
                      </Button>
                      <Button size="small" type="primary" onClick={() => publish(c)}>
                        发布
                      </Button>
                    </>
                  )}
                  <Button size="small" icon={<PrinterOutlined />} onClick={() => navigate({ name: 'print-circular', id: c.id })}>
                    打印
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      )}
      <CircularEditor
        month={month}
        initial={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          q.reload();
        }}
      />
    </div>
  );
}
