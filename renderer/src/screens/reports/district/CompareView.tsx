/**
 * 各街道对比: which version each street submitted (or 未报送), then each table of the report with one
 * line per street and the district's total (shares recomputed from the summed counts, by the backend).
 */
import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { ComparedStreet, ComparedTable } from '../../../../../shared/reports/compare';
import { api } from '../../../api/client';
import { ErrorBlock } from '../../../components/ErrorBlock';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { useApiQuery } from '../../../hooks/use-api-query';
import { formatInstant } from '../../../lib/dates';
import { formatCell } from '../report-format';

type Line = { key: string; name: string; cells: Record<string, number | null> | null; total?: boolean };

function SubmissionsTable({ streets }: { streets: ComparedStreet[] }) {
  const submitted = streets.filter((s) => s.submission).length;
  return (
    <Card size="small" title={`报送情况（已报送 ${submitted} 个街道，未报送 ${streets.length - submitted} 个）`}>
      <Table
        size="small"
        rowKey={(s) => s.street.code}
        pagination={false}
        dataSource={streets}
        data-testid="compare-submissions"
        columns={[
          { title: '街道', render: (_, s) => s.street.name, width: 140 },
          {
            title: '报送版本',
            width: 110,
            render: (_, s) => (s.submission ? <Tag color={s.submission.version > 1 ? 'orange' : 'green'}>第{s.submission.version}版</Tag> : <Tag color="red">未报送</Tag>),
          },
          { title: '报送时间', width: 170, render: (_, s) => (s.submission ? formatInstant(s.submission.submittedAt) : '') },
          { title: '报送人', width: 100, render: (_, s) => s.submission?.submittedByName ?? '' },
          { title: '更正原因', render: (_, s) => s.submission?.reason ?? '' },
        ]}
      />
    </Card>
  );
}

function ComparedTableCard({ t, streets }: { t: ComparedTable; streets: ComparedStreet[] }) {
  const lines: Line[] = [
    ...streets.map((s) => ({ key: s.street.code, name: s.street.name, cells: t.byStreet[s.street.code] ?? null })),
    { key: 'district', name: '全区合计', cells: t.district, total: true },
  ];
  return (
    <Card size="small" title={t.title} data-testid={`compare-table-${t.key}`}>
      <Table<Line>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={lines}
        scroll={{ x: 'max-content' }}
        rowClassName={(l) => (l.total ? 'report-total-row' : '')}
        columns={[
          { title: '街道', fixed: 'left', width: 120, render: (_, l) => (l.total ? <strong>{l.name}</strong> : l.name) },
          ...t.columns.map((c) => ({
            title: c.label,
            key: c.key,
            align: 'right' as const,
            render: (_: unknown, l: Line) => (l.cells ? formatCell(c, l.cells[c.key]) : <Typography.Text type="secondary">未报送</Typography.Text>),
          })),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, whiteSpace: 'pre-wrap' }}>
        {t.definition}
      </Typography.Paragraph>
    </Card>
  );
}

export function CompareView({ month }: { month: string }) {
  const q = useApiQuery(() => api.call('reports.compare', { month }), [month]);
  if (q.error) return <ErrorBlock error={q.error} onRetry={q.reload} />;
  if (!q.data) return <LoadingBlock text="正在汇总各街道报送的报表…" />;
  const d = q.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <SubmissionsTable streets={d.streets} />
      {d.tables.length === 0 ? (
        <Empty description="本月还没有街道报送含统计表的报表" />
      ) : (
        d.tables.map((t) => <ComparedTableCard key={t.key} t={t} streets={d.streets} />)
      )}
    </Space>
  );
}
