/**
 * 问题台账 list: countdowns, overdue items first and highlighted, then 立即核查 clues not yet taken
 * up (highlighted too), filters, export and print. At a district device: every street, a street
 * filter and column, and clues created into a chosen street.
 */
import { useState } from 'react';
import { Button, Checkbox, Input, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileExcelOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import type { LedgerRow } from '../../../../shared/ledger/schemas';
import { api } from '../../api/client';
import { ErrorBlock } from '../../components/ErrorBlock';
import { useApiQuery } from '../../hooks/use-api-query';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useFileAction } from '../../hooks/use-file-action';
import { formatInstant } from '../../lib/dates';
import { navigate } from '../../router/use-route';
import { CreateItemModal } from './CreateItemModal';
import { StreetSelect, useIsDistrict } from '../../components/StreetSelect';
import { filterToQuery, type LedgerFilter } from './ledger-filter';
import { CATEGORY_OPTIONS, categoryLabel, CountdownTag, SOURCE_OPTIONS, sourceLabel, STATUS_OPTIONS, StatusTag, URGENCY_OPTIONS, UrgencyTag } from './ledger-ui';
import './ledger.css';

const sub = { fontSize: 12, color: '#666' } as const;

/**
 * The ledger's columns, fitting 1366 px without sideways scrolling: what a supervisor scans first
 * (number, household, class and grade, the problem, status, time left), two facts to a cell; the
 * rest (address, dates, measures) is on the item's page. At a district device the street leads the
 * household's place.
 */
export function ledgerColumns(district: boolean): TableColumnsType<LedgerRow> {
  return [
    {
      title: '台账编号 / 来源',
      width: 178,
      render: (_, r) => (
        <>
          <a href={`#/ledger/${r.id}`}>{r.itemNo}</a>
          <div style={sub}>{sourceLabel(r.source)}</div>
        </>
      ),
    },
    {
      title: '户主 / 所在',
      width: 140,
      render: (_, r) => (
        <>
          <div>{r.personName && r.personName !== r.headName ? `${r.headName} / ${r.personName}` : r.headName}</div>
          <div style={sub}>{[district ? r.streetName : null, r.communityName, r.gridName].filter(Boolean).join(' · ')}</div>
        </>
      ),
    },
    {
      title: '类别 / 紧急程度',
      width: 118,
      render: (_, r) => (
        <>
          <div>{categoryLabel(r.category)}</div>
          <UrgencyTag urgency={r.urgency} immediate={r.immediate} />
        </>
      ),
    },
    { title: '问题描述', dataIndex: 'description', ellipsis: { showTitle: true } },
    { title: '状态', dataIndex: 'status', width: 132, render: (v: string) => <StatusTag status={v} /> },
    {
      title: '时限 / 倒计时',
      width: 168,
      render: (_, r) =>
        r.closedAt ? (
          <span style={sub}>销号 {formatInstant(r.closedAt)}</span>
        ) : (
          <div>
            <CountdownTag row={r} />
            <div style={sub}>{`${r.status === 'pending' ? '核查' : '处置'}时限 ${formatInstant(r.currentDueAt)}`}</div>
            {r.status === 'pending' && r.immediate && r.dueAt !== r.currentDueAt && <div style={sub}>{`处置时限 ${formatInstant(r.dueAt)}`}</div>}
          </div>
        ),
    },
    { title: '经办人', dataIndex: 'handlerName', width: 76, render: (v: string | null) => v ?? '—' },
  ];
}

function rowClass(r: LedgerRow): string {
  if (r.overdue) return 'ledger-overdue';
  return r.immediate && r.status === 'pending' ? 'ledger-immediate' : '';
}

