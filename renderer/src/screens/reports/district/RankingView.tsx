/**
 * 排名: the streets ranked on the plan's measures from their submitted reports, lagging ones marked
 * with the reasons, and the lagging lines used (the dated policy record and its source).
 */
import { Alert, Space, Table, Tag } from 'antd';
import type { RankingResult } from '../../../../../shared/reports/snapshots';
import { percentText } from '../../../../../shared/reports/format';
import { api } from '../../../api/client';
import { ErrorBlock } from '../../../components/ErrorBlock';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { useApiQuery } from '../../../hooks/use-api-query';
import { shareText } from '../report-format';

type Row = RankingResult['rows'][number];

function LinesNote({ lines }: { lines: RankingResult['lines'] }) {
  return (
    <Alert
      type="info"
      showIcon
      data-testid="ranking-lines"
      title={`落后线（自${lines.effectiveFrom}起）：排查覆盖率低于${percentText(lines.coverageMinBp)}；超期未办结问题多于${lines.overdueItemsMax}件；急难型临时救助24小时内审批率低于${percentText(lines.urgentWithin24hMinBp)}；“四有”落实率低于${percentText(lines.careFourHasMinBp)}`}
      description={lines.note ? `依据：${lines.note}（可在“救助政策 › 政策参数”中按日期调整）` : undefined}
    />
  );
}

export function RankingView({ month }: { month: string }) {
  const q = useApiQuery(() => api.call('reports.ranking', { month }), [month]);
  if (q.error) return <ErrorBlock error={q.error} onRetry={q.reload} />;
  if (!q.data) return <LoadingBlock text="正在排名…" />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <LinesNote lines={q.data.lines} />
      <Table<Row>
        size="small"
        rowKey={(r) => r.street.code}
        pagination={false}
        dataSource={q.data.rows}
        data-testid="ranking-table"
        columns={[
          { title: '名次', width: 60, render: (_, r) => r.rank ?? '—' },
          { title: '街道', width: 120, render: (_, r) => r.street.name },
          { title: '版本', width: 70, render: (_, r) => (r.submission ? `第${r.submission.version}版` : '未报送') },
          { title: '排查覆盖率', width: 110, align: 'right', render: (_, r) => (r.measures ? shareText(r.measures.coverageBp) : '—') },
          { title: '超期问题', width: 90, align: 'right', render: (_, r) => (r.measures ? `${r.measures.overdueItems}件` : '—') },
          { title: '24小时审批率', width: 120, align: 'right', render: (_, r) => (r.measures ? shareText(r.measures.urgentWithin24hBp) : '—') },
          { title: '“四有”落实率', width: 120, align: 'right', render: (_, r) => (r.measures ? shareText(r.measures.careFourHasBp) : '—') },
          {
            title: '落后情况',
            render: (_, r) =>
              r.lagging.length === 0 ? (
                <Tag color="green">达标</Tag>
              ) : (
                <Space size={4} wrap>
                  <Tag color="red">落后</Tag>
                  {r.lagging.join('；')}
                </Space>
              ),
          },
        ]}
      />
    </Space>
  );
}
