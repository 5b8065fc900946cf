/** Due today / this week / overdue: covered households to visit, per community, grid and grid worker. */
import { useState } from 'react';
import { Button, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { labelOf } from '../../../../shared/codes';
import { CADENCES, SCREENING_GROUPS } from '../../../../shared/screening/cadence';
import type { DueRow } from '../../../../shared/screening/schemas';
import { api } from '../../api/client';
import { ErrorBlock } from '../../components/ErrorBlock';
import { useApiQuery } from '../../hooks/use-api-query';
import { hrefOf } from '../../router/routes';
import { useSession } from '../../session/session-context';
import { ScopeFilters, type Scope } from './ScopeFilters';
import { VisitAnyHousehold } from './HouseholdVisits';
import { VisitModal, type VisitTarget } from './VisitModal';

type ListKind = 'today' | 'week' | 'overdue';

const CADENCE_COLOR: Record<string, string> = { daily: 'red', weekly: 'orange', monthly: 'blue' };

export function CadenceTag({ row }: { row: Pick<DueRow, 'cadence' | 'because'> }) {
  const why = row.because.map((b) => labelOf(SCREENING_GROUPS, b)).join('、');
  return (
    <Tooltip title={why ? `依据：${why}` : undefined}>
      <Tag color={CADENCE_COLOR[row.cadence]}>{labelOf(CADENCES, row.cadence)}</Tag>
    </Tooltip>
  );
}

const LIST_KINDS: readonly ListKind[] = ['today', 'week', 'overdue'];

/** `initialList`: the list to open on (the URL's list=…, e.g. from the 工作台). */
export function DueListView({ initialList }: { initialList?: string | null }) {
  const { session } = useSession();
  const [list, setList] = useState<ListKind>(LIST_KINDS.includes(initialList as ListKind) ? (initialList as ListKind) : 'today');
  const [scope, setScope] = useState<Scope>({});
  const [visiting, setVisiting] = useState<VisitTarget | null>(null);
  const [paging, setPaging] = useState({ page: 1, pageSize: 50 });
  // The backend sorts and pages the list; a new list or scope starts at page 1.
  const changeList = (l: ListKind) => {
    setList(l);
    setPaging((p) => ({ ...p, page: 1 }));
  };
  const changeScope = (s: Scope) => {
    setScope(s);
    setPaging((p) => ({ ...p, page: 1 }));
  };
  const q = useApiQuery(
    () => api.call('screening.dueList', { list, communityId: scope.communityId, gridId: scope.gridId, worker: scope.worker, ...paging }),
    [list, scope.communityId, scope.gridId, scope.worker, paging.page, paging.pageSize],
  );
  const rows = q.data?.rows ?? [];
  const columns: TableColumnsType<DueRow> = [
    { title: '户主', dataIndex: 'headName', width: 100 },
    { title: '家庭住址', dataIndex: 'address' },
    { title: '社区', dataIndex: 'communityName', width: 130 },
    { title: '网格（网格员）', width: 160, render: (_, r) => (r.gridName ? `${r.gridName}${r.workerName ? `（${r.workerName}）` : ''}` : '未划分网格') },
    { title: '人数', dataIndex: 'memberCount', width: 60, align: 'right' },
    { title: '排查频次', width: 100, render: (_, r) => <CadenceTag row={r} /> },
    { title: '上次走访', dataIndex: 'lastVisitOn', width: 110, render: (v: string | null) => v ?? <Typography.Text type="secondary">未走访</Typography.Text> },
    {
      title: '应走访日期',
      width: 150,
      render: (_, r) => (
        <Space size={4}>
          {r.dueOn}
          {r.daysOverdue > 0 && <Tag color="error">超期{r.daysOverdue}天</Tag>}
        </Space>
      ),
    },
    {
      title: '操作',
      width: 100,
      render: (_, r) => (
        <Button size="small" type="primary" onClick={() => setVisiting(r)} data-testid={`visit-${r.householdId}`}>
          登记走访
        </Button>
      ),
    },
  ];
  return (
    <div data-testid="due-list">
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Segmented<ListKind>
            value={list}
            onChange={changeList}
            options={[
              { value: 'today', label: '今日应走访' },
              { value: 'week', label: '本周应走访' },
              { value: 'overdue', label: '已超期' },
            ]}
          />
          <ScopeFilters value={scope} onChange={changeScope} />
        </Space>
        <Space wrap>
          <VisitAnyHousehold onSaved={q.reload} />
          <Tooltip title={scope.gridId ? '打印本网格本周走访单（A4）' : '请先选择网格'}>
            <Button icon={<PrinterOutlined />} disabled={!scope.gridId} href={scope.gridId ? hrefOf({ name: 'print-visit-sheet', gridId: scope.gridId }) : undefined}>
              打印走访单
            </Button>
          </Tooltip>
        </Space>
      </Space>
      {q.error ? (
        <ErrorBlock error={q.error} onRetry={q.reload} />
      ) : (
        <Table<DueRow>
          rowKey="householdId"
          size="small"
          loading={q.loading}
          columns={columns}
          dataSource={rows}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: q.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (n) => `共 ${n} 户`,
            onChange: (page, pageSize) => setPaging((p) => ({ page: pageSize === p.pageSize ? page : 1, pageSize })),
          }}
          locale={{ emptyText: list === 'overdue' ? '没有超期未走访的家庭' : '没有应走访的家庭' }}
          title={() => (q.data ? `今天 ${q.data.today}，${q.data.total} 户` : null)}
        />
      )}
      {visiting && q.data && (
        <VisitModal
          target={visiting}
          today={q.data.today}
          visitor={session.user.displayName}
          onClose={() => setVisiting(null)}
          onSaved={() => {
            setVisiting(null);
            q.reload();
          }}
        />
      )}
    </div>
  );
}
