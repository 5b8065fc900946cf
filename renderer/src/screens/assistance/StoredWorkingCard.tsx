/**
 * The working recorded with the 入户调查 (what the decision was made on, not today's figures), and the
 * printing of the 核算单 for the file.
 */
import { useState } from 'react';
import { App, Button, Card, Space } from 'antd';
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import type { EnrolmentDetail } from '../../../../shared/assistance/types';
import type { AccountingWorking } from '../../../../shared/policy/working';
import { errorMessage } from '../../api/client';
import { accountingSheetPrintHash } from '../../print/print-route';
import { canShellPrint, openPrintWindow, shellPrint } from '../../print/shell-print';
import { WorkingView } from './WorkingView';

/** The working of the latest 入户调查 step, if it recorded one. */
export function storedWorkingOf(e: EnrolmentDetail): AccountingWorking | null {
  const steps = e.steps.filter((s) => s.step === 'investigate');
  const detail = steps[steps.length - 1]?.detail as { working?: AccountingWorking } | null | undefined;
  return detail?.working ?? null;
}

export function StoredWorkingCard({ enrolment }: { enrolment: EnrolmentDetail }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const w = storedWorkingOf(enrolment);
  if (!w) return null;
  const print = async (mode: 'dialog' | 'pdf') => {
    const hash = accountingSheetPrintHash(enrolment.id, { mode: mode === 'pdf' ? 'pdf' : 'print' });
    if (!canShellPrint()) {
      openPrintWindow(accountingSheetPrintHash(enrolment.id, { mode: 'print', autoprint: '1' }));
      return;
    }
    setBusy(true);
    try {
      const r = await shellPrint(hash, mode, `家庭收入核算单（${enrolment.name ?? ''}）`);
      if (r.kind === 'saved') void message.success(`PDF 已保存：${r.path}`);
      else if (r.kind === 'printed') void message.success('已发送到打印机');
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      title={`收入核算（入户调查时，${w.onDate}）`}
      data-testid="stored-working"
      extra={
        <Space>
          {canShellPrint() && (
            <Button icon={<FilePdfOutlined />} loading={busy} onClick={() => void print('pdf')}>
              导出PDF
            </Button>
          )}
          <Button icon={<PrinterOutlined />} loading={busy} onClick={() => void print('dialog')} data-testid="print-accounting-sheet">
            打印核算单
          </Button>
        </Space>
      }
    >
      <WorkingView working={w} />
    </Card>
  );
}
