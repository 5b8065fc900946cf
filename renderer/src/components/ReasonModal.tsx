/** Confirmation of a destructive action that asks for the reason (recorded in the audit log). */
import { Form, Input, Modal, Typography } from 'antd';
import { useUnsavedGuard } from '../hooks/use-unsaved-guard';
import { useFormSubmit } from '../hooks/use-form-submit';

interface Props {
  open: boolean;
  title: string;
  description: string;
  okText: string;
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
}

export function ReasonModal({ open, title, description, okText, onConfirm, onClose }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched(), { enabled: open });
  // The caller's toast says what was done; a refusal naming the reason shows by the field.
  const { saving: busy, submit } = useFormSubmit(form, ({ reason }: { reason: string }) => onConfirm(reason.trim()), { guard, onDone: onClose });

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
