/** 救助政策 › 发放花名册: a programme's payment list for a month, totals per community, Excel export, print. */
import { Button, Card, DatePicker, Flex, Select, Space, Typography } from 'antd';
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Programme } from '../../../../shared/assistance/codes';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { useFileAction } from '../../hooks/use-file-action';
import { ErrorBlock } from '../../components/ErrorBlock';
import { navigate } from '../../router/use-route';
import { AssistanceTabs } from './AssistanceTabs';
import { CommunityTotalsTable, PaymentRowsTable } from './PaymentTables';
import { PROGRAMME_OPTIONS, programmeLabel, thisMonth } from './labels';

export function PaymentListPage({ programme: p, month: m }: { programme: string | null; month: string | null }) {
  const programme = (p ?? 'dibao') as Programme;
  const month = m && /^\d{4}-\d{2}$/.test(m) ? m : thisMonth();
  const q = useApiQuery(() => api.call('assistance.paymentList', { programme, month }), [programme, month]);
  const exporter = useFileAction();
  const go = (next: { programme?: string; month?: string }) =>
    navigate({ name: 'payment-list', programme: next.programme ?? programme, month: next.month ?? month }, { replace: true });
  return (
    <div data-testid="payment-list">
      <AssistanceTabs active="payment-list" />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {`${programmeLabel(programme)}发放花名册（${month}）`}
        </Typography.Title>
        <Space wrap>
          <Select aria-label="救助项目" data-testid="payment-programme" style={{ width: 220 }} value={programme} options={PROGRAMME_OPTIONS} onChange={(v: string) => go({ programme: v })} />
          <DatePicker
            aria-label="发放月份"
            data-testid="payment-month"
            picker="month"
            format="YYYY-MM"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && go({ month: d.format('YYYY-MM') })}
          />
          <Button icon={<FileExcelOutlined />} loading={exporter.busy} onClick={() => void exporter.run(() => api.call('assistance.exportPaymentList', { programme, month }), '已导出')} data-testid="payment-export">
            导出Excel
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => navigate({ name: 'print-payment-list', programme, month })} data-testid="payment-print">
            打印
          </Button>
        </Space>
      </Flex>
      {q.error ? (
        <ErrorBlock error={q.error} onRetry={q.reload} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" title="各社区合计" loading={q.loading && !q.data}>
            {q.data && <CommunityTotalsTable list={q.data} />}
          </Card>
          <Card size="small" title="发放明细" loading={q.loading && !q.data}>
            {q.data && <PaymentRowsTable list={q.data} />}
          </Card>
        </Space>
      )}
    </div>
  );
}
