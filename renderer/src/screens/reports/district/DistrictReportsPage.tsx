/**
 * 统计报表 on a district PC (issue 15): the streets' submitted monthly reports side by side, their
 * ranking on the plan's measures, and the 通报 of lagging streets. Figures are the submitted copies,
 * never live counts.
 */
import { Flex, Result, Tabs, Typography } from 'antd';
import type { DistrictReportsTab } from '../../../router/routes';
import { navigate } from '../../../router/use-route';
import { useSession } from '../../../session/session-context';
import { MonthField } from '../MonthField';
import { lastCompleteMonth, monthLabel, validMonth } from '../report-format';
import { Circulars } from './Circulars';
import { CompareView } from './CompareView';
import { RankingView } from './RankingView';

export function DistrictReportsPage({ tab, month: m }: { tab: DistrictReportsTab; month: string | null }) {
  const { session } = useSession();
  const month = validMonth(m) ? m : lastCompleteMonth();
  if (session.user.streetCode !== 'district') {
    return <Result status="403" title="仅限区级设备" subTitle="各街道对比、排名和通报在区级设备上由区级用户使用。" />;
  }
  const go = (next: { tab?: DistrictReportsTab; month?: string }) =>
    navigate({ name: 'reports-district', tab: next.tab ?? tab, month: next.month ?? month }, { replace: true });
  return (
    <div data-testid="district-reports">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          统计报表（{monthLabel(month)}，各街道报送版本）
        </Typography.Title>
        <MonthField value={month} onChange={(v) => go({ month: v })} testId="district-month" />
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(k) => go({ tab: k as DistrictReportsTab })}
        destroyOnHidden
        items={[
          { key: 'compare', label: '各街道对比', children: <CompareView month={month} /> },
          { key: 'ranking', label: '排名', children: <RankingView month={month} /> },
          { key: 'circulars', label: '通报', children: <Circulars month={month} /> },
        ]}
      />
    </div>
  );
}
