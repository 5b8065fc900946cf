/**
 * Print preview inside the app: the same document components the print route renders, on screen.
 * Opening it is recorded (audit: preview); "打印" opens the print route, which records the print and
 * opens the printer dialog once its fonts are ready.
 */
import { useState } from 'react';
import { Button, Modal, Segmented, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import '@fontsource/noto-serif-sc/400.css';
import '@fontsource/noto-serif-sc/700.css';
import '../../print/print.css';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { ErrorBlock } from '../../components/ErrorBlock';
import { LoadingBlock } from '../../components/LoadingBlock';
import { CardSheets, type CardLayout } from '../../print/CardSheets';
import { AgreementDoc } from '../../print/AgreementDoc';
import { agreementPrintHash, cardsPrintHash } from '../../print/print-route';

export type PreviewTarget = { doc: 'cards'; ids: string[]; layout?: CardLayout } | { doc: 'agreement'; id: string };

/** Opens the print route in a new window (browser mode); it prints itself when ready. */
export function openPrintWindow(hash: string): void {
  const url = `${window.location.href.split('#')[0]}${hash}`;
  window.open(url, '_blank', 'noopener=no');
}

function PreviewBody({ target, layout }: { target: PreviewTarget; layout: CardLayout }) {
  const q = useApiQuery(async () => {
    if (target.doc === 'cards') {
      await api.call('care.recordPrint', { document: 'care-cards', ids: target.ids, mode: 'preview', layout });
      return { kind: 'cards' as const, cards: await api.call('care.cardPrintData', { ids: target.ids }) };
    }
    await api.call('care.recordPrint', { document: 'care-agreement', ids: [target.id], mode: 'preview' });
    return { kind: 'agreement' as const, doc: await api.call('care.agreementPrintData', { id: target.id }) };
  }, [target, layout]);
  if (q.error) return <ErrorBlock error={q.error} onRetry={q.reload} />;
  if (!q.data) return <LoadingBlock text="正在生成预览…" />;
  return (
    <div className="print-root" style={{ maxHeight: '70vh', overflow: 'auto' }} data-testid="print-preview">
      {q.data.kind === 'cards' ? (
        <CardSheets cards={q.data.cards} layout={layout} />
      ) : (
        <div className="agreement-screen">
          <AgreementDoc doc={q.data.doc} />
        </div>
      )}
    </div>
  );
}

export function PrintPreviewModal({ target, onClose }: { target: PreviewTarget | null; onClose: () => void }) {
  const [layout, setLayout] = useState<CardLayout>(target?.doc === 'cards' ? (target.layout ?? 'a4-8up') : 'a4-8up');
  if (!target) return null;
  const hash =
    target.doc === 'cards'
      ? cardsPrintHash(target.ids, layout, { mode: 'print', autoprint: '1' })
      : agreementPrintHash(target.id, { mode: 'print', autoprint: '1' });
  return (
    <Modal
      open
      width={900}
      title={target.doc === 'cards' ? `打印预览：照料服务卡（${target.ids.length} 张）` : '打印预览：委托照料服务协议'}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Typography.Text type="secondary">打印和导出PDF均记入操作日志</Typography.Text>
          <Button onClick={onClose}>关闭</Button>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => openPrintWindow(hash)} data-testid="print-button">
            打印
          </Button>
        </Space>
      }
    >
      {target.doc === 'cards' && (
        <Segmented
          style={{ marginBottom: 12 }}
          value={layout}
          onChange={(v) => setLayout(v as CardLayout)}
          options={[
            { value: 'a4-8up', label: 'A4 每页8张（带裁切线）' },
            { value: 'single', label: '单张卡片（85.6×54毫米）' },
          ]}
        />
      )}
      <PreviewBody target={target} layout={layout} />
    </Modal>
  );
}
