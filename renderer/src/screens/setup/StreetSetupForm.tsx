/** Sets up the real street: which Dongli street, the office name and the first administrator. */
import { useState } from 'react';
import { App, Button, Divider, Form, Input, Select } from 'antd';
import type { SessionInfo } from '../../../../shared/auth/schemas';
import { DONGLI_STREETS } from '../../../../shared/streets';
import { api } from '../../api/client';
import { showFormError } from '../../lib/form-errors';
import { strongPassword } from '../../forms/password-rule';

interface Values {
  preset: string;
  streetCode: string;
  streetName: string;
  officeName: string;
  admin: { username: string; displayName: string; password: string };
  confirm: string;
}

const OTHER = 'other';
const presetOptions = [
  ...DONGLI_STREETS.map((s) => ({ value: s.code, label: s.name })),
  { value: OTHER, label: '其他（手动填写街道代码和名称）' },
];

export function StreetSetupForm({ disabled, onSignedIn }: { disabled: boolean; onSignedIn: (s: SessionInfo) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [officeTouched, setOfficeTouched] = useState(false);
  const preset = Form.useWatch('preset', form);
  const manual = preset === OTHER;

  const onValuesChange = (changed: Partial<Values>, all: Values) => {
    if (changed.preset !== undefined) {
      const street = DONGLI_STREETS.find((s) => s.code === changed.preset);
      form.setFieldsValue({
        streetCode: street?.code ?? '',
        streetName: street?.name ?? '',
      });
      if (!officeTouched) form.setFieldValue('officeName', street ? `${street.name}公共服务办公室` : '');
    } else if (changed.streetName !== undefined && !officeTouched) {
      form.setFieldValue('officeName', all.streetName ? `${all.streetName}公共服务办公室` : '');
    }
    if (changed.officeName !== undefined) setOfficeTouched(true);
  };

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const session = await api.call('setup.initialize', {
        streetCode: v.streetCode,
        streetName: v.streetName,
        officeName: v.officeName,
        admin: v.admin,
      });
      message.success('设置完成，已登录');
      onSignedIn(session);
    } catch (e) {
      showFormError(form, e, message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      name="streetSetup"
      layout="vertical"
      disabled={disabled || saving}
      onValuesChange={onValuesChange}
      onFinish={submit}
      requiredMark
    >
      <Form.Item label="街道" name="preset" rules={[{ required: true, message: '请选择本街道' }]}>
        <Select options={presetOptions} placeholder="请选择东丽区的街道" autoFocus showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item
        label="街道代码"
        name="streetCode"
        extra="统计用区划代码，9位或12位数字"
        rules={[
          { required: true, message: '请填写街道代码' },
          { pattern: /^\d{9}(\d{3})?$/, message: '街道代码应为9位或12位数字' },
        ]}
      >
        <Input readOnly={!manual} inputMode="numeric" maxLength={12} />
      </Form.Item>
      <Form.Item label="街道名称" name="streetName" rules={[{ required: true, whitespace: true, message: '请填写街道名称' }]}>
        <Input readOnly={!manual} maxLength={30} />
      </Form.Item>
      <Form.Item label="办公室名称" name="officeName" rules={[{ required: true, whitespace: true, message: '请填写办公室名称' }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Divider titlePlacement="start" plain>
        系统管理员
      </Divider>
      <Form.Item
        label="管理员用户名"
        name={['admin', 'username']}
        rules={[
          { required: true, message: '请填写用户名' },
          { pattern: /^[a-zA-Z0-9_.-]{3,32}$/, message: '用户名应为3至32位字母、数字或 _ . -' },
        ]}
      >
        <Input autoComplete="username" maxLength={32} />
      </Form.Item>
      <Form.Item label="管理员姓名" name={['admin', 'displayName']} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item
        label="密码"
        name={['admin', 'password']}
        rules={[
          { required: true, message: '请设置密码' },
          strongPassword,
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Form.Item
        label="确认密码"
        name="confirm"
        dependencies={[['admin', 'password']]}
        rules={[
          { required: true, message: '请再次输入密码' },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue(['admin', 'password'])
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={saving}>
        完成设置并登录
      </Button>
    </Form>
  );
}
