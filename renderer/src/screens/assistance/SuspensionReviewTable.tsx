/**
 * 暂停退出结束后复核: 低保 households kept at their old amount while exits were suspended, listed once the
 * suspension is no longer in force (on the day chosen); each row opens the enrolment for the review.
 */
import { Alert, Button, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { SuspensionReviewRow } from '../../../../shared/assistance/types';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { ErrorBlock } from '../../components/ErrorBlock';
import { formatFen } from '../../lib/money';
import { hrefOf } from '../../router/routes';

export function SuspensionReviewTable({ onDate }: { onDate: string | undefined }) {
  const q = useApiQuery(() => api.call('assistance.suspensionReview', { onDate }), [onDate]);
  const open = (r: SuspensionReviewRow) => hrefOf({ name: 'enrolment', id: r.enrolmentId });
  const columns: TableColumnsType<SuspensionReviewRow> = [
    { title: '户主', dataIndex: 'name', width: 100, render: (v: string, r) => <a href={open(r)} data-testid="held-household">{v || '（无户主）'}</a> },
    { title: '社区', dataIndex: 'communityName', width: 140 },
    { title: '家庭住址', dataIndex: 'address' },
    { title: '按原金额发放起始', dataIndex: 'heldSince', width: 150 },
    { title: '已持续', dataIndex: 'monthsHeld', width: 90, align: 'right', render: (v: number) => `${v}个月` },
    { title: '每月金额', dataIndex: 'amountFen', width: 120, align: 'right', render: (v: number) => formatFen(v) },
    { title: '操作', width: 110, render: (_, r) => <Button size="small" type="link" href={open(r)}>办理复核</Button> },
  ];
  if (q.error) return <ErrorBlock error={q.error} onRetry={q.reload} />;
  const data = q.data;
  return (
    <div data-testid="suspension-review">
      <Alert
        type={data?.exitsSuspended ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 12 }}
        title={
          data?.exitsSuspended
            ? '核查日期仍处于暂停低保退出期间：暂停结束后，期间因“疫情期间暂停退出”按原金额发放的家庭将列于此处。'
            : `暂停低保退出已于 ${data?.endedOn ?? '—'} 结束：下列家庭在暂停期间按原金额发放，请逐户复核（复审、收入核定或退出）。`
        }
      />
      <Table<SuspensionReviewRow>
        rowKey="enrolmentId"
        size="small"
        loading={q.loading}
        dataSource={data?.rows ?? []}
        columns={columns}
        pagination={{ pageSize: 100, showSizeChanger: false, showTotal: (n) => `共 ${n} 户` }}
        locale={{ emptyText: data?.exitsSuspended ? '暂停退出期间，暂无须复核的家庭' : '没有须复核的家庭' }}
      />
    </div>
  );
}
