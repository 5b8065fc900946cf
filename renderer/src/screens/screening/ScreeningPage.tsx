/** 走访排查: due lists with visit entry, batch entry of a grid's round, and coverage. */
import { Tabs, Typography } from 'antd';
import type { ScreeningTab } from '../../router/routes';
import { navigate } from '../../router/use-route';
import { CoverageView } from './CoverageView';
import { DueListView } from './DueListView';
import { PolicyView } from './policy/PolicyView';
import { RoundView } from './RoundView';

/** `filter`: the URL's query; the due list reads list=today|week|overdue. */
export function ScreeningPage({ tab, filter = '' }: { tab: ScreeningTab; filter?: string }) {
  return (
    <div data-testid="screening">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        走访排查
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => navigate({ name: 'screening', tab: k as ScreeningTab })}
        destroyOnHidden
        items={[
          { key: 'due', label: '应走访名单', children: <DueListView initialList={new URLSearchParams(filter).get('list')} /> },
          { key: 'round', label: '批量登记（网格走访）', children: <RoundView /> },
          { key: 'coverage', label: '走访覆盖率', children: <CoverageView /> },
          { key: 'policy', label: '排查频次与时限', children: <PolicyView /> },
        ]}
      />
    </div>
  );
}
