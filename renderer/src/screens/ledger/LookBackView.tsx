/** 回头看: items closed in a period, all or a stable sample; each reviewed with its result recorded. */
import { useState } from 'react';
import { Button, DatePicker, InputNumber, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { LedgerDetail, LedgerRow } from '../../../../shared/ledger/schemas';
import { api } from '../../api/client';
import { ErrorBlock } from '../../components/ErrorBlock';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatInstant } from '../../lib/dates';
import { useSession } from '../../session/session-context';
import { isSupervisorRole } from '../../lib/roles';
import { categoryLabel, reviewLabel, StatusTag } from './ledger-ui';
import { TransitionModal } from './TransitionModal';
import { StreetSelect, useIsDistrict } from '../../components/StreetSelect';
import { appClock } from '../../api/clock';

export function LookBackView() {
  const { session } = useSession();
  const canReview = isSupervisorRole(session.user.role);
  const [range, setRange] = useState<[dayjs.Dayjs, dayjs.Dayjs]>([dayjs(appClock.today()).startOf('month'), dayjs(appClock.today())]);
  const [percent, setPercent] = useState<number | null>(null);
  const [reviewing, setReviewing] = useState<LedgerDetail | null>(null);
  const district = useIsDistrict();
  const [street, setStreet] = useState<string | undefined>(undefined);
  const q = useApiQuery(
    () =>
      api.call('ledger.lookBack', {
        from: range[0].format('YYYY-MM-DD'),
        to: range[1].format('YYYY-MM-DD'),
        samplePercent: percent ?? undefined,
        streetCode: street,
      }),
    [range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD'), percent, street],
  );
  const columns: TableColumnsType<LedgerRow> = [
    ...(district ? [{ title: '街道', dataIndex: 'streetName' }] : []),
    { title: '台账编号', dataIndex: 'itemNo', render: (v: string, r) => <a href={`#/ledger/${r.id}`}>{v}</a> },
    { title: '户主', dataIndex: 'headName' },
    { title: '类别', dataIndex: 'category', render: categoryLabel },
    { title: '问题描述', dataIndex: 'description', ellipsis: true },
    { title: '销号时间', dataIndex: 'closedAt', render: formatInstant },
    { title: '状态', dataIndex: 'status', render: (v: string) => <StatusTag status={v} /> },
    { title: '回头看结论', dataIndex: 'reviewResult', render: (v: string | null) => reviewLabel(v) || '—' },
    {
      title: '操作',
      render: (_, r) =>
        canReview && r.status === 'closed' ? (
          <Button size="small" type="primary" data-testid={`review-${r.itemNo}`} onClick={async () => setReviewing(await api.call('ledger.get', { id: r.id }))}>
            记录回头看
          </Button>
        ) : null,
    },
  ];
  return (
    <div data-testid="look-back">
      <Space wrap style={{ marginBottom: 12 }}>
        {district && <StreetSelect allowClear placeholder="全部街道" ariaLabel="街道筛选" value={street} onChange={setStreet} />}
        <span>销号日期</span>
        <DatePicker.RangePicker aria-label="销号日期" allowClear={false} value={range} onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])} />
        <span>抽查比例</span>
        <InputNumber aria-label="抽查比例" min={1} max={100} placeholder="全部" value={percent} onChange={(v) => setPercent(v)} suffix="%" style={{ width: 110 }} />
        <Typography.Text type="secondary">不填比例时列出期间全部销号事项；同一期间同一比例抽中的事项固定不变</Typography.Text>
      </Space>
      {q.error ? (
        <ErrorBlock error={q.error} onRetry={q.reload} />
      ) : (
        <Table<LedgerRow> rowKey="id" size="small" loading={q.loading} columns={columns} dataSource={q.data ?? []} pagination={false} locale={{ emptyText: '期间没有销号事项' }} />
      )}
      {reviewing && (
        <TransitionModal
          item={reviewing}
          action="review"
          onClose={() => setReviewing(null)}
          onDone={() => {
            setReviewing(null);
            q.reload();
          }}
        />
      )}
    </div>
  );
}
