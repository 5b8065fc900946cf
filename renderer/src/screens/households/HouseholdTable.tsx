/** The household table: one server page, rows open the detail on click or Enter. */
import { forwardRef, useImperativeHandle, useMemo, useRef } from 'react';
import { Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { KeyboardEvent, ReactNode } from 'react';
import type { HouseholdRow, Page } from '../../../../shared/registry/types';
import { CategoryTags } from '../../components/CategoryTags';
import { StatusTag } from '../../components/StatusTag';
import { MatchedMembers } from './MatchedMembers';

export interface HouseholdTableHandle {
  focusFirstRow: () => void;
}

interface Props {
  page: Page<HouseholdRow> | undefined;
  loading: boolean;
  current: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  onOpen: (row: HouseholdRow) => void;
  empty: ReactNode;
}

const columns: TableColumnsType<HouseholdRow> = [
  {
    title: '户主',
    dataIndex: 'headName',
    width: 140,
    render: (_: unknown, row) => (
      <>
        <span style={{ fontWeight: 500 }}>{row.headName ?? '（无户主）'}</span>
        {row.matchedMembers && <MatchedMembers members={row.matchedMembers} />}
      </>
    ),
  },
  {
    title: '身份证号',
    dataIndex: 'headIdMasked',
    width: 175,
    render: (v: string | null) => <span className="doudi-mono">{v ?? ''}</span>,
  },
  { title: '社区', dataIndex: 'communityName', width: 115, ellipsis: true },
  { title: '网格', dataIndex: 'gridName', width: 130, ellipsis: true, render: (v: string | null) => v ?? '' },
  { title: '住址', dataIndex: 'address', ellipsis: true },
  { title: '人数', dataIndex: 'memberCount', width: 56, align: 'right' },
  {
    title: '救助类别',
    dataIndex: 'categories',
    width: 200,
    render: (v: string[]) => <CategoryTags categories={v} />,
  },
  { title: '状态', dataIndex: 'status', width: 72, render: (v: string) => <StatusTag status={v} /> },
];

function rowsOf(container: HTMLElement | null): HTMLElement[] {
  return Array.from(container?.querySelectorAll<HTMLElement>('tbody tr[data-row-key]') ?? []);
}

export const HouseholdTable = forwardRef<HouseholdTableHandle, Props>(function HouseholdTable(
  { page, loading, current, pageSize, onPage, onOpen, empty },
  ref,
) {
  const containerRef = useRef<HTMLDivElement>(null);
  useImperativeHandle(ref, () => ({ focusFirstRow: () => rowsOf(containerRef.current)[0]?.focus() }), []);

  const onRow = useMemo(
    () => (row: HouseholdRow) => ({
      tabIndex: 0,
      className: 'doudi-row-clickable',
      'aria-label': `${row.headName ?? '无户主'}家，${row.address}`,
      onClick: () => onOpen(row),
      onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
        if (e.key === 'Enter') onOpen(row);
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          const rows = rowsOf(containerRef.current);
          const i = rows.indexOf(e.currentTarget);
          rows[e.key === 'ArrowDown' ? i + 1 : i - 1]?.focus();
        }
      },
    }),
    [onOpen],
  );

  return (
    <div ref={containerRef} data-testid="household-table">
      <Table<HouseholdRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={page?.rows ?? []}
        loading={{ spinning: loading, delay: 150 }}
        onRow={onRow}
        locale={{ emptyText: loading ? ' ' : empty }}
        scroll={{ x: 1080 }}
        pagination={{
          current,
          pageSize,
          total: page?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => `共 ${total.toLocaleString('zh-CN')} 户`,
          onChange: onPage,
        }}
      />
    </div>
  );
});
