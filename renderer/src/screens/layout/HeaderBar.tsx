/** The top bar: which office this is, who is signed in, and their account actions. */
import { Button, Flex, Space, Tag, Typography } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useSession } from '../../session/session-context';
import { roleLabel } from '../../lib/roles';
import { SyncIndicator } from '../sync/SyncIndicator';

export function HeaderBar({ onChangePassword }: { onChangePassword: () => void }) {
  const { session, setupStatus, signOut } = useSession();
  return (
    <Flex align="center" justify="space-between" style={{ height: '100%' }} gap={16}>
      <Space size={12} style={{ minWidth: 0 }}>
        <Typography.Text strong style={{ fontSize: 16, whiteSpace: "nowrap" }}>
          {session.street.officeName}
        </Typography.Text>
        <Typography.Text type="secondary">{session.street.name}</Typography.Text>
        {setupStatus.isDemo && <Tag color="orange">演示数据</Tag>}
      </Space>
      <Space size={4}>
        <SyncIndicator />
        <span aria-label="当前用户" style={{ marginRight: 8 }}>
          <UserOutlined /> <Typography.Text>{session.user.displayName}</Typography.Text>{' '}
          <Tag color="blue">{roleLabel(session.user.role)}</Tag>
        </span>
        <Button type="text" icon={<KeyOutlined />} onClick={onChangePassword}>
          修改密码
        </Button>
        <Button type="text" icon={<LogoutOutlined />} onClick={() => void signOut()}>
          退出登录
        </Button>
      </Space>
    </Flex>
  );
}
