/** 系统管理: user accounts, the street's communities and grids, backups and restore, and data security (the recovery key). */
import { Card, Tabs } from 'antd';
import { navigate } from '../../router/use-route';
import { UsersTab } from './UsersTab';
import { OrgTab } from './OrgTab';
import { OneTruthNotice } from './OneTruthNotice';
import { BackupTab } from './BackupTab';
import { SecurityTab } from './SecurityTab';

export function AdminPage({ tab }: { tab: 'users' | 'org' | 'backup' | 'security' }) {
  return (
    <Card title="系统管理">
      <OneTruthNotice />
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate({ name: 'admin', tab: key === 'org' || key === 'backup' || key === 'security' ? key : 'users' })}
        items={[
          { key: 'users', label: '用户管理', children: <UsersTab /> },
          { key: 'org', label: '社区与网格', children: <OrgTab /> },
          { key: 'backup', label: '备份与恢复', children: <BackupTab /> },
          { key: 'security', label: '数据安全', children: <SecurityTab /> },
        ]}
        destroyOnHidden
      />
    </Card>
  );
}
