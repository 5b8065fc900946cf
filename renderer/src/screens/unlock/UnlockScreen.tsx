/**
 * The encrypted street database cannot be opened on start (its key file is missing, or sealed for
 * another PC or user account): says why, and takes the paper recovery key to open it. Nothing is
 * created or overwritten meanwhile.
 */
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import { useInlineAction } from '../../hooks/use-inline-action';

interface Props {
  reason: string;
  onUnlocked: () => void;
}

export function UnlockScreen({ reason, onUnlocked }: Props) {
  const [form] = Form.useForm<{ recoveryKey: string }>();
  const { busy, error, run } = useInlineAction();

  // The key stays in the field after a refusal: 56 characters are corrected, not typed again.
  const submit = (v: { recoveryKey: string }) =>
    run(async () => {
      await api.call('database.unlock', v);
      onUnlocked();
    });

  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 16, boxSizing: 'border-box' }}>
      <Card style={{ width: 560 }} title="打开加密的本机数据库">
        <Alert type="warning" showIcon title={reason} style={{ marginBottom: 16 }} />
        <Typography.Paragraph>
          本机数据已加密保存。请输入街道管理员打印保存的<strong>恢复密钥</strong>（14组，每组4位，字母不分大小写）。
          输入正确后，本机会重新保存密钥，下次启动不再需要输入。
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} name="unlock" layout="vertical" onFinish={submit} disabled={busy}>
          <Form.Item label="恢复密钥" name="recoveryKey" rules={[{ required: true, whitespace: true, message: '请输入恢复密钥' }]}>
            <Input.TextArea
              autoFocus
              autoSize={{ minRows: 2, maxRows: 3 }}
              maxLength={200}
              spellCheck={false}
              placeholder="XXXX-XXXX-XXXX-…"
              style={{ fontFamily: 'monospace', fontSize: 16 }}
              onPressEnter={(e) => {
                e.preventDefault();
                form.submit();
              }}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<KeyOutlined />} block size="large" loading={busy}>
            打开数据库
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          没有恢复密钥时，请不要删除或覆盖数据文件夹，联系街道管理员或技术支持。
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
