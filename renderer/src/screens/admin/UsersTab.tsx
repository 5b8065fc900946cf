/** User accounts of the street: create, edit name/role, disable, reset password, unlock. */
import { useState } from 'react';
import { App, Button, Flex, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { UserInfo } from '../../../../shared/auth/schemas';
import { api, errorMessage } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { ErrorBlock } from '../../components/ErrorBlock';
import { formatInstant } from '../../lib/dates';
import { roleLabel } from '../../lib/roles';
import { useSession } from '../../session/session-context';
import { UserFormModal, type UserFormMode } from './UserFormModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { appClock } from '../../api/clock';

function isLocked(u: UserInfo): boolean {
  return !!u.lockedUntil && new Date(u.lockedUntil).getTime() > appClock.now().getTime();
}

export function UsersTab() {
  const { message, modal } = App.useApp();
  const { session } = useSession();
  const users = useApiQuery(() => api.call('users.list', {}), []);
  const [formMode, setFormMode] = useState<UserFormMode | null>(null);
  const [resetting, setResetting] = useState<UserInfo | null>(null);

  const update = async (input: { id: string; disabled?: boolean; unlock?: boolean }, done: string) => {
    try {
      await api.call('users.update', input);
      message.success(done);
      users.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const toggleDisabled = (u: UserInfo) =>
    modal.confirm({
      title: u.disabled ? `启用用户 ${u.displayName}？` : `停用用户 ${u.displayName}？`,
      content: u.disabled ? '启用后该用户可以重新登录。' : '停用后该用户不能再登录，已登录的会话将失效。',
      okText: u.disabled ? '启用' : '停用',
      okButtonProps: { danger: !u.disabled },
      cancelText: '取消',
      onOk: () => update({ id: u.id, disabled: !u.disabled }, u.disabled ? '已启用' : '已停用'),
    });

  const columns: TableColumnsType<UserInfo> = [
    { title: '用户名', dataIndex: 'username', width: 140 },
    { title: '姓名', dataIndex: 'displayName', width: 120 },
    { title: '角色', dataIndex: 'role', width: 120, render: (r: UserInfo['role']) => roleLabel(r) },
    {
      title: '状态',
      key: 'state',
      width: 160,
      render: (_: unknown, u) =>
        u.disabled ? (
          <Tag>已停用</Tag>
        ) : isLocked(u) ? (
          <Tag color="red">已锁定至 {formatInstant(u.lockedUntil)}</Tag>
        ) : (
          <Tag color="green">正常</Tag>
        ),
    },
    { title: '最近登录', dataIndex: 'lastLoginAt', width: 150, render: (v: string | null) => formatInstant(v) || '从未登录' },
    {
      title: '操作',
      key: 'actions',
      render: (_: unknown, u) => {
        const self = u.id === session.user.id;
        return (
          <Space size={0} wrap>
            <Button type="link" size="small" onClick={() => setFormMode({ kind: 'edit', user: u })}>
              编辑
            </Button>
            <Button type="link" size="small" onClick={() => setResetting(u)}>
              重置密码
            </Button>
            {isLocked(u) && (
              <Button type="link" size="small" onClick={() => update({ id: u.id, unlock: true }, `已解锁 ${u.displayName}`)}>
                解锁
              </Button>
            )}
            {!self && (
              <Button type="link" size="small" danger={!u.disabled} onClick={() => toggleDisabled(u)}>
                {u.disabled ? '启用' : '停用'}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  if (users.error != null && !users.data) return <ErrorBlock error={users.error} onRetry={users.reload} title="用户列表加载失败" />;

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">本街道的工作人员账号。经办人负责日常录入，街道负责人可删除家庭记录，管理员还可管理用户和社区网格。</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormMode({ kind: 'create' })}>
          新建用户
        </Button>
      </Flex>
      <div data-testid="user-table">
        <Table<UserInfo> rowKey="id" size="middle" columns={columns} dataSource={users.data ?? []} loading={users.loading} pagination={false} locale={{ emptyText: '暂无用户' }} />
      </div>
      {/* Mounted per opening: a form kept from an earlier opening keeps its values (编辑 after 新建 opened with 用户名 empty). */}
      {formMode && (
        <UserFormModal
          key={formMode.kind === 'edit' ? formMode.user.id : 'new'}
          mode={formMode}
          onClose={() => setFormMode(null)}
          onSaved={() => {
            setFormMode(null);
            users.reload();
          }}
        />
      )}
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
