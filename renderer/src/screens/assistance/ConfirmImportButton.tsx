/** 确认导入: the office has checked an imported enrolment against its papers (asked once more, then audited). */
import { useState } from 'react';
import { App, Button } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import type { EnrolmentDetail } from '../../../../shared/assistance/types';
import { api, errorMessage } from '../../api/client';

export function ConfirmImportButton({ id, onDone }: { id: string; onDone: (e: EnrolmentDetail) => void }) {
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const confirm = () =>
    modal.confirm({
      title: '确认导入？',
      content: '请确认已核对原审批材料：起始发放月份、保障人数和金额与本记录一致。确认后记入办理记录和操作日志。',
      okText: '确认导入',
      cancelText: '取消',
      onOk: async () => {
        setBusy(true);
        try {
          onDone(await api.call('assistance.confirmImport', { id }));
          message.success('已确认导入');
        } catch (err) {
          message.error(errorMessage(err));
        } finally {
          setBusy(false);
        }
      },
    });
  return (
    <Button type="primary" size="small" icon={<CheckCircleOutlined />} loading={busy} onClick={confirm} data-testid="confirm-import">
      确认导入
    </Button>
  );
}
