/** 问题台账: the issue ledger, the watch ledger, escalations (supervisors) and 回头看. */
import { Tabs, Typography } from 'antd';
import type { LedgerTab } from '../../router/routes';
import { navigate } from '../../router/use-route';
import { isSupervisorRole } from '../../lib/roles';
import { useSession } from '../../session/session-context';
import { EscalationsView } from './EscalationsView';
import { LedgerListView } from './LedgerListView';
import { LookBackView } from './LookBackView';
import { WatchView } from './WatchView';

export function LedgerPage({ tab }: { tab: LedgerTab }) {
  const { session } = useSession();
  const supervisor = isSupervisorRole(session.user.role);
  const active = tab === 'escalations' && !supervisor ? 'items' : tab;
  return (
    <div data-testid="ledger">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        问题台账
      </Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(k) => navigate({ name: 'ledger', tab: k as LedgerTab })}
        destroyOnHidden
        items={[
          { key: 'items', label: '问题台账', children: <LedgerListView /> },
          { key: 'watch', label: '关注台账', children: <WatchView /> },
          ...(supervisor ? [{ key: 'escalations', label: '督办（超期与催办）', children: <EscalationsView /> }] : []),
          { key: 'lookback', label: '回头看', children: <LookBackView /> },
        ]}
      />
    </div>
  );
}