/** `initial`: the filter to start from (the URL's, e.g. a line of the 工作台); else the open items. */
export function LedgerListView({ initial }: { initial?: LedgerFilter }) {
  const district = useIsDistrict();
  const [filter, setFilter] = useState<LedgerFilter>(() => {
    if (!initial) return { status: 'open' };
    const { q: _q, handler: _h, ...rest } = initial;
    return rest;
  });
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const [q, setQ] = useState(initial?.q ?? '');
  const [handler, setHandler] = useState(initial?.handler ?? '');
  const dq = useDebouncedValue(q.trim(), 300);
  const dh = useDebouncedValue(handler.trim(), 300);
  const [creating, setCreating] = useState(false);
  const file = useFileAction();
  const full: LedgerFilter = { ...filter, q: dq || undefined, handler: dh || undefined };
  const list = useApiQuery(() => api.call('ledger.list', { ...full, ...page }), [JSON.stringify(full), page.page, page.pageSize]);
  const set = (patch: Partial<LedgerFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage((p) => ({ ...p, page: 1 }));
  };
  return (
    <div data-testid="ledger-list">
      <Space wrap style={{ marginBottom: 12 }}>
        {district && <StreetSelect allowClear placeholder="全部街道" ariaLabel="街道筛选" value={filter.streetCode} onChange={(v) => set({ streetCode: v })} />}
        <Select aria-label="状态" style={{ width: 150 }} value={filter.status ?? 'all'} onChange={(v: string) => set({ status: v === 'all' ? undefined : (v as LedgerFilter['status']) })} options={[{ value: 'all', label: '全部状态' }, { value: 'open', label: '未办结（全部）' }, ...STATUS_OPTIONS]} />
        <Select aria-label="紧急程度" style={{ width: 130 }} allowClear placeholder="紧急程度" value={filter.urgency} onChange={(v?: string) => set({ urgency: v as LedgerFilter['urgency'] })} options={URGENCY_OPTIONS} />
        <Select aria-label="问题类别" style={{ width: 110 }} allowClear placeholder="类别" value={filter.category} onChange={(v?: string) => set({ category: v as LedgerFilter['category'] })} options={CATEGORY_OPTIONS} />
        <Select aria-label="问题来源" style={{ width: 160 }} allowClear placeholder="来源" value={filter.source} onChange={(v?: string) => set({ source: v as LedgerFilter['source'] })} options={SOURCE_OPTIONS} />
        <Input aria-label="经办人" placeholder="经办人" allowClear style={{ width: 110 }} value={handler} onChange={(e) => (setHandler(e.target.value), setPage((p) => ({ ...p, page: 1 })))} />
        <Input.Search aria-label="搜索台账" placeholder="编号、姓名、住址、描述" allowClear style={{ width: 220 }} value={q} onChange={(e) => (setQ(e.target.value), setPage((p) => ({ ...p, page: 1 })))} />
        <Checkbox checked={!!filter.overdueOnly} onChange={(e) => set({ overdueOnly: e.target.checked || undefined })}>
          只看超期
        </Checkbox>
      </Space>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="ledger-create">
          {district ? '交办线索' : '登记事项'}
        </Button>
        <Button icon={<FileExcelOutlined />} loading={file.busy} onClick={() => file.run(() => api.call('ledger.export', full), '已导出问题台账')} data-testid="ledger-export">
          导出Excel
        </Button>
        <Button icon={<PrinterOutlined />} onClick={() => navigate({ name: 'print-ledger', query: filterToQuery(full) })}>
          打印台账
        </Button>
        <Typography.Text type="secondary">超期事项排在最前并以红色标出，其后是待立即核查的线索（橙色）</Typography.Text>
      </Space>
      {list.error ? (
        <ErrorBlock error={list.error} onRetry={list.reload} />
      ) : (
        <Table<LedgerRow>
          rowKey="id"
          size="small"
          data-testid="ledger-table"
          loading={list.loading}
          columns={ledgerColumns(district)}
          dataSource={list.data?.rows ?? []}
          rowClassName={rowClass}
          tableLayout="fixed"
          onRow={(r) => ({ onDoubleClick: () => navigate({ name: 'ledger-item', id: r.id }) })}
          locale={{ emptyText: district && !filter.streetCode ? '各街道都没有符合条件的台账事项' : '没有符合条件的台账事项' }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => `共 ${n} 项`,
            onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
        />
      )}
      {creating && (
        <CreateItemModal
          district={district}
          streetCode={filter.streetCode}
          onClose={() => setCreating(false)}
          onSaved={(d) => {
            setCreating(false);
            navigate({ name: 'ledger-item', id: d.id });
          }}
        />
      )}
    </div>
  );
}
