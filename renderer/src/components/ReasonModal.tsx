/** Confirmation of a destructive action that asks for the reason (recorded in the audit log). */
import { useState } from 'react';
import { App, Form, Input, Modal, Typography } from 'antd';
import { errorMessage } from '../api/client';
import { useUnsavedGuard } from '../hooks/use-unsaved-guard';

interface Props {
  open: boolean;
  title: string;
  description: string;
  okText: string;
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
}

export function ReasonModal({ open, title, description, okText, onConfirm, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched(), { enabled: open });
  const [busy, setBusy] = useState(false);

  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      await onConfirm(reason.trim());
      onClose();
    } catch (e) {
      form.setFields([{ name: 'reason', errors: [] }]);
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => guard.confirmClose(onClose)}
      destroyOnHidden
    >
      <Typography.Paragraph>{description}</Typography.Paragraph>
      <Form form={form} name="reason" layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item label="原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写原因' }]}>
          <Input.TextArea autoFocus maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} placeholder="如：重复登记、已迁出本街道、录入错误" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
