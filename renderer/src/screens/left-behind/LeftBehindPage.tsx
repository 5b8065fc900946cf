/**
 * 留守人员: every person's 留守 record of the street, by kind, community and state (在档, 逾期未更新,
 * 已满年龄待关闭, 已关闭), and the households still tagged 留守 without a record (待建档).
 */
import { useState } from 'react';
import { Alert, Card, Collapse, Select, Space, Table, Typography } from 'antd';
import { LEFT_BEHIND_FILTERS, type LeftBehindFilter, type LeftBehindPending } from '../../../../shared/left-behind/procedures';
import { LEFT_BEHIND_KINDS, type LeftBehindKind } from '../../../../shared/left-behind/types';
import { api } from '../../api/client';
import { ErrorBlock } from '../../components/ErrorBlock';
import { useApiQuery } from '../../hooks/use-api-query';
import { useCommunities } from '../../hooks/use-org';
import { toOptions } from '../../lib/codes';
import { navigate } from '../../router/use-route';
import { kindLabel } from './labels';
import { RecordsTable } from './RecordsTable';

const FILTER_CODES = LEFT_BEHIND_FILTERS.map((f) => f.code) as readonly string[];

/** `filter`: the URL's filter=stale|age-out|… (from the 工作台), kind and communityId. */
export function LeftBehindPage({ filter: query = '' }: { filter?: string }) {
  const params = new URLSearchParams(query);
  const communities = useCommunities();
  const initial = params.get('filter') ?? 'open';
  const [filter, setFilter] = useState<LeftBehindFilter>((FILTER_CODES.includes(initial) ? initial : 'open') as LeftBehindFilter);
  const [kind, setKind] = useState<LeftBehindKind | null>((params.get('kind') as LeftBehindKind | null) ?? null);
  const [communityId, setCommunityId] = useState<string | null>(params.get('communityId'));
  const q = useApiQuery(() => api.call('leftBehind.list', { filter, kind, communityId }), [filter, kind, communityId]);
  const d = q.data;
  return (
    <Card title="照料服务 · 留守人员档案">
      <Space style={{ marginBottom: 12 }} wrap>
        <Select aria-label="状态" data-testid="lb-filter" style={{ width: 170 }} value={filter} onChange={setFilter} options={toOptions(LEFT_BEHIND_FILTERS)} />
        <Select
          aria-label="留守类别"
          style={{ width: 140 }}
          allowClear
          placeholder="全部类别"
          value={kind ?? undefined}
          onChange={(v) => setKind(v ?? null)}
          options={toOptions(LEFT_BEHIND_KINDS)}
        />
        <Select
          aria-label="社区"
          style={{ width: 200 }}
          allowClear
          placeholder="全部社区"
          value={communityId ?? undefined}
          onChange={(v) => setCommunityId(v ?? null)}
          options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        {d && (
          <Typography.Text type="secondary" data-testid="lb-counts">
            {`在档 ${d.openCount} 人次，逾期未更新 ${d.staleCount}，已满年龄待关闭 ${d.ageOutCount}`}
          </Typography.Text>
        )}
      </Space>
      {q.error ? (
        <ErrorBlock error={q.error} onRetry={q.reload} />
      ) : (
        <RecordsTable
          rows={d?.rows ?? []}
          loading={q.loading}
          showPlace
          empty="没有符合条件的留守人员档案：在家庭页面“留守档案”中为本人建档"
          onChanged={q.reload}
        />
      )}
      {d && d.pending.length > 0 && (
        <Collapse
          style={{ marginTop: 12 }}
          items={[
            {
              key: 'pending',
              label: `待建档：${d.pending.length} 户登记有留守类别，尚无成员建档`,
              children: (
                <>
                  <Alert
                    type="info"
                    showIcon
                    style={{ marginBottom: 8 }}
                    title="留守按人认定：家庭类别不说明谁是留守人员，不计入统计。请入户核实后为符合条件的成员本人建档；不再符合的请在家庭信息中去掉该类别。"
                  />
                  <Table<LeftBehindPending>
                    rowKey={(r) => `${r.householdId}|${r.kind}`}
                    size="small"
                    dataSource={d.pending}
                    pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
                    columns={[
                      { title: '户主', dataIndex: 'headName', width: 120, render: (v: string, r) => <a onClick={() => navigate({ name: 'household', id: r.householdId })}>{v || '（无户主）'}</a> },
                      { title: '社区', dataIndex: 'communityName', width: 160 },
                      { title: '住址', dataIndex: 'address' },
                      { title: '登记的类别', dataIndex: 'kind', width: 120, render: (k: string) => kindLabel(k) },
                    ]}
                  />
                </>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
