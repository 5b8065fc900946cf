/**
 * 救助政策 › 复审 (issue 17): the enrolled households whose review is overdue or due within the notice
 * days (or, on asking, the rest), by programme and community, each with the day its cycle started and
 * a 复审 button that opens the review. The 工作台's 复审 lines open this list with their state.
 */
import { useState } from 'react';
import { Alert, Button, Flex, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { REVIEW_BASE_LABELS, REVIEW_CYCLES, REVIEW_PROGRAMME_ITEMS, REVIEW_STATES, type ReviewDueRow, type ReviewsDueFilter } from '../../../../shared/assistance/reviews';
import { labelOf } from '../../../../shared/codes';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { ErrorBlock } from '../../components/ErrorBlock';
import { FilterSelect } from '../../components/FilterSelect';
import { ScopeFilters, type Scope } from '../screening/ScopeFilters';
import { AssistanceTabs } from './AssistanceTabs';
import { programmeLabel } from './labels';
import { ReviewModal, type ReviewTarget } from './ReviewModal';

type StateFilter = ReviewsDueFilter['state'];
const STATE_FILTERS: StateFilter[] = ['open', 'overdue', 'due', 'later', 'all'];
const STATE_COLORS: Record<string, string> = { overdue: 'red', due: 'orange', later: 'default' };

export function ReviewsPage({ filter = '' }: { filter?: string }) {
  const asked = new URLSearchParams(filter).get('state') as StateFilter | null;
  const [state, setState] = useState<StateFilter>(asked && STATE_FILTERS.includes(asked) ? asked : 'open');
  const [programme, setProgramme] = useState<string | undefined>(undefined);
  const [scope, setScope] = useState<Scope>({});
  const [target, setTarget] = useState<ReviewTarget | null>(null);
  const q = useApiQuery(
    () => api.call('assistance.reviewsDue', { state, programme: programme as never, communityId: scope.communityId }),
    [state, programme, scope.communityId],
  );
  const c = q.data?.counts;
  const n = (v: number | undefined) => (v == null ? '' : `（${v}）`);
  const labels: Record<StateFilter, string> = {
    open: `待复审${n(c ? c.overdue + c.due : undefined)}`,
    overdue: `${labelOf(REVIEW_STATES, 'overdue')}${n(c?.overdue)}`,
    due: `${labelOf(REVIEW_STATES, 'due')}${n(c?.due)}`,
    later: `${labelOf(REVIEW_STATES, 'later')}${n(c?.later)}`,
    all: '全部',
  };
  const columns: TableColumnsType<ReviewDueRow> = [
    { title: '姓名', dataIndex: 'name', width: 100, render: (v: string | null, r) => <a href={`#/households/${r.householdId}`}>{v ?? '—'}</a> },
    { title: '社区', dataIndex: 'communityName', width: 140 },
    { title: '救助项目', dataIndex: 'programme', width: 120, render: (v: string) => programmeLabel(v) },
    { title: '复审周期', dataIndex: 'cycle', width: 150, render: (v: string, r) => (r.cycleMonths == null ? <Tag color="warning">周期未设置</Tag> : `${labelOf(REVIEW_CYCLES, v)}（${r.cycleMonths}个月）`) },
    { title: '起算', dataIndex: 'baseOn', width: 170, render: (v: string, r) => `${REVIEW_BASE_LABELS[r.baseKind]} ${v}` },
    { title: '应复审日期', dataIndex: 'dueOn', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '状态', dataIndex: 'state', width: 100, render: (v: string | null) => (v ? <Tag color={STATE_COLORS[v]}>{labelOf(REVIEW_STATES, v)}</Tag> : '—') },
    {
      title: '操作',
      width: 150,
      render: (_, r) => (
        <Space size={0}>
          <Button size="small" type="link" data-testid={`review-${r.name ?? r.enrolmentId}`} onClick={() => setTarget({ id: r.enrolmentId, name: r.name, programme: r.programme, householdId: r.householdId })}>
            复审
          </Button>
          <Button size="small" type="link" href={`#/assistance/enrolments/${r.enrolmentId}`}>
            保障记录
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <div data-testid="reviews-page">
      <AssistanceTabs active="reviews" />
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        复审
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="特困人员和收入稳定的低保、低保边缘家庭每年复审一次；收入不稳定且有劳动能力成员的低保家庭每半年复审一次（周期见“政策参数”）。从上次复审（未复审过的从审批）起算，到期前列入待复审。"
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Segmented<StateFilter> aria-label="复审状态" data-testid="review-state" value={state} onChange={setState} options={STATE_FILTERS.map((s) => ({ value: s, label: labels[s] }))} />
        <FilterSelect
          label="救助项目"
          placeholder="全部项目"
          width={160}
          value={programme}
          options={REVIEW_PROGRAMME_ITEMS.map((p) => ({ value: p.code, label: p.label }))}
          onChange={setProgramme}
        />
        <ScopeFilters value={scope} onChange={setScope} grid={false} worker={false} />
      </Flex>
      {q.error ? (
        <ErrorBlock error={q.error} onRetry={q.reload} />
      ) : (
        <Table<ReviewDueRow>
          data-testid="review-table"
          rowKey="enrolmentId"
          size="small"
          loading={q.loading}
          dataSource={q.data?.rows ?? []}
          columns={columns}
          pagination={{ pageSize: 100, showSizeChanger: false, showTotal: (t) => `共 ${t} 户` }}
          locale={{ emptyText: state === 'open' || state === 'overdue' || state === 'due' ? '没有到期或逾期的复审' : '所选范围内没有保障对象' }}
        />
      )}
      {target && (
        <ReviewModal
          target={target}
          onClose={() => setTarget(null)}
          onDone={() => {
            setTarget(null);
            q.reload();
          }}
        />
      )}
    </div>
  );
}
