/**
 * #/print/payment-list?programme=…&month=…: the payment list (the month's batch once generated: its
 * frozen rows once confirmed, with 补发 / 扣回 and the digest) on A4 landscape with page numbers, for the
 * printer: the 打印 button calls window.print() (the print dialog, in the browser and in Electron); the page
 * also sets data-print-ready so that Electron's printRoute helper can print it from a hidden window.
 */
import { useEffect } from 'react';
import { Button, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { navigate } from '../../router/use-route';
import type { Programme } from '../../../../shared/assistance/codes';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { ErrorBlock } from '../../components/ErrorBlock';
import { LoadingBlock } from '../../components/LoadingBlock';
import { formatInstant } from '../../lib/dates';
import { useSession } from '../../session/session-context';
import { CommunityTotalsTable, PaymentRowsTable } from './PaymentTables';
import { BatchRowsTable, BatchTotalsTable } from './BatchTables';
import { labelOf } from '../../../../shared/codes';
import { BATCH_STATUSES } from '../../../../shared/assistance/batches';
import { programmeLabel } from './labels';
import { appClock } from '../../api/clock';

const PRINT_CSS = `
@page { size: A4 landscape; margin: 12mm 10mm 14mm;
  @bottom-center { content: "第 " counter(page) " 页，共 " counter(pages) " 页"; font-size: 9pt; color: #555; } }
@media print {
  .no-print, .ant-message, .ant-notification { display: none !important; }
  body { background: #fff; }
  html, body, #root { height: auto !important; min-height: 0 !important; }
  .print-sheet { padding: 0 !important; min-height: 0 !important; }
  .print-sheet .ant-table { font-size: 10pt; }
  .print-sheet thead { display: table-header-group; }
  .print-sheet tr { break-inside: avoid; }
}
`;

export function PrintPaymentListPage({ programme, month }: { programme: string; month: string }) {
  const { session } = useSession();
  const b = useApiQuery(() => api.call('batches.forMonth', { programme: programme as Programme, month }), [programme, month]);
  const batch = b.data?.batch ?? null;
  const live = useApiQuery(() => api.call('assistance.paymentList', { programme: programme as Programme, month }), [programme, month], b.data !== undefined && batch === null);
  const q = { error: b.error ?? live.error, data: batch ?? live.data, reload: b.error ? b.reload : live.reload };
  useEffect(() => {
    const state = q.error ? 'error' : q.data ? 'true' : null;
    if (state) document.documentElement.setAttribute('data-print-ready', state);
    return () => document.documentElement.removeAttribute('data-print-ready');
  }, [q.data, q.error]);
  useEffect(() => {
    const prev = document.title;
    document.title = `${programmeLabel(programme)}发放花名册（${month}）`;
    return () => {
      document.title = prev;
    };
  }, [programme, month]);

  if (q.error) return <ErrorBlock error={q.error} onRetry={q.reload} />;
  if (!q.data) return <LoadingBlock text="正在准备打印内容…" />;
  return (
    <div className="print-sheet" data-testid="print-payment-list" style={{ padding: 24, background: '#fff', minHeight: '100vh' }}>
      <style>{PRINT_CSS}</style>
      <div className="no-print" style={{ marginBottom: 16, display: 'flex', gap: 8 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate({ name: 'payment-list', programme, month })}>
          返回花名册
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} autoFocus>
          打印
        </Button>
        <Typography.Text type="secondary">A4 横向；页脚显示页码。</Typography.Text>
      </div>
      <Typography.Title level={4} style={{ textAlign: 'center', marginBottom: 4 }}>
        {`${session.street.name}${programmeLabel(programme)}发放花名册`}
      </Typography.Title>
      <Typography.Paragraph style={{ textAlign: 'center' }}>
        {`发放月份：${month}　　${batch ? `批次状态：${labelOf(BATCH_STATUSES, batch.status)}　　` : ''}打印时间：${formatInstant(appClock.now().toISOString())}`}
      </Typography.Paragraph>
      {batch ? <BatchRowsTable batch={batch} print /> : live.data && <PaymentRowsTable list={live.data} print />}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        各社区合计
      </Typography.Title>
      {batch ? <BatchTotalsTable batch={batch} /> : live.data && <CommunityTotalsTable list={live.data} />}
      {batch?.digest && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{`明细摘要（SHA-256）：${batch.digest}`}</Typography.Paragraph>}
      <Typography.Paragraph style={{ marginTop: 24 }}>经办人：＿＿＿＿＿＿　　审核人：＿＿＿＿＿＿　　街道负责人：＿＿＿＿＿＿</Typography.Paragraph>
    </div>
  );
}
