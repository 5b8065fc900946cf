/**
 * 待登记线索: clues from the grid system or the bureaus about people not yet in the street's
 * registry. 登记并立项 opens the household registration prefilled with what the clue gave (or,
 * when the person has been registered meanwhile, links that person); 不予立项 asks for the reason.
 * At a district device: every street's clues, read only.
 */
import { useState } from 'react';
import { App, Button, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { labelOf } from '../../../../shared/codes';
import { CLUE_STATUSES, type ClueRow, type ClueStatus } from '../../../../shared/ledger/clues';
import { countdown } from '../../../../shared/ledger/deadlines';
import { CLUE_SOURCES } from '../../../../shared/ledger/intake';
import { api, errorMessage } from '../../api/client';
import { ErrorBlock } from '../../components/ErrorBlock';
import { ReasonModal } from '../../components/ReasonModal';
import { StreetSelect, useIsDistrict } from '../../components/StreetSelect';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatInstant } from '../../lib/dates';
import { navigate } from '../../router/use-route';
import { categoryLabel, UrgencyTag } from './ledger-ui';
import { appClock } from '../../api/clock';

const STATUS_COLOR: Record<ClueStatus, string> = { pending: 'orange', converted: 'green', dismissed: 'default' };

function Known({ label, value }: { label: string; value: string | null }) {
  return (
    <div>
      <Typography.Text type="secondary">{label}：</Typography.Text>
      {value ?? <Typography.Text type="secondary">未提供</Typography.Text>}
    </div>
  );
}

function Deadline({ row }: { row: ClueRow }) {
  if (row.status === 'dismissed') return <span style={{ color: '#999' }}>—</span>;
  if (row.status === 'converted') return <span style={{ color: '#666' }}>{formatInstant(row.dueAt)}</span>;
  const c = countdown(row.dueAt, appClock.now().toISOString());
  return (
    <div>
      <Tag color={c.overdue ? 'error' : c.remainingMs < 6 * 3_600_000 ? 'warning' : 'processing'}>{c.text}</Tag>
      <div style={{ color: '#666', fontSize: 12 }}>时限 {formatInstant(row.dueAt)}</div>
    </div>
  );
}

