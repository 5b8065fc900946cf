/** Records the move of a person into 集中供养 (institutional care). */
import { Form, Input, Modal } from 'antd';
import { api } from '../../api/client';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { appClock } from '../../api/clock';
import { DateField } from '../../forms/DateField';

interface Values {
  date: string;
  institution: string;
  reason: string;
}

export function TransferModal(props: { open: boolean; personId: string; name: string; suggestion: string | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched(), { enabled: props.open });
  const { saving: busy, submit } = useFormSubmit(form, (v: Values) => api.call('care.recordTransfer', { personId: props.personId, ...v }), {
    success: `已登记${props.name}转入集中供养`,
    guard,
    onDone: () => {
      props.onClose();
      props.onDone();
    },
  });
  return (
    <Modal open={props.open} title={`登记转入集中供养：${props.name}`} okText="确认转入" okButtonProps={{ danger: true }} cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={() => guard.confirmClose(props.onClose)} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={{ date: appClock.today(), reason: props.suggestion ?? '' }}>
        <Form.Item label="转入日期" name="date" rules={[{ required: true, message: '请填写转入日期' }]}>
          <DateField style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="供养机构" name="institution" rules={[{ required: true, whitespace: true, message: '请填写供养机构' }]}>
          <Input maxLength={60} placeholder="如：东丽区社会福利院" />
        </Form.Item>
        <Form.Item label="转入原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写转入原因' }]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
