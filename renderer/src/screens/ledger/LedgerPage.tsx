/** 问题台账: the issue ledger, 待登记线索 (with the pending count), the watch ledger, escalations (supervisors) and 回头看. */
import { Badge, Space, Tabs, Typography } from 'antd';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { CluesView } from './CluesView';
import type { LedgerTab } from '../../router/routes';
import { navigate } from '../../router/use-route';
import { isSupervisorRole } from '../../lib/roles';
import { useSession } from '../../session/session-context';
import { EscalationsView } from './EscalationsView';
import { LedgerListView } from './LedgerListView';
import { filterFromQuery } from './ledger-filter';
import { LookBackView } from './LookBackView';
import { WatchView } from './WatchView';

/** `filter`: the URL's query; the item list starts from it (ledger-filter.ts), e.g. from the 工作台. */
export function LedgerPage({ tab, filter }: { tab: LedgerTab; filter?: string }) {
  const { session } = useSession();
  const supervisor = isSupervisorRole(session.user.role);
  const active = tab === 'escalations' && !supervisor ? 'items' : tab;
  const pending = useApiQuery(() => api.call('ledger.clueList', { status: 'pending' }), []);
  const pendingCount = pending.data?.pendingCount ?? 0;
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
          { key: 'items', label: '问题台账', children: <LedgerListView initial={filter ? filterFromQuery(filter) : undefined} /> },
          {
            key: 'clues',
            label: (
              <Space size={6} data-testid="clues-tab">
                待登记线索
                <Badge count={pendingCount} size="small" title={`${pendingCount}条待登记`} />
              </Space>
            ),
            children: <CluesView onChanged={pending.reload} />,
          },
          { key: 'watch', label: '关注台账', children: <WatchView /> },
          ...(supervisor ? [{ key: 'escalations', label: '督办（超期与催办）', children: <EscalationsView /> }] : []),
          { key: 'lookback', label: '回头看', children: <LookBackView /> },
        ]}
      />
    </div>
  );
}
