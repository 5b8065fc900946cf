/** 一户一档, the assistance sections: enrolments with their steps, payments by month, temporary assistance. */
import { Table, Tag, Typography } from 'antd';
import type { EnrolmentDetail, TemporaryRow } from '../../../../shared/assistance/types';
import type { HouseholdPayment } from '../../../../shared/household/types';
import { formatInstant } from '../../lib/dates';
import { formatFen } from '../../lib/money';
import { EnrolmentStatusTag, programmeLabel, stepLabel, TempStatusTag, tempTypeLabel } from '../assistance/labels';

export function FileEnrolments({ rows }: { rows: EnrolmentDetail[] }) {
  return (
    <Table<EnrolmentDetail>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid="file-enrolments"
      locale={{ emptyText: '尚未纳入低保、特困等救助项目' }}
      expandable={{
        expandRowByClick: true,
        rowExpandable: (r) => r.steps.length > 0,
        expandedRowRender: (r) => (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={r.steps}
            columns={[
              { title: '办理环节', dataIndex: 'step', width: 120, render: stepLabel },
              { title: '时间', dataIndex: 'at', width: 150, render: formatInstant },
              { title: '经办', dataIndex: 'username', width: 100, render: (v: string | null) => v ?? '—' },
              { title: '意见', dataIndex: 'note', render: (v: string | null) => v ?? '' },
            ]}
          />
        ),
      }}
      columns={[
        { title: '救助项目', dataIndex: 'programme', width: 140, render: programmeLabel },
        { title: '对象', dataIndex: 'name', width: 100 },
        { title: '状态', dataIndex: 'status', width: 110, render: (v: string, r) => <EnrolmentStatusTag status={v} source={r.source} importConfirmed={r.importConfirmed} /> },
        { title: '保障人数', dataIndex: 'coveredPersons', width: 80, align: 'right' },
        { title: '本月金额', dataIndex: 'currentAmountFen', width: 120, align: 'right', render: (v: number | null) => (v == null ? '—' : formatFen(v)) },
        { title: '起止月份', width: 150, render: (_, r) => `${r.startMonth ?? '—'} ~ ${r.endMonth ?? ''}` },
        { title: '办理环节', render: (_, r) => `${r.steps.length} 个（点击查看）` },
        { title: '', width: 60, render: (_, r) => <a href={`#/assistance/enrolments/${r.id}`} onClick={(e) => e.stopPropagation()}>办理</a> },
      ]}
    />
  );
}

export function FilePayments({ rows }: { rows: HouseholdPayment[] }) {
  const total = rows.reduce((s, r) => s + (r.amountFen ?? 0) + r.adjustmentFen, 0);
  return (
    <Table<HouseholdPayment>
      rowKey={(r) => `${r.enrolmentId}-${r.month}`}
      size="small"
      dataSource={rows}
      data-testid="file-payments"
      pagination={rows.length > 24 ? { pageSize: 24, showSizeChanger: false } : false}
      locale={{ emptyText: '没有按月发放的记录' }}
      footer={rows.length > 0 ? () => <Typography.Text>{`共 ${rows.length} 笔，合计 ${formatFen(total)}（已确认月份按发放批次冻结的金额，含补发/扣回；未确认月份按现行规则计算）`}</Typography.Text> : undefined}
      columns={[
        { title: '发放月份', dataIndex: 'month', width: 110 },
        { title: '救助项目', dataIndex: 'programme', width: 140, render: programmeLabel },
        { title: '对象', dataIndex: 'name', width: 100 },
        { title: '保障人数', dataIndex: 'coveredPersons', width: 80, align: 'right', render: (v: number | null) => (v == null ? '—' : `${v} 人`) },
        {
          title: '金额',
          dataIndex: 'amountFen',
          width: 140,
          align: 'right',
          render: (v: number | null, r) => (v == null ? <Typography.Text type="danger">{r.problem ?? '无法计算'}</Typography.Text> : formatFen(v)),
        },
        {
          title: '补发/扣回',
          dataIndex: 'adjustmentFen',
          width: 120,
          align: 'right',
          render: (v: number) => (v === 0 ? '' : formatFen(v)),
        },
        { title: '计算方式', dataIndex: 'basis', render: (v: string | null) => BASIS[v ?? ''] ?? '—' },
        {
          title: '批次',
          dataIndex: 'batchStatus',
          width: 90,
          render: (v: HouseholdPayment['batchStatus']) =>
            v === 'paid' ? <Tag color="green">已发放</Tag> : v === 'confirmed' ? <Tag color="blue">已确认</Tag> : <Tag>未确认</Tag>,
        },
      ]}
    />
  );
}

const BASIS: Record<string, string> = { standard: '按当月标准', 'schedule-100': '渐退（全额）', 'schedule-50': '渐退（减半）', fixed: '固定金额', held: '暂停退出（渐退末月金额）' };

export function FileTemporary({ rows }: { rows: TemporaryRow[] }) {
  return (
    <Table<TemporaryRow>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid="file-temporary"
      locale={{ emptyText: '没有临时救助记录' }}
      columns={[
        { title: '受理时间', dataIndex: 'receivedAt', width: 150, render: formatInstant },
        { title: '类型', dataIndex: 'type', width: 80, render: tempTypeLabel },
        { title: '对象', dataIndex: 'name', width: 90 },
        { title: '金额', dataIndex: 'amountFen', width: 120, align: 'right', render: (v: number) => formatFen(v) },
        { title: '状态', dataIndex: 'status', width: 90, render: (v: string) => <TempStatusTag status={v} /> },
        { title: '困难情形', dataIndex: 'reason' },
        { title: '审批 / 发放', width: 200, render: (_, r) => [r.approvedAt && `批 ${formatInstant(r.approvedAt)}`, r.paidAt && `发 ${formatInstant(r.paidAt)}`].filter(Boolean).join('；') || '—' },
      ]}
    />
  );
}
