/** The left navigation: work areas of the office. */
import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import {
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  CloudSyncOutlined,
  FileSearchOutlined,
  HeartOutlined,
  ReadOutlined,
  SettingOutlined,
  TeamOutlined,
  AlertOutlined,
} from '@ant-design/icons';
import type { AreaKey } from '../../router/routes';
import { navigate } from '../../router/use-route';

export function SideNav({
  area,
  showAdmin,
  districtUser = false,
  importsOpen = false,
}: {
  area: AreaKey | null;
  showAdmin: boolean;
  districtUser?: boolean;
  /** The 部门数据导入 screen is open: its entry under 预警 is the selected one. */
  importsOpen?: boolean;
}) {
  const items: MenuProps['items'] = [
    { key: 'home', icon: <DashboardOutlined />, label: '工作台', title: '工作台（Alt+0）：今日到期与待办' },
    { key: 'registry', icon: <TeamOutlined />, label: '户籍台账', title: '户籍台账（Alt+1）' },
    { key: 'screening', icon: <FileSearchOutlined />, label: '走访排查', title: '走访排查（Alt+2）' },
    { key: 'ledger', icon: <AuditOutlined />, label: '问题台账', title: '问题台账（Alt+3）' },
    { key: 'policy', icon: <ReadOutlined />, label: '救助政策', title: '救助政策：保障对象、临时救助、发放花名册、应补尽补、政策参数' },
    { key: 'care', icon: <HeartOutlined />, label: '照料服务', title: '照料服务（Alt+4）' },
    {
      key: 'warnings-menu',
      icon: <AlertOutlined />,
      label: '预警',
      // the title opens the inbox too: the inbox is what 预警 is mostly used for
      onTitleClick: () => navigate({ name: 'warnings' }),
      children: [
        { key: 'warnings', label: '按户处置', title: '预警：部门数据比对发现的预警，按户处置' },
        { key: 'warnings-imports', label: '部门数据', title: '部门数据导入（医保、残联、人社、殡葬）' },
      ],
    },
    { key: 'reports', icon: <BarChartOutlined />, label: '统计报表', title: '统计报表：月度调度报表' },
    { key: 'sync', icon: <CloudSyncOutlined />, label: '同步', title: '同步（与区级服务器）' },
    ...(showAdmin ? [{ key: 'admin', icon: <SettingOutlined />, label: '系统管理', title: '系统管理（Alt+9）' }] : []),
  ];

  return (
    <nav aria-label="主导航">
      <Menu
        theme="dark"
        mode="inline"
        selectedKeys={importsOpen ? ['warnings-imports'] : area ? [area] : []}
        defaultOpenKeys={area === 'warnings' ? ['warnings-menu'] : []}
        items={items}
        onClick={({ key }) => {
          if (key === 'home') navigate({ name: 'home' });
          if (key === 'registry') navigate({ name: 'households' });
          if (key === 'policy') navigate({ name: 'enrolments', programme: null });
          if (key === 'screening') navigate({ name: 'screening', tab: 'due' });
          if (key === 'ledger') navigate({ name: 'ledger', tab: 'items' });
          if (key === 'care') navigate({ name: 'care' });
          if (key === 'warnings') navigate({ name: 'warnings' });
          if (key === 'warnings-imports') navigate({ name: 'warnings-imports' });
          if (key === 'admin') navigate({ name: 'admin', tab: 'users' });
          if (key === 'sync') navigate({ name: 'sync' });
          if (key === 'reports') navigate(districtUser ? { name: 'reports-district', tab: 'compare', month: null } : { name: 'reports', month: null });
        }}
      />
    </nav>
  );
}
