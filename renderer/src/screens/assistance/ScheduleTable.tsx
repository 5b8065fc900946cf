/** A gradual-exit schedule, month by month with its percentage of the original amount (first phase green). */
import { Table, Tag } from 'antd';
import { formatFen } from '../../lib/money';

export interface ScheduleEntry {
  month: string;
  amountFen: number;
  percent: number;
}

export function ScheduleTable({ schedule, exitMonth, testId }: { schedule: ScheduleEntry[]; exitMonth: string | null; testId?: string }) {
  const rows = [...schedule.map((s) => ({ ...s, exit: false })), ...(exitMonth ? [{ month: exitMonth, amountFen: 0, percent: 0, exit: true }] : [])];
  return (
    <Table
      data-testid={testId}
      rowKey="month"
      style={{ maxWidth: 560 }}
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: '月份', dataIndex: 'month', width: 110 },
        {
          title: '发放比例',
          width: 120,
          render: (_, r) => (r.exit ? <Tag>退出低保</Tag> : <Tag color={r.percent === schedule[0]?.percent ? 'green' : 'gold'}>{`${r.percent}%`}</Tag>),
        },
        { title: '金额', align: 'right', render: (_, r) => (r.exit ? '不再发放' : formatFen(r.amountFen)) },
      ]}
    />
  );
}
