/** Sub-navigation of the 救助政策 area. */
import { Tabs } from 'antd';
import type { Route } from '../../router/routes';
import { navigate } from '../../router/use-route';

type TabKey = 'enrolments' | 'temporary' | 'temporary-payments' | 'payment-batches' | 'payment-list' | 'entitlement-gaps' | 'reviews' | 'policy-params';

const TABS: { key: TabKey; label: string; route: Route }[] = [
  { key: 'enrolments', label: '保障对象', route: { name: 'enrolments', programme: null } },
  { key: 'temporary', label: '临时救助', route: { name: 'temporary' } },
  { key: 'temporary-payments', label: '临时救助发放', route: { name: 'temporary-payments' } },
  { key: 'payment-batches', label: '发放批次', route: { name: 'payment-batches' } },
  { key: 'payment-list', label: '发放花名册', route: { name: 'payment-list', programme: null, month: null } },
  { key: 'entitlement-gaps', label: '应补尽补', route: { name: 'entitlement-gaps' } },
  { key: 'reviews', label: '复审', route: { name: 'reviews' } },
  { key: 'policy-params', label: '政策参数', route: { name: 'policy-params' } },
];

export function AssistanceTabs({ active }: { active: TabKey }) {
  return (
    <nav aria-label="救助政策">
      <Tabs
        activeKey={active}
        items={TABS.map((t) => ({ key: t.key, label: <span data-testid={`tab-${t.key}`}>{t.label}</span> }))}
        onChange={(key) => {
          const tab = TABS.find((t) => t.key === key);
          if (tab) navigate(tab.route);
        }}
        style={{ marginBottom: 8 }}
      />
    </nav>
  );
}
