/** 救助政策 › 发放批次: every batch (programme, month, status, rows, total, who and when); generate one for a month. */
import { useState } from 'react';
import { App, Button, Card, DatePicker, Flex, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Programme } from '../../../../shared/assistance/codes';
import { BATCH_STATUSES, type BatchStatus, type PaymentBatch } from '../../../../shared/assistance/batches';
import { api, errorMessage } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { ErrorBlock } from '../../components/ErrorBlock';
import { formatInstant } from '../../lib/dates';
import { formatFen } from '../../lib/money';
import { navigate } from '../../router/use-route';
import { AssistanceTabs } from './AssistanceTabs';
import { BatchStatusTag } from './BatchTables';
import { PROGRAMME_OPTIONS, programmeLabel, thisMonth } from './labels';

const who = (at: string | null, by: string | null) => (at ? `${formatInstant(at)} ${by ?? ''}` : '—');

/** `filter`: the URL's status=pending|confirmed|paid (e.g. from the 工作台's 待确认 line). */
export function PaymentBatchesPage({ filter = '' }: { filter?: string }) {
  const { message } = App.useApp();
  const [programme, setProgramme] = useState<Programme>('dibao');
  const [month, setMonth] = useState(thisMonth());
  const [busy, setBusy] = useState(false);
  const initial = new URLSearchParams(filter).get('status');
  const [status, setStatus] = useState<BatchStatus | undefined>(BATCH_STATUSES.some((s) => s.code === initial) ? (initial as BatchStatus) : undefined);
  const q = useApiQuery(() => api.call('batches.list', { status }), [status]);
  const open = (b: Pick<PaymentBatch, 'programme' | 'month'>) => navigate({ name: 'payment-list', programme: b.programme, month: b.month });
  const generate = async () => {
    setBusy(true);
    try {
      const b = await api.call('batches.generate', { programme, month });
      message.success(`已生成${programmeLabel(programme)} ${month} 发放批次`);
      open(b);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="payment-batches">
      <AssistanceTabs active="payment-batches" />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          发放批次
        </Typography.Title>
        <Space wrap>
          <Select<BatchStatus>
            aria-label="批次状态"
            allowClear
            placeholder="全部状态"
            style={{ width: 120 }}
            value={status}
            onChange={(v) => setStatus(v)}
            options={BATCH_STATUSES.map((s) => ({ value: s.code, label: s.label }))}
            data-testid="batch-status-filter"
          />
          <Select aria-label="救助项目" data-testid="batch-programme" style={{ width: 200 }} value={programme} options={PROGRAMME_OPTIONS} onChange={(v: Programme) => setProgramme(v)} />
          <DatePicker aria-label="发放月份" data-testid="batch-month" picker="month" format="YYYY-MM" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />
          <Button type="primary" icon={<PlusOutlined />} loading={busy} onClick={() => void generate()} data-testid="batches-generate">
            生成批次
          </Button>
        </Space>
      </Flex>
      {q.error ? (
        <ErrorBlock error={q.error} onRetry={q.reload} />
      ) : (
        <Card size="small">
          <Table<PaymentBatch>
            rowKey="id"
            size="small"
            loading={q.loading && !q.data}
            dataSource={q.data ?? []}
            data-testid="batch-list"
            locale={{ emptyText: '还没有发放批次：选择救助项目和月份后点击“生成批次”' }}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            onRow={(b) => ({ onClick: () => open(b), onKeyDown: (e) => e.key === 'Enter' && open(b), tabIndex: 0, style: { cursor: 'pointer' } })}
            columns={[
              { title: '救助项目', dataIndex: 'programme', width: 190, render: (v: string) => programmeLabel(v) },
              { title: '发放月份', dataIndex: 'month', width: 96 },
              { title: '状态', dataIndex: 'status', width: 90, render: (v: string) => <BatchStatusTag status={v} /> },
              { title: '条数', dataIndex: 'rowCount', width: 70, align: 'right' },
              { title: '合计金额', dataIndex: 'totalFen', width: 140, align: 'right', render: (v: number) => formatFen(v) },
              { title: '生成', width: 190, render: (_, b) => who(b.generatedAt, b.generatedBy) },
              { title: '确认', width: 190, render: (_, b) => who(b.confirmedAt, b.confirmedBy) },
              { title: '发放', width: 190, render: (_, b) => who(b.paidAt, b.paidBy) },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
