/** 预警: the street's inbox; at a district PC also every street's disposition rates (区级管理员). */
import { Tabs, Typography } from 'antd';
import { navigate } from '../../router/use-route';
import { useSession } from '../../session/session-context';
import { DistrictRatesView } from './DistrictRatesView';
import { WarningsInbox } from './WarningsInbox';
import { inboxFilterFromQuery } from './warnings-filter';
import '../ledger/ledger.css';

export function WarningsPage({ tab, filter }: { tab: 'inbox' | 'rates'; filter?: string }) {
  const { session } = useSession();
  const districtAdmin = session.user.role === 'district-admin';
  const active = tab === 'rates' && districtAdmin ? 'rates' : 'inbox';
  return (
    <div data-testid="warnings">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        预警
      </Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(k) => navigate(k === 'rates' ? { name: 'warnings-rates' } : { name: 'warnings' })}
        destroyOnHidden
        items={[
          { key: 'inbox', label: '预警处置', children: <WarningsInbox initial={inboxFilterFromQuery(filter)} /> },
          ...(districtAdmin ? [{ key: 'rates', label: '各街道处置情况', children: <DistrictRatesView /> }] : []),
        ]}
      />
    </div>
  );
}
