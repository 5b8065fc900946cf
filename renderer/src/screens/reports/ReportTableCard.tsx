/** One table of the monthly report: its title, Chinese headers, total row and its 口径 printed under it. */
import { Card, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReportRow, ReportTable } from '../../../../shared/reports/monthly-report';
import { formatCell, groupedSeveralWays, rowDimension } from './report-format';

export function ReportTableCard({ table }: { table: ReportTable }) {
  const several = groupedSeveralWays(table);
  const columns: TableColumnsType<ReportRow> = [
    {
      title: '项目',
      dataIndex: 'label',
      key: 'label',
      width: 220,
      fixed: 'left',
      render: (label: string, r: ReportRow) => {
        const dim = rowDimension(r.key);
        return several && dim ? (
          <>
            <Tag bordered={false}>{dim}</Tag>
            {label}
          </>
        ) : (
          label
        );
      },
    },
    ...table.columns.map((c) => ({
      title: c.label,
      key: c.key,
      align: 'right' as const,
      render: (_: unknown, r: ReportRow) => formatCell(c, r.cells[c.key]),
    })),
  ];
  const rows = table.total ? [...table.rows, table.total] : table.rows;
  return (
    <Card size="small" title={table.title} data-testid={`report-table-${table.key}`}>
      <Table<ReportRow>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowClassName={(r) => (r.key === 'total' ? 'report-total-row' : '')}
        locale={{ emptyText: '本月没有可统计的记录' }}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }} data-testid={`report-definition-${table.key}`}>
        口径：{table.definition}
      </Typography.Paragraph>
    </Card>
  );
}
