/**
 * What can be done with a month's payment batch: 生成批次 (none yet), 确认 (pending; 街道负责人 or
 * administrator, after a dialog naming month, count and total), 标记已发放 (confirmed; the bank file
 * is then exported), 导出银行代发文件 (confirmed or paid).
 */
import { useState } from 'react';
import { App, Button } from 'antd';
import { BankOutlined, CheckCircleOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { Programme } from '../../../../shared/assistance/codes';
import type { PaymentBatchDetail } from '../../../../shared/assistance/batches';
import { api, errorMessage } from '../../api/client';
import { useFileAction } from '../../hooks/use-file-action';
import { formatFen } from '../../lib/money';
import { isSupervisorRole } from '../../lib/roles';
import { useSession } from '../../session/session-context';
import { programmeLabel } from './labels';

export function BatchActions({ programme, month, batch, onChange }: { programme: Programme; month: string; batch: PaymentBatchDetail | null; onChange: () => void }) {
  const { message, modal } = App.useApp();
  const { session } = useSession();
  const supervisor = isSupervisorRole(session.user.role);
  const [busy, setBusy] = useState(false);
  const files = useFileAction();
  const name = `${programmeLabel(programme)} ${month} 发放批次`;

  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await run();
      message.success(done);
      onChange();
    } catch (e) {
      message.error(errorMessage(e));
      throw e;
    } finally {
      setBusy(false);
    }
  };

  if (!batch) {
    return (
      <Button type="primary" icon={<PlusOutlined />} loading={busy} data-testid="batch-generate" onClick={() => void act(() => api.call('batches.generate', { programme, month }), `已生成${name}`).catch(() => undefined)}>
        生成发放批次
      </Button>
    );
  }
  const confirm = () =>
    modal.confirm({
      title: `确认${name}？`,
      content: (
        <div data-testid="batch-confirm-summary">
          {`${month}，共 ${batch.rowCount} 条，合计 ${formatFen(batch.totalFen)}`}
          {(batch.supplementFen !== 0 || batch.recoveryFen !== 0) && `（含补发 ${formatFen(batch.supplementFen)}，扣回 ${formatFen(batch.recoveryFen)}）`}
          。确认后发放明细即冻结，任何人不能再修改；以后的差额在下一个批次中补发或扣回。
        </div>
      ),
      okText: '确认并冻结',
      cancelText: '取消',
      onOk: () => act(() => api.call('batches.confirm', { id: batch.id }), `已确认${name}`),
    });
  const markPaid = () =>
    modal.confirm({
      title: `将${name}标记为已发放？`,
      content: `${batch.rowCount} 条，合计 ${formatFen(batch.totalFen)}。同时导出银行代发文件，其摘要记入批次，之后不能撤销。`,
      okText: '标记已发放并导出',
      cancelText: '取消',
      onOk: async () => {
        await act(() => api.call('batches.markPaid', { id: batch.id }), `${name}已标记为已发放`);
        await files.run(() => api.call('batches.exportBankFile', { id: batch.id }), '已导出银行代发文件');
      },
    });
  return (
    <>
      {batch.status === 'pending' && (
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined />}
          disabled={!supervisor}
          title={supervisor ? undefined : '确认发放批次须由街道负责人或管理员办理'}
          loading={busy}
          data-testid="batch-confirm"
          onClick={confirm}
        >
          确认批次
        </Button>
      )}
      {batch.status === 'confirmed' && supervisor && (
        <Button type="primary" icon={<CheckCircleOutlined />} loading={busy} data-testid="batch-mark-paid" onClick={markPaid}>
          标记已发放
        </Button>
      )}
      {batch.status !== 'pending' && (
        <Button icon={<BankOutlined />} loading={files.busy} data-testid="batch-bank-file" onClick={() => void files.run(() => api.call('batches.exportBankFile', { id: batch.id }), '已导出银行代发文件')}>
          导出银行代发文件
        </Button>
      )}
    </>
  );
}
