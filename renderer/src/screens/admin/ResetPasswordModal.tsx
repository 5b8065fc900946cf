/** 重置密码 of another user (an administrator sets a new initial password). */
import { Form, Input, Modal } from 'antd';
import type { UserInfo } from '../../../../shared/auth/schemas';
import { api } from '../../api/client';
import { strongPassword } from '../../forms/password-rule';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { useFormSubmit } from '../../hooks/use-form-submit';

export function ResetPasswordModal({ user, onClose }: { user: UserInfo | null; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string }>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched(), { enabled: user !== null });
  const { saving, submit } = useFormSubmit(
    form,
    ({ password }: { password: string }) => api.call('users.update', { id: user?.id ?? '', resetPassword: password }),
    { success: `已重置 ${user?.displayName ?? ''} 的密码`, guard, onDone: onClose, fieldPath: { rename: { resetPassword: 'password' } } },
  );

  return (
    <Modal
      open={user !== null}
      title={user ? `重置 ${user.displayName}（${user.username}）的密码` : ''}
      okText="重置密码"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => guard.confirmClose(onClose)}
      destroyOnHidden
    >
      <Form form={form} name="resetPassword" layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          label="新密码"
          name="password"
          extra="请将新密码告知本人，并提醒其登录后修改密码。"
          rules={[
            { required: true, message: '请输入新密码' },
            strongPassword,
          ]}
        >
          <Input.Password autoFocus autoComplete="new-password" maxLength={128} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
