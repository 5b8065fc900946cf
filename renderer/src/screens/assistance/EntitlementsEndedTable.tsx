/**
 * 应退尽退 › 死亡停发: every person whose recorded death stopped their entitlements, what stopped (保障
 * records exited or reduced, care agreements and cards ended, visits), and what confirmed batches paid
 * for months after the death, to be recovered (扣回, taken by the next batch), month by month.
 */
import { Alert, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { DeathRecovery, EndedEntitlements } from '../../../../shared/assistance/entitlements-ended';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { ErrorBlock } from '../../components/ErrorBlock';
import { formatFen } from '../../lib/money';
import { hrefOf } from '../../router/routes';
import { programmeLabel } from './labels';

function Stopped({ row: r }: { row: EndedEntitlements }) {
  return (
    <Space size={[4, 4]} wrap data-testid="ended-stopped">
      {r.enrolments.map((e) => (
        <a key={`${e.enrolmentId}:${e.change}`} href={hrefOf({ name: 'enrolment', id: e.enrolmentId })}>
          <Tag color={e.change === 'exited' ? 'purple' : 'gold'} style={{ whiteSpace: 'normal' }}>
            {programmeLabel(e.programme)}：{e.change === 'exited' ? `${e.stopMonth}起停发` : `${e.stopMonth}起减少保障人数`}
          </Tag>
        </a>
      ))}
      {r.agreements.map((a) => (
        <Tag key={a.id} color="blue">照料协议 {a.endedOn} 解除</Tag>
      ))}
      {r.cards.map((k) => (
        <Tag key={k.id} color="blue">服务卡 {k.cardNumber} 注销</Tag>
      ))}
      <Tag>{r.visitsClosed}</Tag>
    </Space>
  );
}

const COLUMNS: TableColumnsType<EndedEntitlements> = [
  { title: '姓名', dataIndex: 'name', width: 90, render: (v: string, r) => <a href={`#/households/${r.householdId}`} data-testid="ended-person">{v}</a> },
  { title: '身份证号', dataIndex: 'idMasked', width: 170 },
  { title: '社区', dataIndex: 'communityName', width: 110 },
  {
    title: '死亡日期',
    dataIndex: 'diedOn',
    width: 110,
    render: (v: string, r) =>
      r.correction ? (
        <span data-testid="ended-corrected">
          {v}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            由 {r.correction.from} 更正（{r.correction.reason}）
          </Typography.Text>
        </span>
      ) : (
        v
      ),
  },
  { title: '来源/说明', dataIndex: 'source', width: 130, render: (v: string | null) => v ?? '—' },
  { title: '已停止', key: 'stopped', render: (_, r) => <Stopped row={r} /> },
  {
    title: '应扣回',
    dataIndex: 'recoverTotalFen',
    align: 'right',
    width: 110,
    render: (v: number) => (v > 0 ? <Typography.Text type="danger" data-testid="ended-recover">{formatFen(v)}</Typography.Text> : '—'),
  },
  {
    title: '家庭复核',
    dataIndex: 'reviewItemNo',
    width: 150,
    render: (v: string | null, r) => (v && r.reviewItemId ? <a href={hrefOf({ name: 'ledger-item', id: r.reviewItemId })} data-testid="ended-review">{v}</a> : '—'),
  },
];

const RECOVERY_COLUMNS: TableColumnsType<DeathRecovery> = [
  { title: '救助项目', dataIndex: 'programme', render: (v: string) => programmeLabel(v) },
  { title: '月份', dataIndex: 'month', width: 90 },
  { title: '已发放', dataIndex: 'paidFen', align: 'right', width: 110, render: (v: number) => formatFen(v) },
  { title: '现应发', dataIndex: 'dueFen', align: 'right', width: 110, render: (v: number) => formatFen(v) },
  { title: '应扣回', dataIndex: 'recoverFen', align: 'right', width: 110, render: (v: number) => formatFen(v) },
];

export function EntitlementsEndedTable() {
  const q = useApiQuery(() => api.call('assistance.entitlementsEnded', {}), []);
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="登记死亡后，本人的救助和补贴发放至死亡当月，次月起停发；已确认批次不作修改，死亡后已发放的月份在下一个未确认批次中扣回。照料协议和服务卡随之终止，家庭其余成员转问题台账复核。"
      />
      {q.error ? (
        <ErrorBlock error={q.error} onRetry={q.reload} />
      ) : (
        <Table<EndedEntitlements>
          data-testid="ended-table"
          rowKey="personId"
          size="small"
          loading={q.loading}
          dataSource={q.data ?? []}
          columns={COLUMNS}
          expandable={{
            rowExpandable: (r) => r.recoveries.length > 0,
            expandedRowRender: (r) => (
              <Table<DeathRecovery>
                size="small"
                rowKey={(x) => `${x.enrolmentId}:${x.month}`}
                dataSource={r.recoveries}
                columns={RECOVERY_COLUMNS}
                pagination={false}
                data-testid="ended-recoveries"
              />
            ),
          }}
          pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (n) => `共 ${n} 人` }}
          locale={{ emptyText: '没有因死亡停发的人员' }}
        />
      )}
    </>
  );
}
