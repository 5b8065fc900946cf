/** 督办: overdue items and referrals whose follow-up date has passed, for the street supervisor. */
import { Card, Table, Tag } from 'antd';
import { api } from '../../api/client';
import { ErrorBlock } from '../../components/ErrorBlock';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatInstant } from '../../lib/dates';
import { ledgerColumns } from './LedgerListView';
import { useIsDistrict } from '../../components/StreetSelect';
import { departmentLabel } from './ledger-ui';

export function EscalationsView() {
  const district = useIsDistrict();
  const q = useApiQuery(() => api.call('ledger.escalations', {}), []);
  if (q.error) return <ErrorBlock error={q.error} onRetry={q.reload} />;
  return (
    <div data-testid="escalations">
      <Card size="small" title={`超期事项（${q.data?.overdueItems.length ?? 0}）`} style={{ marginBottom: 12 }}>
        <Table rowKey="id" size="small" loading={q.loading} columns={ledgerColumns(district)} dataSource={q.data?.overdueItems ?? []} rowClassName={() => 'ledger-overdue'} tableLayout="fixed" pagination={false} locale={{ emptyText: '没有超期事项' }} />
      </Card>
      <Card size="small" title={`待催办的转介（${q.data?.referralsToChase.length ?? 0}）`}>
        <Table
          rowKey="id"
          size="small"
          loading={q.loading}
          pagination={false}
          dataSource={q.data?.referralsToChase ?? []}
          locale={{ emptyText: '没有超过跟进时间仍未回复的转介' }}
          columns={[
            { title: '台账编号', dataIndex: 'itemNo', render: (v: string, r) => <a href={`#/ledger/${r.itemId}`}>{v}</a> },
            { title: '户主', dataIndex: 'headName' },
            { title: '转介部门', dataIndex: 'department', render: departmentLabel },
            { title: '转介日期', dataIndex: 'sentOn' },
            { title: '应跟进时间', dataIndex: 'followUpAt', render: (v: string) => <Tag color="error">{formatInstant(v)}</Tag> },
          ]}
        />
      </Card>
    </div>
  );
}
