/** 系统管理: user accounts, and the street's communities and grids. */
import { Card, Tabs } from 'antd';
import { navigate } from '../../router/use-route';
import { UsersTab } from './UsersTab';
import { OrgTab } from './OrgTab';
import { OneTruthNotice } from './OneTruthNotice';

export function AdminPage({ tab }: { tab: 'users' | 'org' }) {
  return (
    <Card title="系统管理">
      <OneTruthNotice />
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate({ name: 'admin', tab: key === 'org' ? 'org' : 'users' })}
        items={[
          { key: 'users', label: '用户管理', children: <UsersTab /> },
          { key: 'org', label: '社区与网格', children: <OrgTab /> },
        ]}
        destroyOnHidden
      />
    </Card>
  );
}
