/** 照料服务: the "四有" board of every 分散供养特困人员, gaps first, with renewal reminders. */
import { useState } from 'react';
import { Alert, Button, Card, Empty, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { FileTextOutlined, IdcardOutlined, TeamOutlined } from '@ant-design/icons';
import type { BoardRow } from '../../../../shared/care/types';
import { careLevelText } from '../../../../shared/care/format';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { useCommunities } from '../../hooks/use-org';
import { navigate } from '../../router/use-route';
import { ErrorBlock } from '../../components/ErrorBlock';
import { FourHaveTags } from './FourHaveTags';

/** `filter`: the URL's gapsOnly=1 (e.g. from the 工作台's 四有缺项 line). */
export function CareBoardPage({ filter = '' }: { filter?: string }) {
  const communities = useCommunities();
  const [communityId, setCommunityId] = useState<string | null>(null);
  const [gapsOnly, setGapsOnly] = useState(new URLSearchParams(filter).get('gapsOnly') === '1');
  const board = useApiQuery(() => api.call('care.board', { communityId, gapsOnly }), [communityId, gapsOnly]);
  const renewals = useApiQuery(() => api.call('care.renewalsDue', {}), []);
  const open = (r: BoardRow) => navigate({ name: 'care-person', id: r.personId });

  const withGaps = board.data?.filter((r) => r.gaps.length > 0).length ?? 0;
  return (
    <Card
      title="照料服务 · “四有”台账"
      extra={
        <Space>
          <Button icon={<FileTextOutlined />} onClick={() => navigate({ name: 'care-template' })}>
            协议范本
          </Button>
          <Button icon={<IdcardOutlined />} onClick={() => navigate({ name: 'care-cards' })}>
            照料服务卡
          </Button>
          <Button icon={<TeamOutlined />} onClick={() => navigate({ name: 'left-behind' })} data-testid="goto-left-behind">
            留守人员
          </Button>
        </Space>
      }
    >
      {renewals.data && renewals.data.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${renewals.data.length} 份照料协议即将到期，请及时续签`}
          description={renewals.data.map((a) => `${a.personName}（${a.endDate}到期，剩${a.daysLeft}天）`).join('；')}
        />
      )}
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          aria-label="社区"
          style={{ width: 200 }}
          allowClear
          placeholder="全部社区"
          value={communityId ?? undefined}
          onChange={(v) => setCommunityId(v ?? null)}
          options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        <Space>
          <Switch checked={gapsOnly} onChange={setGapsOnly} aria-label="只看有缺项的" />
          <span>只看有缺项的</span>
        </Space>
        {board.data && (
          <Typography.Text type="secondary">
            共 {board.data.length} 人，其中 {withGaps} 人“四有”不全
          </Typography.Text>
        )}
      </Space>
      {board.error ? (
        <ErrorBlock error={board.error} onRetry={board.reload} />
      ) : (
        <Table<BoardRow>
          data-testid="care-board"
          rowKey="personId"
          size="middle"
          loading={board.loading}
          dataSource={board.data ?? []}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          locale={{ emptyText: <Empty description="没有分散供养特困人员：在户籍台账中将家庭类别登记为“特困分散供养”后显示在此" /> }}
          rowClassName={() => 'doudi-row-clickable'}
          onRow={(r) => ({ onClick: () => open(r), onKeyDown: (e) => e.key === 'Enter' && open(r), tabIndex: 0 })}
          columns={[
            {
              title: '姓名',
              dataIndex: 'name',
              render: (_v, r) => (
                <Space direction="vertical" size={0}>
                  <a onClick={() => open(r)}>{r.name}</a>
                  <Typography.Text type="secondary" className="doudi-mono" style={{ fontSize: 12 }}>
                    {r.idMasked}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: '社区', dataIndex: 'communityName', width: 120 },
            { title: '年龄', dataIndex: 'age', width: 64 },
            { title: '照料等级', dataIndex: 'careLevel', width: 90, render: (v: string | null) => (v ? careLevelText(v) : <Tag>未评估</Tag>) },
            { title: '“四有”', key: 'haves', width: 300, render: (_v, r) => <FourHaveTags row={r} /> },
            {
              title: '缺项与提示',
              key: 'gaps',
              render: (_v, r) => (
                <Space direction="vertical" size={2}>
                  {r.institutionalSuggested && <Tag color="volcano">建议纳入集中供养：{r.institutionalReason}</Tag>}
                  {r.renewalDue && <Tag color="warning">协议即将到期</Tag>}
                  {r.gaps.map((g) => (
                    <span key={g.code} data-testid="gap">
                      {g.message}
                    </span>
                  ))}
                  {r.gaps.length === 0 && !r.institutionalSuggested && <Typography.Text type="success">齐全</Typography.Text>}
                </Space>
              ),
            },
            { title: '照料服务人', dataIndex: 'caregiverName', width: 110, render: (v: string | null) => v ?? '—' },
            { title: '最近探访', dataIndex: 'lastVisitDate', width: 110, render: (v: string | null) => v ?? '—' },
          ]}
        />
      )}
    </Card>
  );
}
