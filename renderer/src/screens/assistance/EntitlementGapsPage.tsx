/**
 * 救助政策 › 应补尽补: people entitled to an allowance who do not receive it, or not at the standard;
 * 应退尽退 and 复核 (entitlement ended, members changed), filtered by problem (with the count of each),
 * community and grid, and exported to Excel as filtered; on their own tabs, the persons whose death
 * stopped their entitlements (with the 扣回), and the households to review once the suspension of exits has ended.
 */
import { Alert, Button, DatePicker, Flex, Segmented, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useState } from 'react';
import dayjs from 'dayjs';
import { GAP_PROBLEMS, type GapListRow, type GapProblem } from '../../../../shared/assistance/lists';
import { GAP_REASONS } from '../../../../shared/assistance/codes';
import { labelOf } from '../../../../shared/codes';
import { hrefOf } from '../../router/routes';
import { SuspensionReviewTable } from './SuspensionReviewTable';
import { EntitlementsEndedTable } from './EntitlementsEndedTable';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { useFileAction } from '../../hooks/use-file-action';
import { ErrorBlock } from '../../components/ErrorBlock';
import { formatFen } from '../../lib/money';
import { ScopeFilters, type Scope } from '../screening/ScopeFilters';
import { AssistanceTabs } from './AssistanceTabs';
import { programmeLabel } from './labels';

const PROBLEM_COLORS: Record<GapProblem, string> = { missing: 'red', 'off-standard': 'orange', 'should-exit': 'purple', review: 'gold' };

function ProblemTag({ row: r }: { row: GapListRow }) {
  const label = labelOf(GAP_PROBLEMS, r.problem);
  const text =
    r.problem === 'should-exit'
      ? `${label}：${labelOf(GAP_REASONS, r.reason)}（${r.stopMonth ?? ''}起停发）`
      : r.problem === 'review'
        ? `复核：${labelOf(GAP_REASONS, r.reason)}`
        : label;
  return (
    <Tag color={PROBLEM_COLORS[r.problem]} style={{ whiteSpace: 'normal' }}>
      {text}
    </Tag>
  );
}

const COLUMNS: TableColumnsType<GapListRow> = [
  { title: '姓名', dataIndex: 'name', width: 90, render: (v: string, r) => <a href={`#/households/${r.householdId}`} data-testid="gap-person">{v}</a> },
  { title: '身份证号', dataIndex: 'idMasked', width: 175 },
  { title: '社区 / 网格', dataIndex: 'communityName', width: 150, render: (v: string, r) => (r.gridName ? `${v} / ${r.gridName}` : v) },
  { title: '救助项目', dataIndex: 'subsidy', width: 170, render: (v: string) => programmeLabel(v) },
  { title: '问题', dataIndex: 'problem', render: (_: unknown, r) => <ProblemTag row={r} /> },
  { title: '标准', dataIndex: 'standardFen', align: 'right', width: 115, render: (v: number | null) => (v == null ? <a href="#/policy/params"><Tag color="warning">标准未设置</Tag></a> : formatFen(v)) },
  { title: '实际领取', dataIndex: 'receivedFen', align: 'right', width: 115, render: (v: number | null) => (v == null ? '—' : formatFen(v)) },
  {
    title: '操作',
    width: 120,
    render: (_, r) =>
      r.enrolmentId ? (
        <Button size="small" type="link" href={hrefOf({ name: 'enrolment', id: r.enrolmentId })}>办理退出/复核</Button>
      ) : (
        <Button size="small" type="link" href={`#/households/${r.householdId}`}>查看家庭</Button>
      ),
  },
];

function GapsTable({ onDate, initialProblem }: { onDate: string | undefined; initialProblem: string | null }) {
  const [problem, setProblem] = useState<GapProblem | 'all'>(GAP_PROBLEMS.some((p) => p.code === initialProblem) ? (initialProblem as GapProblem) : 'all');
  const [scope, setScope] = useState<Scope>({});
  const filter = { onDate, problem: problem === 'all' ? undefined : problem, communityId: scope.communityId, gridId: scope.gridId };
  const q = useApiQuery(() => api.call('assistance.gapList', filter), [onDate, problem, scope.communityId, scope.gridId]);
  const exporter = useFileAction();
  const counts = q.data?.counts;
  const total = counts ? Object.values(counts).reduce((s, n) => s + n, 0) : null;
  const withCount = (label: string, n: number | null | undefined) => (n == null ? label : `${label}（${n}）`);
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="列出按政策应享受孤儿、事实无人抚养儿童基本生活费或残疾人两项补贴却未享受的人员、领取金额与标准不一致的人员，以及因超龄、死亡、不再属于该类别应退出（应退尽退）或因成员变化须复核的保障记录。点击姓名打开其家庭。"
      />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space wrap>
          <Segmented<GapProblem | 'all'>
            aria-label="问题类型"
            data-testid="gap-problem"
            value={problem}
            onChange={setProblem}
            options={[
              { value: 'all', label: withCount('全部', total) },
              ...GAP_PROBLEMS.map((p) => ({ value: p.code, label: <span data-testid={`gap-count-${p.code}`}>{withCount(p.label, counts?.[p.code])}</span> })),
            ]}
          />
          <ScopeFilters value={scope} onChange={setScope} worker={false} />
        </Space>
        <Button icon={<FileExcelOutlined />} loading={exporter.busy} onClick={() => void exporter.run(() => api.call('assistance.exportGaps', filter), '已导出')} data-testid="gap-export">
          导出Excel
        </Button>
      </Flex>
      {q.error ? (
        <ErrorBlock error={q.error} onRetry={q.reload} />
      ) : (
        <Table<GapListRow>
          data-testid="gap-table"
          rowKey={(r) => `${r.personId}:${r.subsidy}:${r.problem}:${r.enrolmentId ?? ''}`}
          size="small"
          loading={q.loading}
          dataSource={q.data?.rows ?? []}
          columns={COLUMNS}
          pagination={{ pageSize: 100, showSizeChanger: false, showTotal: (n) => `共 ${n} 条` }}
          locale={{ emptyText: problem === 'all' && !scope.communityId ? '没有发现应享未享、未按标准发放或应退未退的情况' : '所选范围内没有此类情况' }}
        />
      )}
    </>
  );
}

/** `filter`: the URL's problem=… (e.g. from the 工作台's 应补尽补 lines). */
export function EntitlementGapsPage({ filter = '' }: { filter?: string }) {
  const initialProblem = new URLSearchParams(filter).get('problem');
  const [onDate, setOnDate] = useState<string | undefined>(undefined);
  return (
    <div data-testid="entitlement-gaps">
      <AssistanceTabs active="entitlement-gaps" />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          应补尽补、按标施补
        </Typography.Title>
        <DatePicker aria-label="核查日期" style={{ width: 200 }} placeholder="核查日期：今天" value={onDate ? dayjs(onDate) : null} onChange={(d) => setOnDate(d ? d.format('YYYY-MM-DD') : undefined)} />
      </Flex>
      <Tabs
        items={[
          { key: 'gaps', label: <span data-testid="tab-gaps">应补尽补、应退尽退</span>, children: <GapsTable onDate={onDate} initialProblem={initialProblem} /> },
          { key: 'deaths', label: <span data-testid="tab-deaths">死亡停发</span>, children: <EntitlementsEndedTable /> },
          { key: 'suspension-review', label: <span data-testid="tab-suspension-review">暂停退出结束后复核</span>, children: <SuspensionReviewTable onDate={onDate} /> },
        ]}
      />
    </div>
  );
}
