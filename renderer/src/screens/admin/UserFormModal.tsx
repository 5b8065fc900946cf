/** 新建用户 / 编辑用户 (name and role; the password only when creating). */
import { Form, Input, Modal, Select } from 'antd';
import type { UserInfo } from '../../../../shared/auth/schemas';
import { ROLES, type Role } from '../../../../shared/codes';
import { api } from '../../api/client';
import { toOptions } from '../../lib/codes';
import { strongPassword } from '../../forms/password-rule';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { useFormSubmit } from '../../hooks/use-form-submit';

export type UserFormMode = { kind: 'create' } | { kind: 'edit'; user: UserInfo };

interface Values {
  username: string;
  displayName: string;
  role: Role;
  password?: string;
  phone?: string;
}

const roleOptions = toOptions(ROLES);

export function UserFormModal({ mode, onClose, onSaved }: { mode: UserFormMode | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched(), { enabled: mode !== null });
  const editing = mode?.kind === 'edit' ? mode.user : null;
  const { saving, submit } = useFormSubmit(
    form,
    (v: Values) =>
      editing
        ? api.call('users.update', { id: editing.id, displayName: v.displayName, role: v.role })
        : api.call('users.create', {
            username: v.username,
            displayName: v.displayName,
            role: v.role,
            password: v.password ?? '',
            phone: v.phone || null,
          }),
    { success: (_r, v) => (editing ? '用户信息已保存' : `已新建用户 ${v.username}`), onDone: onSaved },
  );

  return (
    <Modal
      open={mode !== null}
      title={editing ? `编辑用户 ${editing.username}` : '新建用户'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => guard.confirmClose(onClose)}
      destroyOnHidden
    >
      <Form
        form={form}
        name="user"
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={editing ? { username: editing.username, displayName: editing.displayName, role: editing.role } : { role: 'caseworker' }}
      >
        <Form.Item
          label="用户名"
          name="username"
          rules={[
            { required: true, message: '请填写用户名' },
            { pattern: /^[a-zA-Z0-9_.-]{3,32}$/, message: '用户名应为3至32位字母、数字或 _ . -' },
          ]}
        >
          <Input disabled={!!editing} autoFocus={!editing} autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input autoFocus={!!editing} maxLength={20} />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={roleOptions} />
        </Form.Item>
        {!editing && (
          <>
            <Form.Item
              label="初始密码"
              name="password"
              rules={[
                { required: true, message: '请设置初始密码' },
                strongPassword,
              ]}
            >
              <Input.Password autoComplete="new-password" maxLength={128} />
            </Form.Item>
            <Form.Item label="联系电话" name="phone">
              <Input maxLength={20} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
