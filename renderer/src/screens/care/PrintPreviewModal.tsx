/**
 * Print preview inside the app: the same document components the print route renders, on screen.
 * Opening it is recorded (audit: preview). In Electron the shell prints the print route in a hidden
 * window (printer dialog, default printer, or a PDF file); in browser mode "打印" opens the print route,
 * which opens the browser's print dialog once its fonts are ready. The print route records the print.
 */
import { useState } from 'react';
import { App, Button, Dropdown, Modal, Segmented, Space, Typography } from 'antd';
import { DownOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
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
import { canShellPrint, openPrintWindow, shellPrint } from '../../print/shell-print';
import { errorMessage } from '../../api/client';
import type { ShellPrintMode } from '../../../../shared/print/request';

export type PreviewTarget = { doc: 'cards'; ids: string[]; layout?: CardLayout } | { doc: 'agreement'; id: string };

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

function hashFor(target: PreviewTarget, layout: CardLayout, extra: Record<string, string>): string {
  return target.doc === 'cards' ? cardsPrintHash(target.ids, layout, extra) : agreementPrintHash(target.id, extra);
}

/** Electron: 打印… (dialog), 导出PDF, and printing straight to the default printer. */
function ShellPrintButtons({ target, layout }: { target: PreviewTarget; layout: CardLayout }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<ShellPrintMode | null>(null);
  const fileName = target.doc === 'cards' ? `照料服务卡（${target.ids.length}张）` : '委托照料服务协议';
  const run = async (mode: ShellPrintMode) => {
    setBusy(mode);
    try {
      const r = await shellPrint(hashFor(target, layout, { mode: mode === 'pdf' ? 'pdf' : 'print' }), mode, fileName);
      if (r.kind === 'saved') void message.success(`PDF 已保存：${r.path}`);
      else if (r.kind === 'printed') void message.success('已发送到打印机');
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} disabled={busy !== null} onClick={() => void run('pdf')} data-testid="pdf-button">
        导出PDF
      </Button>
      <Space.Compact>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          loading={busy === 'dialog' || busy === 'silent'}
          disabled={busy !== null}
          onClick={() => void run('dialog')}
          data-testid="print-button"
        >
          打印…
        </Button>
        <Dropdown
          disabled={busy !== null}
          menu={{ items: [{ key: 'silent', label: '直接打印到默认打印机' }], onClick: () => void run('silent') }}
        >
          <Button type="primary" icon={<DownOutlined />} aria-label="更多打印方式" />
        </Dropdown>
      </Space.Compact>
    </>
  );
}

export function PrintPreviewModal({ target, onClose }: { target: PreviewTarget | null; onClose: () => void }) {
  const [layout, setLayout] = useState<CardLayout>(target?.doc === 'cards' ? (target.layout ?? 'a4-8up') : 'a4-8up');
  if (!target) return null;
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
          {canShellPrint() ? (
            <ShellPrintButtons target={target} layout={layout} />
          ) : (
            <Button
              type="primary"
              icon={<PrinterOutlined />}
              onClick={() => openPrintWindow(hashFor(target, layout, { mode: 'print', autoprint: '1' }))}
              data-testid="print-button"
            >
              打印
            </Button>
          )}
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