export function CluesView({ onChanged }: { onChanged: () => void }) {
  const { message, modal } = App.useApp();
  const district = useIsDistrict();
  const [status, setStatus] = useState<ClueStatus | 'all'>('pending');
  const [street, setStreet] = useState<string | undefined>(undefined);
  const q = useApiQuery(() => api.call('ledger.clueList', { status: status === 'all' ? undefined : status, streetCode: street }), [status, street]);
  const [dismissing, setDismissing] = useState<ClueRow | null>(null);
  const changed = () => {
    q.reload();
    onChanged();
  };

  const linkRegistered = (r: ClueRow) => {
    const p = r.registered!;
    modal.confirm({
      title: `为已登记的 ${p.name} 立项？`,
      content: `该身份证号码已登记在 ${p.address}。确认后直接为其登记问题台账，不再新建家庭。`,
      okText: '立项',
      cancelText: '取消',
      onOk: async () => {
        try {
          const item = await api.call('ledger.clueConvert', { id: r.id, personId: p.personId });
          message.success(`已立项：${item.itemNo}`);
          onChanged();
          navigate({ name: 'ledger-item', id: item.id });
        } catch (e) {
          message.error(errorMessage(e));
          changed();
        }
      },
    });
  };

  const columns: TableColumnsType<ClueRow> = [
    ...(district ? [{ title: '街道', dataIndex: 'streetName', width: 110 }] : []),
    {
      title: '线索',
      width: 190,
      render: (_, r) => (
        <div>
          <div>{r.itemNo}</div>
          <div style={{ color: '#666', fontSize: 12 }}>
            {labelOf(CLUE_SOURCES, r.source)}
            {r.sender ? `（${r.sender}）` : ''}
          </div>
          <div style={{ color: '#666', fontSize: 12 }}>来文编号 {r.externalId}</div>
          <div style={{ color: '#666', fontSize: 12 }}>接收 {formatInstant(r.receivedAt)}</div>
        </div>
      ),
    },
    {
      title: '当事人（线索所述）',
      width: 260,
      render: (_, r) => (
        <div data-testid="clue-person">
          <Typography.Text strong>{r.name ?? '姓名未提供'}</Typography.Text>
          <Known label="身份证" value={r.idMasked} />
          <Known label="电话" value={r.phone} />
          <Known label="住址" value={r.address} />
          {r.communityName && <Known label="社区" value={r.communityName} />}
          {r.registered && <Tag color="blue">已登记：{r.registered.name}（{r.registered.address}）</Tag>}
        </div>
      ),
    },
    {
      title: '问题',
      render: (_, r) => (
        <div>
          <Space size={4} wrap>
            <Tag>{categoryLabel(r.category)}</Tag>
            <UrgencyTag urgency={r.urgency} immediate={r.source !== 'grid'} />
          </Space>
          <div style={{ marginTop: 4 }}>{r.description}</div>
        </div>
      ),
    },
    { title: '处置时限', width: 170, render: (_, r) => <Deadline row={r} /> },
    {
      title: '状态',
      width: 200,
      render: (_, r) => (
        <div>
          <Tag color={STATUS_COLOR[r.status]}>{labelOf(CLUE_STATUSES, r.status)}</Tag>
          {r.status === 'converted' && r.itemId && (
            <div>
              <a href={`#/ledger/${r.itemId}`}>查看台账事项</a>
            </div>
          )}
          {r.status === 'dismissed' && <div style={{ fontSize: 12 }}>原因：{r.dismissReason}</div>}
          {r.handledBy && (
            <div style={{ color: '#666', fontSize: 12 }}>
              {r.handledBy} {r.handledAt ? formatInstant(r.handledAt) : ''}
            </div>
          )}
        </div>
      ),
    },
    ...(district
      ? []
      : [
          {
            title: '操作',
            width: 130,
            render: (_: unknown, r: ClueRow) =>
              r.status === 'pending' ? (
                <Space direction="vertical" size={4}>
                  {r.registered ? (
                    <Button size="small" type="primary" onClick={() => linkRegistered(r)}>
                      为已登记人员立项
                    </Button>
                  ) : (
                    <Button size="small" type="primary" onClick={() => navigate({ name: 'clue-register', id: r.id })}>
                      登记并立项
                    </Button>
                  )}
                  <Button size="small" danger onClick={() => setDismissing(r)}>
                    不予立项
                  </Button>
                </Space>
              ) : null,
          },
        ]),
  ];

  return (
    <div data-testid="clue-list">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {district
          ? '各街道收到的线索中，当事人尚未在街道登记的（只读）：由所在街道登记家庭和人员后立项，或不予立项。处置时限自线索接收时起算。'
          : '网格系统、市局、区局报送的线索中，当事人尚未在本街道登记的，在此等待登记。登记家庭和人员后立项，处置时限自线索接收时起算。'}
      </Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        {district && <StreetSelect allowClear placeholder="全部街道" ariaLabel="街道筛选" value={street} onChange={setStreet} />}
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as ClueStatus | 'all')}
          options={[...CLUE_STATUSES.map((s) => ({ value: s.code, label: s.label })), { value: 'all', label: '全部' }]}
        />
      </Space>
      {q.error ? (
        <ErrorBlock error={q.error} onRetry={q.reload} />
      ) : (
        <Table<ClueRow>
          rowKey="id"
          size="small"
          loading={q.loading}
          columns={columns}
          dataSource={q.data?.rows ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: status === 'pending' ? '没有待登记的线索' : '没有线索' }}
        />
      )}
      {dismissing && (
        <ReasonModal
          open
          title={`不予立项：${dismissing.name ?? dismissing.itemNo}`}
          description="确认该线索不予立项？线索将标记为不予立项并记录原因，不登记人员、不生成台账事项。"
          okText="不予立项"
          onClose={() => setDismissing(null)}
          onConfirm={async (reason: string) => {
            await api.call('ledger.clueDismiss', { id: dismissing.id, reason });
            message.success('已标记为不予立项');
            changed();
          }}
        />
      )}
    </div>
  );
}
