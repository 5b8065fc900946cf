/** Sign-in: username and password; Enter submits; the backend's Chinese message is shown as is. */
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { SessionInfo, SetupStatus } from '../../../../shared/auth/schemas';
import { api } from '../../api/client';
import { useInlineAction } from '../../hooks/use-inline-action';

interface Props {
  status: SetupStatus;
  notice?: string;
  onSignedIn: (session: SessionInfo) => void;
}

export function LoginScreen({ status, notice, onSignedIn }: Props) {
  const [form] = Form.useForm<{ username: string; password: string }>();
  const { busy, error, run } = useInlineAction();

  const submit = (v: { username: string; password: string }) =>
    run(async () => onSignedIn(await api.call('auth.login', v)), { onError: () => form.setFieldValue('password', '') });

  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 16, boxSizing: 'border-box' }}>
      <Card style={{ width: 400 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          兜底保障工作台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {status.street ? `${status.street.officeName}` : '东丽区街道社会救助兜底保障'}
        </Typography.Paragraph>
        {notice && !error && <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} name="login" layout="vertical" onFinish={submit} disabled={busy}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus maxLength={32} />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={128} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            登录
          </Button>
        </Form>
        {status.isDemo && (
          <Alert style={{ marginTop: 16 }} type="info" showIcon title="演示账号：demo / demo" />
        )}
      </Card>
    </Flex>
  );
}
