/** 社区与网格: the street's communities, each with its grids. */
import { useMemo, useState } from 'react';
import { Button, Flex, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { CommunityInfo, GridInfo } from '../../../../shared/org/schemas';
import { useAllGrids, useCommunities } from '../../hooks/use-org';
import { ErrorBlock } from '../../components/ErrorBlock';
import { CommunityFormModal } from './CommunityFormModal';
import { GridFormModal, type GridFormMode } from './GridFormModal';
import { GridTable } from './GridTable';

export function OrgTab() {
  const communities = useCommunities();
  const grids = useAllGrids();
  const [editingCommunity, setEditingCommunity] = useState<CommunityInfo | 'new' | null>(null);
  const [gridMode, setGridMode] = useState<GridFormMode | null>(null);

  const gridsByCommunity = useMemo(() => {
    const map = new Map<string, GridInfo[]>();
    for (const g of grids.data ?? []) map.set(g.communityId, [...(map.get(g.communityId) ?? []), g]);
    return map;
  }, [grids.data]);

  const reload = () => {
    communities.reload();
    grids.reload();
  };

  const columns: TableColumnsType<CommunityInfo> = [
    { title: '社区/村', dataIndex: 'name' },
    { title: '类型', dataIndex: 'kind', width: 80, render: (k: string) => (k === 'village' ? '村' : '社区') },
    { title: '联系人', dataIndex: 'contactName', width: 110 },
    { title: '联系电话', dataIndex: 'contactPhone', width: 140 },
    { title: '网格数', key: 'grids', width: 80, align: 'right', render: (_: unknown, c) => gridsByCommunity.get(c.id)?.length ?? 0 },
    { title: '家庭数', dataIndex: 'householdCount', width: 80, align: 'right' },
    {
      title: '操作',
      key: 'actions',
      width: 180,
      render: (_: unknown, c) => (
        <Space size={0}>
          <Button type="link" size="small" aria-label={`编辑 ${c.name}`} onClick={() => setEditingCommunity(c)}>
            编辑
          </Button>
          <Button type="link" size="small" aria-label={`为 ${c.name} 添加网格`} onClick={() => setGridMode({ kind: 'create', communityId: c.id })}>
            添加网格
          </Button>
        </Space>
      ),
    },
  ];

  const error = communities.error ?? grids.error;
  if (error != null && !communities.data) return <ErrorBlock error={error} onRetry={reload} title="社区列表加载失败" />;

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">点击社区左侧的“+”查看和编辑其网格。</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditingCommunity('new')}>
          新建社区
        </Button>
      </Flex>
      <div data-testid="community-table">
        <Table<CommunityInfo>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={communities.data ?? []}
          loading={communities.loading || grids.loading}
          pagination={false}
          locale={{ emptyText: '尚未设置社区，请点击“新建社区”' }}
          expandable={{
            expandedRowRender: (c) => (
              <GridTable
                grids={gridsByCommunity.get(c.id) ?? []}
                onEdit={(g) => setGridMode({ kind: 'edit', grid: g })}
              />
            ),
          }}
        />
      </div>
      {/* Mounted per opening: a form kept from an earlier opening keeps its values (编辑 after 新建 opened empty). */}
      {editingCommunity && (
        <CommunityFormModal
          key={editingCommunity === 'new' ? 'new' : editingCommunity.id}
          community={editingCommunity}
          onClose={() => setEditingCommunity(null)}
          onSaved={() => {
            setEditingCommunity(null);
            reload();
          }}
        />
      )}
      {gridMode && (
        <GridFormModal
          key={gridMode.kind === 'edit' ? gridMode.grid.id : `new-${gridMode.communityId}`}
          mode={gridMode}
          communities={communities.data ?? []}
          onClose={() => setGridMode(null)}
          onSaved={() => {
            setGridMode(null);
            reload();
          }}
        />
      )}
    </>
  );
}
