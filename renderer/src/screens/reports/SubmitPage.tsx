/** 月报报送: a street's submitted versions of a month's report, and 报送 (issue 15). */
import { Flex, Space, Typography } from 'antd';
import { navigate } from '../../router/use-route';
import { CircularsCard } from './CircularsCard';
import { MonthField } from './MonthField';
import { lastCompleteMonth, validMonth } from './report-format';
import { SubmitPanel } from './SubmitPanel';

export function SubmitPage({ month: m }: { month: string | null }) {
  const month = validMonth(m) ? m : lastCompleteMonth();
  return (
    <div data-testid="reports-submit">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          月度调度报表报送
        </Typography.Title>
        <MonthField value={month} onChange={(v) => navigate({ name: 'reports-submit', month: v }, { replace: true })} testId="submit-month" />
      </Flex>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <SubmitPanel month={month} />
        <CircularsCard />
      </Space>
    </div>
  );
}
