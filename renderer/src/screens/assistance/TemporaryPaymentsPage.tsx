/**
 * 救助政策 › 临时救助发放: temporary assistance paid in a period of months, by type and community, with
 * totals, exported to Excel as filtered. The amounts are the ones recorded when paid.
 */
import { useState } from 'react';
import { Button, Card, DatePicker, Flex, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { TEMP_TYPES } from '../../../../shared/assistance/codes';
import type { TemporaryPaymentRow, TemporaryPaymentTotal } from '../../../../shared/assistance/lists';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { useFileAction } from '../../hooks/use-file-action';
import { ErrorBlock } from '../../components/ErrorBlock';
import { FilterSelect } from '../../components/FilterSelect';
import { formatFen } from '../../lib/money';
import { ScopeFilters, type Scope } from '../screening/ScopeFilters';
import { AssistanceTabs } from './AssistanceTabs';
import { tempTypeLabel, thisMonth } from './labels';

type TempType = 'urgent' | 'expenditure';

const COLUMNS: TableColumnsType<TemporaryPaymentRow> = [
  { title: '发放日期', dataIndex: 'paidOn', width: 110 },
  { title: '姓名', dataIndex: 'name', width: 90, render: (v: string | null, r) => <a href={`#/households/${r.householdId}`}>{v ?? '—'}</a> },
  { title: '身份证号', dataIndex: 'idMasked', width: 175, render: (v: string | null) => v ?? '—' },
  { title: '社区', dataIndex: 'communityName', width: 140 },
  { title: '类型', dataIndex: 'type', width: 90, render: (v: string) => <Tag color={v === 'urgent' ? 'red' : 'blue'}>{tempTypeLabel(v)}</Tag> },
  { title: '困难情形', dataIndex: 'reason', ellipsis: { showTitle: true } },
  { title: '审批层级', dataIndex: 'approver', width: 90, render: (v: string) => (v === 'district' ? '区级' : '街道') },
  { title: '金额', dataIndex: 'amountFen', width: 130, align: 'right', render: (v: number) => formatFen(v) },
];

function TotalCard({ title, total, testId }: { title: string; total: TemporaryPaymentTotal; testId: string }) {
  return (
    <Card size="small" data-testid={testId} style={{ minWidth: 200 }}>
      <Statistic title={title} value={formatFen(total.totalFen)} suffix={<Typography.Text type="secondary">{`${total.count} 人次`}</Typography.Text>} />
    </Card>
  );
}

export function TemporaryPaymentsPage() {
  const [fromMonth, setFromMonth] = useState(thisMonth);
  const [toMonth, setToMonth] = useState(thisMonth);
  const [type, setType] = useState<TempType | undefined>(undefined);
  const [scope, setScope] = useState<Scope>({});
  const filter = { fromMonth, toMonth, type, communityId: scope.communityId };
  const q = useApiQuery(() => api.call('assistance.temporaryPayments', filter), [fromMonth, toMonth, type, scope.communityId]);
  const exporter = useFileAction();
  const monthPicker = (label: string, value: string, set: (m: string) => void, testId: string) => (
    <DatePicker
      aria-label={label}
      data-testid={testId}
      picker="month"
      format="YYYY-MM"
      allowClear={false}
      value={dayjs(`${value}-01`)}
      onChange={(d) => d && set(d.format('YYYY-MM'))}
      style={{ width: 120 }}
    />
  );
  return (
    <div data-testid="temporary-payments">
      <AssistanceTabs active="temporary-payments" />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          临时救助发放明细
        </Typography.Title>
        <Space wrap>
          <Typography.Text>发放月份</Typography.Text>
          {monthPicker('起始月份', fromMonth, (m) => {
            setFromMonth(m);
            if (m > toMonth) setToMonth(m);
          }, 'temp-pay-from')}
          <Typography.Text>至</Typography.Text>
          {monthPicker('截止月份', toMonth, (m) => {
            setToMonth(m);
            if (m < fromMonth) setFromMonth(m);
          }, 'temp-pay-to')}
          <FilterSelect<TempType>
            label="救助类型"
            testId="temp-pay-type"
            placeholder="全部类型"
            width={120}
            value={type}
            options={TEMP_TYPES.map((t) => ({ value: t.code, label: t.label }))}
            onChange={setType}
          />
          <ScopeFilters value={scope} onChange={setScope} grid={false} worker={false} />
          <Button icon={<FileExcelOutlined />} loading={exporter.busy} onClick={() => void exporter.run(() => api.call('assistance.exportTemporaryPayments', filter), '已导出')} data-testid="temp-pay-export">
            导出Excel
          </Button>
        </Space>
      </Flex>
      {q.error ? (
        <ErrorBlock error={q.error} onRetry={q.reload} />
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {q.data && (
            <Flex wrap gap={12}>
              <TotalCard title="合计" total={q.data.total} testId="temp-pay-total" />
              {TEMP_TYPES.map((t) => (
                <TotalCard key={t.code} title={t.label} total={q.data!.byType[t.code]} testId={`temp-pay-total-${t.code}`} />
              ))}
            </Flex>
          )}
          <Table<TemporaryPaymentRow>
            data-testid="temp-pay-table"
            rowKey="id"
            size="small"
            loading={q.loading}
            dataSource={q.data?.rows ?? []}
            columns={COLUMNS}
            pagination={{ pageSize: 100, showSizeChanger: false, showTotal: (n) => `共 ${n} 条` }}
            locale={{ emptyText: '所选期间没有已发放的临时救助' }}
          />
        </Space>
      )}
    </div>
  );
}
