/**
 * The 预警 inbox: one line per household (its warnings' rules, the nearest due date, overdue in red),
 * expanding to its warnings with the data that triggered each and the rule's version; 处置 on the
 * line disposes of the household's open warnings together, 处置 on a warning of that one alone.
 */
import { useState } from 'react';
import { Button, Checkbox, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { WarningHouseholdGroup, WarningView } from '../../../../shared/warnings/procedures';
import { sayOnce } from '../../../../shared/warnings/say-once';
import { WARNING_DISPOSITION_LABELS, WARNING_RULES, WARNING_RULE_LABELS } from '../../../../shared/warnings/types';
import { api } from '../../api/client';
import { appClock } from '../../api/clock';
import { ErrorBlock } from '../../components/ErrorBlock';
import { FilterSelect } from '../../components/FilterSelect';
import { useApiQuery } from '../../hooks/use-api-query';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useCommunities } from '../../hooks/use-org';
import { useIsDistrict } from '../../components/StreetSelect';
import { formatInstant } from '../../lib/dates';
import { DisposeModal } from './DisposeModal';
import type { InboxFilter } from './warnings-filter';

const sub = { fontSize: 12, color: '#666' } as const;
const RULE_OPTIONS = WARNING_RULES.map((r) => ({ value: r, label: WARNING_RULE_LABELS[r] }));
const STATUS_OPTIONS = [
  { value: 'open', label: '待处置' },
  { value: 'disposed', label: '已处置' },
  { value: 'all', label: '全部' },
];

