/** The grids of one community, inside the community table. */
import { Button, Table } from 'antd';
import type { GridInfo } from '../../../../shared/org/schemas';

export function GridTable({ grids, onEdit }: { grids: GridInfo[]; onEdit: (g: GridInfo) => void }) {
  return (
    <Table<GridInfo>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={grids}
      locale={{ emptyText: '该社区尚未划分网格' }}
      columns={[
        { title: '网格', dataIndex: 'name' },
        { title: '网格员', dataIndex: 'workerName', width: 120 },
        { title: '网格员电话', dataIndex: 'workerPhone', width: 150 },
        { title: '家庭数', dataIndex: 'householdCount', width: 80, align: 'right' },
        {
          title: '操作',
          key: 'actions',
          width: 90,
          render: (_: unknown, g) => (
            <Button type="link" size="small" aria-label={`编辑网格 ${g.name}`} onClick={() => onEdit(g)}>
              编辑
            </Button>
          ),
        },
      ]}
    />
  );
}
