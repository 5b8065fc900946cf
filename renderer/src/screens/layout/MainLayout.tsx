/** The application frame: navigation, header, and the page of the current route. */
import { useState } from 'react';
import { Layout, Typography } from 'antd';
import { useRoute, navigate } from '../../router/use-route';
import { areaOf } from '../../router/routes';
import { useHotkey } from '../../hooks/use-hotkey';
import { requestSearchFocus } from '../../lib/search-focus';
import { isAdminRole } from '../../lib/roles';
import { useSession } from '../../session/session-context';
import { SideNav } from './SideNav';
import { HeaderBar } from './HeaderBar';
import { ChangePasswordModal } from './ChangePasswordModal';
import { RoutePage } from './RoutePage';
import { useBackendNotices } from './use-backend-notices';
import { useMenuCommands } from '../../hooks/use-menu-commands';

const COLLAPSED_KEY = 'doudi.navCollapsed';

export function MainLayout() {
  const route = useRoute();
  const { session } = useSession();
  const showAdmin = isAdminRole(session.user.role);
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === '1');
  const [passwordOpen, setPasswordOpen] = useState(false);
  useBackendNotices();
  useMenuCommands();

  useHotkey(['ctrl+k', '/'], () => {
    if (route.name !== 'households') navigate({ name: 'households' });
    requestSearchFocus();
  });
  useHotkey('alt+0', () => navigate({ name: 'home' }));
  useHotkey('alt+1', () => navigate({ name: 'households' }));
  useHotkey('alt+n', () => navigate({ name: 'household-new' }));
  useHotkey('alt+2', () => navigate({ name: 'screening', tab: 'due' }));
  useHotkey('alt+3', () => navigate({ name: 'ledger', tab: 'items' }));
  useHotkey('alt+4', () => navigate({ name: 'care' }));
  useHotkey('alt+9', () => showAdmin && navigate({ name: 'admin', tab: 'users' }));

  const onCollapse = (value: boolean) => {
    setCollapsed(value);
    localStorage.setItem(COLLAPSED_KEY, value ? '1' : '0');
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={onCollapse} width={200} style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}>
        <Typography.Title
          level={5}
          style={{ color: '#fff', margin: 0, padding: '18px 16px', whiteSpace: 'nowrap', overflow: 'hidden' }}
        >
          {collapsed ? '兜底' : '兜底保障工作台'}
        </Typography.Title>
        <SideNav area={areaOf(route)} showAdmin={showAdmin} districtUser={session.user.role === 'district-admin'} importsOpen={route.name === 'warnings-imports'} />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 16px', borderBottom: '1px solid #f0f0f0', position: 'sticky', top: 0, zIndex: 10 }}>
          <HeaderBar onChangePassword={() => setPasswordOpen(true)} />
        </Layout.Header>
        <Layout.Content style={{ padding: 16 }}>
          <main>
            <RoutePage route={route} />
          </main>
        </Layout.Content>
      </Layout>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}
