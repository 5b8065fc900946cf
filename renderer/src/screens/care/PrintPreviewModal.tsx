/**
 * Print preview inside the app: the same document components the print route renders, on screen.
 * Opening it is recorded (audit: preview). In Electron the shell prints the print route in a hidden
 * window (printer dialog, default printer, or a PDF file); in browser mode "打印" opens the print route,
 * which opens the browser's print dialog once its fonts are ready. The print route records the print.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Dropdown, Modal, Segmented, Space, Typography } from 'antd';
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
import type { AgreementPrint, CardPrint } from '../../../../shared/care/types';

export type PreviewTarget = { doc: 'cards'; ids: string[]; layout?: CardLayout } | { doc: 'agreement'; id: string };

/** "陈奶奶：监督电话、应急预案" per document with blank required fields. */
function missingLines(data: { kind: 'cards'; cards: CardPrint[] } | { kind: 'agreement'; doc: AgreementPrint }): string[] {
  if (data.kind === 'agreement') return data.doc.missing.length ? [`协议 ${data.doc.agreementNumber}：${data.doc.missing.join('、')}`] : [];
  return data.cards.filter((c) => c.missing.length).map((c) => `${c.personName}（${c.cardNumber}）：${c.missing.join('、')}`);
}

/** Asks before printing documents with blank required fields; resolves true to go on. */
function useConfirmMissing(missing: string[]) {
  const { modal } = App.useApp();
  return (): Promise<boolean> =>
    missing.length === 0
      ? Promise.resolve(true)
      : new Promise<boolean>((resolve) => {
          modal.confirm({
          title: '以下必填内容尚未填写',
          content: (
            <div data-testid="missing-confirm">
              {missing.map((m) => (
                <div key={m}>{m}</div>
              ))}
              <div style={{ marginTop: 8 }}>打印后这些位置为空白横线，需手工填写。仍要打印吗？</div>
            </div>
          ),
          okText: '仍要打印',
          cancelText: '返回补填',
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        });
        });
}

function PreviewBody({ target, layout, onMissing }: { target: PreviewTarget; layout: CardLayout; onMissing: (m: string[]) => void }) {
  const q = useApiQuery(async () => {
    if (target.doc === 'cards') {
      await api.call('care.recordPrint', { document: 'care-cards', ids: target.ids, mode: 'preview', layout });
      return { kind: 'cards' as const, cards: await api.call('care.cardPrintData', { ids: target.ids }) };
    }
    await api.call('care.recordPrint', { document: 'care-agreement', ids: [target.id], mode: 'preview' });
    return { kind: 'agreement' as const, doc: await api.call('care.agreementPrintData', { id: target.id }) };
  }, [target, layout]);
  const lines = q.data ? missingLines(q.data) : [];
  const key = lines.join('|');
  useEffect(() => onMissing(key ? key.split('|') : []), [key, onMissing]);
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
function ShellPrintButtons({ target, layout, confirm }: { target: PreviewTarget; layout: CardLayout; confirm: () => Promise<boolean> }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<ShellPrintMode | null>(null);
  const fileName = target.doc === 'cards' ? `照料服务卡（${target.ids.length}张）` : '委托照料服务协议';
  const run = async (mode: ShellPrintMode) => {
    if (!(await confirm())) return;
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
  const [missing, setMissing] = useState<string[]>([]);
  const confirm = useConfirmMissing(missing);
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
            <ShellPrintButtons target={target} layout={layout} confirm={confirm} />
          ) : (
            <Button
              type="primary"
              icon={<PrinterOutlined />}
              onClick={() => void confirm().then((go) => go && openPrintWindow(hashFor(target, layout, { mode: 'print', autoprint: '1' })))}
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
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="missing-fields"
          title="以下必填内容尚未填写，打印后为空白横线，需手工填写"
          description={missing.map((m) => (
            <div key={m}>{m}</div>
          ))}
        />
      )}
      <PreviewBody target={target} layout={layout} onMissing={setMissing} />
    </Modal>
  );
}
