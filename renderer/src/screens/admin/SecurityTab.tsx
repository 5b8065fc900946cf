/**
 * 数据安全: the street database is encrypted; its recovery key (the key written for paper) is shown
 * to an administrator after the password, to print on A4 and keep locked away from the PC. The key
 * is the key: showing it again shows the same one, each time audited.
 */
import { useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, Modal, Space, Typography } from 'antd';
import { PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { RecoveryKeySheet } from '../../../../shared/database/procedures';
import { api } from '../../api/client';
import { useInlineAction } from '../../hooks/use-inline-action';
import { useApiQuery } from '../../hooks/use-api-query';
import { ErrorBlock } from '../../components/ErrorBlock';
import { LoadingBlock } from '../../components/LoadingBlock';
import { formatInstant } from '../../lib/dates';
import { RecoveryKeyPrintSheet } from './RecoveryKeyPrintSheet';

export function SecurityTab() {
  const status = useApiQuery(() => api.call('database.status', {}), []);
  const [asking, setAsking] = useState(false);
  const [sheet, setSheet] = useState<RecoveryKeySheet | null>(null);

  if (status.error) return <ErrorBlock error={status.error} onRetry={status.reload} />;
  if (!status.data) return <LoadingBlock />;
  const s = status.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions bordered column={1} size="small" styles={{ label: { width: 180 } }}>
        <Descriptions.Item label="本机数据库">{s.encrypted ? '已加密保存（AES-256）' : '未加密'}</Descriptions.Item>
        <Descriptions.Item label="恢复密钥">
          {s.recoveryKeyShownAt ? `最近一次查看：${formatInstant(s.recoveryKeyShownAt)}` : '尚未查看和打印'}
        </Descriptions.Item>
      </Descriptions>
      {!s.recoveryKeyShownAt && (
        <Alert
          type="warning"
          showIcon
          title="请打印恢复密钥并妥善保管"
          description="电脑损坏、更换电脑或系统账号时，只有凭恢复密钥才能打开本机数据和备份。"
        />
      )}
      <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={() => setAsking(true)} disabled={!s.encrypted}>
        查看并打印恢复密钥
      </Button>
      {asking && (
        <PasswordModal
          onCancel={() => setAsking(false)}
          onShown={(shown) => {
            setAsking(false);
            setSheet(shown);
            status.reload();
          }}
        />
      )}
      {sheet && <SheetModal sheet={sheet} onClose={() => setSheet(null)} />}
    </Space>
  );
}

function PasswordModal({ onCancel, onShown }: { onCancel: () => void; onShown: (s: RecoveryKeySheet) => void }) {
  const [form] = Form.useForm<{ password: string }>();
  const { busy, error, run } = useInlineAction();
  const submit = (v: { password: string }) =>
    run(async () => onShown(await api.call('database.recoveryKey', v)), { onError: () => form.setFieldValue('password', '') });
  return (
    <Modal open title="查看恢复密钥" okText="查看" cancelText="取消" onOk={() => form.submit()} onCancel={onCancel} confirmLoading={busy} destroyOnHidden>
      <Typography.Paragraph>查看恢复密钥需要再次输入您的登录密码；每次查看都记入操作日志。</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={submit} disabled={busy}>
        <Form.Item label="登录密码" name="password" rules={[{ required: true, message: '请输入您的登录密码' }]}>
          <Input.Password autoFocus autoComplete="current-password" maxLength={128} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SheetModal({ sheet, onClose }: { sheet: RecoveryKeySheet; onClose: () => void }) {
  const print = () => {
    document.body.classList.add('printing-recovery-key');
    window.addEventListener('afterprint', () => document.body.classList.remove('printing-recovery-key'), { once: true });
    window.print();
  };
  return (
    <Modal
      open
      width={760}
      title="数据库恢复密钥"
      onCancel={onClose}
      footer={[
        <Button key="print" type="primary" icon={<PrinterOutlined />} onClick={print}>
          打印（A4）
        </Button>,
        <Button key="close" onClick={onClose}>
          关闭
        </Button>,
      ]}
    >
      <RecoveryKeyPrintSheet sheet={sheet} />
    </Modal>
  );
}
