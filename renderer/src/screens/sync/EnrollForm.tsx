/** Device enrollment: the district server's address and the one-time code its administrator issued. */
import { useState } from 'react';
import { Alert, App, Button, Form, Input } from 'antd';
import type { EnrollResult } from '../../../../shared/sync/status';
import { api } from '../../api/client';
import { showFormError } from '../../lib/form-errors';
import { announceSyncChange } from './use-sync-status';

interface Values {
  serverUrl: string;
  code: string;
  deviceName?: string;
}

interface Props {
  disabled?: boolean;
  onEnrolled: (r: EnrollResult) => void;
  /** While the enrollment and its first sync run (the set-up screen disables its other choices). */
  onBusyChange?: (busy: boolean) => void;
}

export function EnrollForm({ disabled, onEnrolled, onBusyChange }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusyState] = useState(false);
  const setBusy = (b: boolean) => {
    setBusyState(b);
    onBusyChange?.(b);
  };
  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const res = await api.call('sync.enroll', {
        serverUrl: v.serverUrl,
        code: v.code,
        ...(v.deviceName?.trim() ? { deviceName: v.deviceName.trim() } : {}),
      });
      announceSyncChange();
      if (res.firstSync.ok) message.success('本设备已登记，数据已从区级服务器同步');
      else message.warning(`本设备已登记，但首次同步未完成：${res.firstSync.error?.message ?? ''}；程序会自动重试`);
      // Stays busy: the form gives way to what follows enrollment, and the set-up screen's other
      // choices must not come back for a moment in between.
      onEnrolled(res);
    } catch (e) {
      setBusy(false);
      showFormError(form, e, message);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} disabled={disabled || busy} aria-label="登记本设备" requiredMark>
      <Form.Item
        name="serverUrl"
        label="区级服务器地址"
        rules={[{ required: true, message: '请填写区级服务器地址' }]}
        extra="由区级管理员提供，例如 https://doudi.dongli.gov.cn 或 http://192.168.10.5:5790"
      >
        <Input placeholder="http://服务器地址:端口" autoComplete="off" data-testid="enroll-server" />
      </Form.Item>
      <Form.Item
        name="code"
        label="一次性登记码"
        rules={[{ required: true, message: '请填写登记码' }]}
        extra="区级管理员为本街道签发的登记码，只能使用一次，7 天内有效"
      >
        <Input placeholder="例如 ABCD-EFGH-JKLM" autoComplete="off" data-testid="enroll-code" />
      </Form.Item>
      <Form.Item name="deviceName" label="设备名称（可不填）" extra="便于区级管理员识别本机，例如“张贵庄街道 救助窗口1”">
        <Input maxLength={60} autoComplete="off" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="enroll-submit">
        登记并同步
      </Button>
      {busy && <Alert style={{ marginTop: 12 }} type="info" showIcon title="正在登记并从区级服务器取得本街道的数据，请稍候…" />}
    </Form>
  );
}
