/** The left navigation: work areas of the office; those of later releases are shown disabled. */
import { Menu, Tooltip } from 'antd';
import type { MenuProps } from 'antd';
import {
  AuditOutlined,
  BarChartOutlined,
  CloudSyncOutlined,
  FileSearchOutlined,
  HeartOutlined,
  ReadOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { AreaKey } from '../../router/routes';
import { navigate } from '../../router/use-route';

const LATER = [
  { key: 'screening', label: '走访排查', icon: <FileSearchOutlined /> },
  { key: 'ledger', label: '问题台账', icon: <AuditOutlined /> },
  { key: 'reports', label: '统计报表', icon: <BarChartOutlined /> },
  { key: 'sync', label: '同步', icon: <CloudSyncOutlined /> },
];

export function SideNav({ area, showAdmin }: { area: AreaKey | null; showAdmin: boolean }) {
  const items: MenuProps['items'] = [
    { key: 'registry', icon: <TeamOutlined />, label: '户籍台账', title: '户籍台账（Alt+1）' },
    { key: 'policy', icon: <ReadOutlined />, label: '救助政策', title: '救助政策：保障对象、临时救助、发放花名册、应补尽补、政策参数' },
    { key: 'care', icon: <HeartOutlined />, label: '照料服务', title: '照料服务（Alt+4）' },
    ...LATER.map((i) => ({
      key: i.key,
      icon: i.icon,
      disabled: true,
      label: (
        <Tooltip title="后续版本提供" placement="right">
          <span>{i.label}</span>
        </Tooltip>
      ),
    })),
    ...(showAdmin ? [{ key: 'admin', icon: <SettingOutlined />, label: '系统管理', title: '系统管理（Alt+9）' }] : []),
  ];

  return (
    <nav aria-label="主导航">
      <Menu
        theme="dark"
        mode="inline"
        selectedKeys={area ? [area] : []}
        items={items}
        onClick={({ key }) => {
          if (key === 'registry') navigate({ name: 'households' });
          if (key === 'policy') navigate({ name: 'enrolments', programme: null });
          if (key === 'care') navigate({ name: 'care' });
          if (key === 'admin') navigate({ name: 'admin', tab: 'users' });
        }}
      />
    </nav>
  );
}
