/** 修改密码: the old password, the new one twice. */
import { Form, Input, Modal } from 'antd';
import { api } from '../../api/client';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { strongPassword } from '../../forms/password-rule';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched(), { enabled: open });

  const { saving, submit } = useFormSubmit(
    form,
    async (v: Values) => {
      return api.call('auth.changePassword', { oldPassword: v.oldPassword, newPassword: v.newPassword });
    },
    { success: '密码已修改', onDone: () => onClose() },
  );

  return (
    <Modal
      title="修改密码"
      open={open}
      onCancel={() => guard.confirmClose(onClose)}
      onOk={() => form.submit()}
      okText="确定修改"
      confirmLoading={saving}
      destroyOnHidden
      afterOpenChange={(visible) => !visible && form.resetFields()}
    >
      <Form form={form} name="changePassword" layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item label="原密码" name="oldPassword" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          rules={[
            { required: true, message: '请输入新密码' },
            strongPassword,
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" onPressEnter={() => form.submit()} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
