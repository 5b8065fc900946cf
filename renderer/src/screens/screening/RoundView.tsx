/**
 * Batch entry of a grid worker's round: "all normal except…". The grid's households due this week
 * are listed, all ticked as visited and normal; a row switched to 有问题 takes its problem inline,
 * and each problem becomes an issue-ledger item when the round is saved.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, DatePicker, Empty, Input, Radio, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { DueRow, RoundResult } from '../../../../shared/screening/schemas';
import { api, errorMessage } from '../../api/client';
import { ErrorBlock } from '../../components/ErrorBlock';
import { useApiQuery } from '../../hooks/use-api-query';
import { useAllGrids } from '../../hooks/use-org';
import { filterByLabel } from '../../lib/codes';
import { navigate } from '../../router/use-route';
import { CATEGORY_OPTIONS } from '../ledger/ledger-ui';
import { CadenceTag } from './DueListView';
import { gridLabel } from './ScopeFilters';
import { METHOD_OPTIONS } from './VisitModal';

interface Problem {
  category?: string;
  urgency: string;
  description: string;
}

export function RoundView() {
  const { message } = App.useApp();
  const grids = useAllGrids();
  const [gridId, setGridId] = useState<string>();
  const [visitedOn, setVisitedOn] = useState<dayjs.Dayjs | null>(null);
  const [method, setMethod] = useState('home');
  const [visitor, setVisitor] = useState('');
  const [included, setIncluded] = useState<string[]>([]);
  const [problems, setProblems] = useState<Record<string, Problem>>({});
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<RoundResult | null>(null);
  const due = useApiQuery(() => api.call('screening.dueList', { list: 'week', gridId, pageSize: 2000 }), [gridId], !!gridId);
  const grid = (grids.data ?? []).find((g) => g.id === gridId);
  const today = due.data?.today;

  useEffect(() => {
    setIncluded((due.data?.rows ?? []).map((r) => r.householdId));
    setProblems({});
    if (today) setVisitedOn((v) => v ?? dayjs(today));
  }, [due.data, today]);
  useEffect(() => {
    if (grid?.workerName) setVisitor(grid.workerName);
  }, [grid?.workerName]);

  const setProblem = (id: string, patch: Partial<Problem> | null) =>
    setProblems((p) => {
      const next = { ...p };
      if (patch === null) delete next[id];
      else next[id] = { ...(p[id] ?? { urgency: '2', description: '' }), ...patch };
      return next;
    });

  const problemIds = useMemo(() => Object.keys(problems).filter((id) => included.includes(id)), [problems, included]);

  const save = async () => {
    if (!gridId || !visitedOn) return;
    const bad = problemIds.find((id) => !problems[id]!.category || !problems[id]!.description.trim());
    if (bad) {
      const row = due.data?.rows.find((r) => r.householdId === bad);
      message.error(`请填写${row?.headName ?? ''}家的问题类别和问题描述`);
      return;
    }
    if (!visitor.trim()) return void message.error('请填写走访人');
    setSaving(true);
    try {
      const r = await api.call('screening.recordRound', {
        gridId,
        visitedOn: visitedOn.format('YYYY-MM-DD'),
        method: method as 'home',
        visitorName: visitor.trim(),
        householdIds: included,
        exceptions: problemIds.map((id) => ({
          householdId: id,
          note: null,
          problems: [{ category: problems[id]!.category as 'living', urgency: problems[id]!.urgency as '1', description: problems[id]!.description.trim(), personId: null }],
        })),
      });
      setResult(r);
      message.success(`已登记 ${r.visits} 户走访，发现问题 ${r.problems} 个`);
      due.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const columns: TableColumnsType<DueRow> = [
    { title: '户主', dataIndex: 'headName', width: 90 },
    { title: '家庭住址', dataIndex: 'address', width: 220 },
    { title: '频次', width: 90, render: (_, r) => <CadenceTag row={r} /> },
    { title: '应走访', dataIndex: 'dueOn', width: 100 },
    {
      title: '走访情况',
      render: (_, r) => {
        const p = problems[r.householdId];
        return (
          <Space wrap size={6} data-testid={`round-row-${r.headName}`}>
            <Radio.Group
              size="small"
              optionType="button"
              buttonStyle="solid"
              value={p ? 'problem' : 'normal'}
              disabled={!included.includes(r.householdId)}
              onChange={(e) => setProblem(r.householdId, e.target.value === 'problem' ? {} : null)}
              options={[
                { value: 'normal', label: '正常' },
                { value: 'problem', label: '有问题' },
              ]}
            />
            {p && (
              <>
                <Select aria-label="问题类别" size="small" style={{ width: 90 }} placeholder="类别" value={p.category} options={CATEGORY_OPTIONS} showSearch={{ filterOption: filterByLabel }} onChange={(v: string) => setProblem(r.householdId, { category: v })} />
                <Select aria-label="紧急程度" size="small" style={{ width: 110 }} value={p.urgency} options={[{ value: '1', label: '一级 急难' }, { value: '2', label: '二级' }]} onChange={(v: string) => setProblem(r.householdId, { urgency: v })} />
                <Input aria-label="问题描述" size="small" style={{ width: 280 }} placeholder="问题描述" maxLength={500} value={p.description} onChange={(e) => setProblem(r.householdId, { description: e.target.value })} />
              </>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <div data-testid="round-entry">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select aria-label="走访网格" data-testid="round-grid" placeholder="选择网格" style={{ width: 240 }} value={gridId} options={(grids.data ?? []).map((g) => ({ value: g.id, label: gridLabel(g) }))} onChange={(v: string) => (setGridId(v), setResult(null), setVisitedOn(null))} showSearch={{ filterOption: filterByLabel }} />
        <DatePicker aria-label="走访日期" allowClear={false} value={visitedOn} onChange={setVisitedOn} disabledDate={(d) => !!today && d.format('YYYY-MM-DD') > today} />
        <Radio.Group aria-label="走访方式" optionType="button" value={method} onChange={(e) => setMethod(e.target.value as string)} options={METHOD_OPTIONS} />
        <Input aria-label="走访人" placeholder="走访人" style={{ width: 120 }} maxLength={20} value={visitor} onChange={(e) => setVisitor(e.target.value)} />
      </Space>
      {result && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="round-result"
          message={`已登记 ${result.visits} 户走访；发现问题 ${result.problems} 个，已列入问题台账`}
          action={result.itemIds.length > 0 ? <Button size="small" onClick={() => navigate({ name: 'ledger-item', id: result.itemIds[0]! })}>查看台账事项</Button> : undefined}
        />
      )}
      {!gridId ? (
        <Empty description="请选择网格，列出本周应走访的家庭" />
      ) : due.error ? (
        <ErrorBlock error={due.error} onRetry={due.reload} />
      ) : (
        <>
          <Table<DueRow>
            rowKey="householdId"
            size="small"
            loading={due.loading}
            columns={columns}
            dataSource={due.data?.rows ?? []}
            pagination={false}
            rowSelection={{ selectedRowKeys: included, onChange: (keys) => setIncluded(keys as string[]), columnTitle: '已走访' }}
            locale={{ emptyText: '本网格本周没有应走访的家庭' }}
          />
          <Space style={{ marginTop: 12 }}>
            <Button type="primary" loading={saving} disabled={included.length === 0 || !visitedOn} onClick={save} data-testid="round-save">
              保存本轮走访（{included.length} 户，问题 {problemIds.length} 个）
            </Button>
            <Typography.Text type="secondary">未勾选的家庭不登记；除标为“有问题”的以外均记为正常。</Typography.Text>
          </Space>
        </>
      )}
    </div>
  );
}
