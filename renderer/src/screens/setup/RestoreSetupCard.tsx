/**
 * On the first-start screen: 从备份恢复, for a PC whose disk died (a fresh install has no users, so
 * the 系统管理 restore cannot be reached). The old PC's backup and its paper recovery key; once
 * restored, the sign-in screen follows and the backup's accounts sign in.
 */
import { useState } from 'react';
import { App, Button, Card, Col, Form, Input, Typography } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import type { SetupStatus } from '../../../../shared/auth/schemas';
import { api } from '../../api/client';
import { showFormError } from '../../lib/form-errors';

interface Values {
  path: string;
  recoveryKey?: string;
}

interface Props {
  isEmpty: boolean;
  disabled: boolean;
  onBusyChange: (busy: boolean) => void;
  onStatusChanged: (s: SetupStatus) => void;
}

export function RestoreSetupCard({ isEmpty, disabled, onBusyChange, onStatusChanged }: Props) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [restoring, setRestoring] = useState(false);

  const restore = async (v: Values) => {
    setRestoring(true);
    onBusyChange(true);
    try {
      const result = await api.call('setup.restoreBackup', { path: v.path.trim(), recoveryKey: v.recoveryKey?.trim() || null });
      message.success(`已从备份恢复${result.streetName ? `“${result.streetName}”` : ''}的数据库，请用备份中的账号登录`);
      onStatusChanged(await api.call('setup.status', {}));
    } catch (e) {
      showFormError(form, e, message);
    } finally {
      setRestoring(false);
      onBusyChange(false);
    }
  };

  // the confirmation names what is replaced: nothing on an empty PC, else what it holds (kept in a backup)
  const confirm = (v: Values) =>
    modal.confirm({
      title: '用该备份恢复本机数据库？',
      content: isEmpty
        ? `本机尚无任何数据。恢复后本机的数据即为备份 ${v.path.trim()} 中的数据，请用备份中的账号登录。`
        : `本机已有的数据（尚未完成设置）将被备份 ${v.path.trim()} 替换；替换前会先另存为一份“恢复前”备份。`,
      okText: '确认恢复',
      cancelText: '取消',
      onOk: () => restore(v),
    });

  return (
    <Col xs={24}>
      <Card title={<><HistoryOutlined /> 从备份恢复</>} aria-label="从备份恢复">
        <Typography.Paragraph type="secondary">
          原来的电脑损坏或更换电脑时，可用原电脑的备份文件恢复本街道的数据：填写备份文件的完整路径（如U盘或备份文件夹中的文件）和原电脑打印的恢复密钥。恢复后用原来的账号登录。
        </Typography.Paragraph>
        <Form<Values> form={form} name="setupRestore" layout="vertical" disabled={disabled || restoring} onFinish={confirm}>
          <Form.Item label="备份文件（完整路径）" name="path" rules={[{ required: true, whitespace: true, message: '请填写备份文件的完整路径' }]}>
            <Input maxLength={1000} placeholder="E:\doudi-20260601-103000-manual.sqlite" />
          </Form.Item>
          <Form.Item label="恢复密钥" name="recoveryKey" extra="原电脑“系统管理 › 数据安全”中打印的恢复密钥（14组，每组4位）。" rules={[{ required: true, whitespace: true, message: '请填写原电脑的恢复密钥' }]}>
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
          <Button htmlType="submit" loading={restoring}>
            从备份恢复
          </Button>
        </Form>
      </Card>
    </Col>
  );
}
