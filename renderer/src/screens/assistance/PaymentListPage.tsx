/**
 * 救助政策 › 发放花名册: a programme's list for a month. Once the month's batch (发放批次) is generated
 * this is the batch: its rows (live while pending, frozen once confirmed, with 补发 / 扣回 rows and
 * their reasons), totals per community, confirmation, bank file, Excel and print. Before, the list as
 * the rules give it today, with a button to generate the batch.
 */
import { Alert, Button, Card, DatePicker, Descriptions, Flex, Select, Space, Typography } from 'antd';
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Programme } from '../../../../shared/assistance/codes';
import type { BatchReplacedNote, PaymentBatchDetail } from '../../../../shared/assistance/batches';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { useFileAction } from '../../hooks/use-file-action';
import { ErrorBlock } from '../../components/ErrorBlock';
import { formatInstant } from '../../lib/dates';
import { formatFen } from '../../lib/money';
import { navigate } from '../../router/use-route';
import { AssistanceTabs } from './AssistanceTabs';
import { BatchActions } from './BatchActions';
import { BatchRowsTable, BatchStatusTag, BatchTotalsTable } from './BatchTables';
import { CommunityTotalsTable, PaymentRowsTable } from './PaymentTables';
import { PROGRAMME_OPTIONS, programmeLabel, thisMonth } from './labels';

export function PaymentListPage({ programme: p, month: m }: { programme: string | null; month: string | null }) {
  const programme = (p ?? 'dibao') as Programme;
  const month = m && /^\d{4}-\d{2}$/.test(m) ? m : thisMonth();
  const b = useApiQuery(() => api.call('batches.forMonth', { programme, month }), [programme, month]);
  const batch = b.data?.batch ?? null;
  // The list as the rules give it today, while the month has no batch.
  const q = useApiQuery(() => api.call('assistance.paymentList', { programme, month }), [programme, month], b.data !== undefined && batch === null);
  const exporter = useFileAction();
  const go = (next: { programme?: string; month?: string }) =>
    navigate({ name: 'payment-list', programme: next.programme ?? programme, month: next.month ?? month }, { replace: true });
  const exportExcel = () =>
    exporter.run(() => (batch ? api.call('batches.exportRoster', { id: batch.id }) : api.call('assistance.exportPaymentList', { programme, month })), '已导出');
  const error = b.error ?? q.error;
  return (
    <div data-testid="payment-list">
      <AssistanceTabs active="payment-list" />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {`${programmeLabel(programme)}发放花名册（${month}）`}
          </Typography.Title>
          {batch && <BatchStatusTag status={batch.status} />}
        </Space>
        <Space wrap>
          <Select aria-label="救助项目" data-testid="payment-programme" style={{ width: 200 }} value={programme} options={PROGRAMME_OPTIONS} onChange={(v: string) => go({ programme: v })} />
          <DatePicker
            aria-label="发放月份"
            data-testid="payment-month"
            picker="month"
            format="YYYY-MM"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && go({ month: d.format('YYYY-MM') })}
          />
          {b.data && <BatchActions programme={programme} month={month} batch={batch} onChange={b.reload} />}
          <Button icon={<FileExcelOutlined />} loading={exporter.busy} onClick={() => void exportExcel()} data-testid="payment-export">
            导出Excel
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => navigate({ name: 'print-payment-list', programme, month })} data-testid="payment-print">
            打印
          </Button>
        </Space>
      </Flex>
      {error ? (
        <ErrorBlock error={error} onRetry={() => (b.error ? b.reload() : q.reload())} />
      ) : batch ? (
        <BatchView batch={batch} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {b.data && <Alert type="info" showIcon title="本月尚未生成发放批次：下表为按现行规则计算的名单。生成并确认批次后，发放明细即冻结。" />}
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

/** This PC's own confirmation of the month was refused by the district, which had another PC's first. */
function ReplacedAlert({ note }: { note: BatchReplacedNote }) {
  const mine = note.local;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="batch-replaced"
      title="本机确认的批次未被区级服务器接受，现显示的是区里的批次"
      description={
        `本机曾于 ${mine.confirmedAt ? formatInstant(mine.confirmedAt) : '—'} 由 ${mine.confirmedBy ?? '—'} 确认本月批次（${mine.rowCount} 条，合计 ${formatFen(mine.totalFen)}），` +
        `但区里已先收到本街道另一台电脑确认的同月批次，以先到者为准；本机于 ${formatInstant(note.at)} 改用区里的批次。` +
        '本机原批次的明细列在“同步”页的“被服务器拒收的修改”中。请按区里的批次发放，不要再用本机此前导出的银行代发文件；' +
        '两者的差额（本机多列或少列的人员）将在下一个批次中按现行规则补发或扣回，请核对后再确认下一批次。'
      }
    />
  );
}

function BatchView({ batch }: { batch: PaymentBatchDetail }) {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {batch.status === 'pending' && (
        <Alert type="warning" showIcon title="批次待确认：明细按现行规则实时计算，确认后冻结；此前已确认月份的差额列为补发或扣回。" />
      )}
      {batch.replacedByDistrict && <ReplacedAlert note={batch.replacedByDistrict} />}
      <Descriptions size="small" bordered column={3} data-testid="batch-info">
        <Descriptions.Item label="生成">{`${formatInstant(batch.generatedAt)} ${batch.generatedBy ?? ''}`}</Descriptions.Item>
        <Descriptions.Item label="确认">{batch.confirmedAt ? `${formatInstant(batch.confirmedAt)} ${batch.confirmedBy ?? ''}` : '—'}</Descriptions.Item>
        <Descriptions.Item label="发放">{batch.paidAt ? `${formatInstant(batch.paidAt)} ${batch.paidBy ?? ''}` : '—'}</Descriptions.Item>
        {batch.digest && (
          <Descriptions.Item label="明细摘要（SHA-256）" span={3}>
            <Typography.Text code data-testid="batch-digest">{batch.digest}</Typography.Text>
          </Descriptions.Item>
        )}
        {batch.bankFileDigest && (
          <Descriptions.Item label="银行代发文件摘要" span={3}>
            <Typography.Text code data-testid="batch-bank-digest">{batch.bankFileDigest}</Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Card size="small" title="各社区合计">
        <BatchTotalsTable batch={batch} />
      </Card>
      <Card size="small" title="发放明细">
        <BatchRowsTable batch={batch} />
      </Card>
    </Space>
  );
}