/** Days between two dates (YYYY-MM-DD), for 超期N天. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function DueTag({ dueDate, open }: { dueDate: string | null; open: boolean }) {
  if (!dueDate || !open) return <span style={sub}>—</span>;
  const late = daysBetween(dueDate, appClock.today());
  return (
    <>
      <div>{dueDate}</div>
      {late > 0 ? <Tag color="error">{`已超期${late}天`}</Tag> : <Tag color={late >= -2 ? 'warning' : 'default'}>{late === 0 ? '今日到期' : `剩余${-late}天`}</Tag>}
    </>
  );
}

function Outcome({ w }: { w: WarningView }) {
  if (w.status === 'open') return <Tag color="processing">待处置</Tag>;
  return (
    <>
      <Tag color="success">{w.disposition ? WARNING_DISPOSITION_LABELS[w.disposition] : '已处置'}</Tag>
      {w.ledgerItemId && <a href={`#/ledger/${w.ledgerItemId}`}>查看台账事项</a>}
      {w.dispositionReason && <div style={sub}>{w.dispositionReason}</div>}
      <div style={sub}>{`${w.disposedByName ?? ''} ${formatInstant(w.disposedAt)}`}</div>
    </>
  );
}

function WarningsOf({ group, onDispose }: { group: WarningHouseholdGroup; onDispose: (ws: WarningView[]) => void }) {
  const columns: TableColumnsType<WarningView> = [
    { title: '人员', dataIndex: 'personName', width: 90 },
    {
      title: '预警规则 / 版本',
      width: 190,
      render: (_, w) => (
        <>
          <div>{w.ruleLabel}</div>
          <div style={sub}>{`规则版本 ${w.ruleVersion}`}</div>
        </>
      ),
    },
    { title: '触发数据', render: (_, w) => w.trigger.summary },
    { title: '处置期限', width: 110, render: (_, w) => <DueTag dueDate={w.dueDate} open={w.status === 'open'} /> },
    { title: '处置结果', width: 190, render: (_, w) => <Outcome w={w} /> },
    {
      title: '操作',
      width: 72,
      render: (_, w) =>
        w.status === 'open' ? (
          <Button size="small" onClick={() => onDispose([w])} data-testid="warning-dispose-one">
            处置
          </Button>
        ) : null,
    },
  ];
  return <Table<WarningView> rowKey="id" size="small" columns={columns} dataSource={group.warnings} pagination={false} tableLayout="fixed" data-testid="warning-rows" />;
}

export function WarningsInbox({ initial }: { initial: InboxFilter }) {
  const [filter, setFilter] = useState<InboxFilter>(initial);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [search, setSearch] = useState('');
  const dq = useDebouncedValue(search.trim(), 300);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [disposing, setDisposing] = useState<{ group: WarningHouseholdGroup; warnings: WarningView[] } | null>(null);
  const communities = useCommunities();
  const district = useIsDistrict();
  const input = { ...filter, search: dq || undefined, ...page };
  const list = useApiQuery(() => api.call('warnings.inbox', input), [JSON.stringify(input)]);
  const set = (patch: Partial<InboxFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage((p) => ({ ...p, page: 1 }));
  };
  const filtered = !!(filter.rule || filter.overdueOnly || filter.communityId || dq);
  const emptyText = filter.status === 'open' && !filtered ? '暂无待处置预警' : '没有符合条件的预警';

  const columns: TableColumnsType<WarningHouseholdGroup> = [
    {
      title: '户主 / 所在',
      width: 220,
      render: (_, g) => (
        <>
          <div>{g.headName}</div>
          <div style={sub}>{[district ? g.streetName : null, g.communityName, g.address].filter(Boolean).join(' · ')}</div>
        </>
      ),
    },
    {
      title: '预警',
      render: (_, g) => (
        <Space size={[4, 4]} wrap>
          {sayOnce(g.warnings).map((x) => {
            const open = x.warnings.filter((w) => w.status === 'open');
            return (
              <Tag key={x.warnings[0]!.id} color={open.length > 0 ? (open.some((w) => w.overdue) ? 'error' : 'orange') : 'default'}>{`${x.personName}：${x.label}`}</Tag>
            );
          })}
        </Space>
      ),
    },
    { title: '待处置', width: 70, align: 'center', render: (_, g) => g.openCount },
    { title: '最近处置期限', width: 120, render: (_, g) => <DueTag dueDate={g.dueDate} open={g.openCount > 0} /> },
    {
      title: '操作',
      width: 110,
      render: (_, g) =>
        g.openCount > 0 ? (
          <Button type="primary" size="small" onClick={() => setDisposing({ group: g, warnings: g.warnings.filter((w) => w.status === 'open') })} data-testid="warning-dispose-household">
            处置本户
          </Button>
        ) : null,
    },
  ];

  return (
    <div data-testid="warnings-inbox">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select aria-label="处置状态" style={{ width: 110 }} value={filter.status} options={STATUS_OPTIONS} onChange={(v: InboxFilter['status']) => set({ status: v })} />
        <FilterSelect label="预警规则" placeholder="全部规则" width={200} value={filter.rule} options={RULE_OPTIONS} onChange={(v) => set({ rule: v })} />
        <FilterSelect
          label="社区"
          placeholder="全部社区"
          width={150}
          value={filter.communityId}
          options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          onChange={(v) => set({ communityId: v })}
        />
        <Input.Search aria-label="搜索预警" placeholder="姓名、身份证号" allowClear style={{ width: 200 }} value={search} onChange={(e) => (setSearch(e.target.value), setPage((p) => ({ ...p, page: 1 })))} />
        <Checkbox checked={!!filter.overdueOnly} onChange={(e) => set({ overdueOnly: e.target.checked || undefined })} data-testid="warnings-overdue-only">
          只看超期
        </Checkbox>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        一户一行，处置期限最近的在前；点击行首的“+”展开该户的每条预警及其触发数据。
      </Typography.Paragraph>
      {list.error ? (
        <ErrorBlock error={list.error} onRetry={list.reload} />
      ) : (
        <Table<WarningHouseholdGroup>
          rowKey="householdId"
          size="small"
          data-testid="warnings-table"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.groups ?? []}
          tableLayout="fixed"
          rowClassName={(g) => (g.warnings.some((w) => w.overdue) ? 'ledger-overdue' : '')}
          expandable={{
            expandedRowKeys: expanded,
            onExpandedRowsChange: (keys) => setExpanded(keys as string[]),
            expandedRowRender: (g) => <WarningsOf group={g} onDispose={(ws) => setDisposing({ group: g, warnings: ws })} />,
          }}
          locale={{ emptyText }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => `共 ${n} 户`,
            onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
        />
      )}
      {disposing && (
        <DisposeModal
          group={disposing.group}
          warnings={disposing.warnings}
          onClose={() => setDisposing(null)}
          onDone={() => {
            setDisposing(null);
            list.reload();
          }}
        />
      )}
    </div>
  );
}
