/** The enrolments of one household, shown on its detail page. */
import { Button, Card, Table } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { EnrolmentRow } from '../../../../shared/assistance/types';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { ErrorBlock } from '../../components/ErrorBlock';
import { formatFen } from '../../lib/money';
import { EnrolmentStatusTag, programmeLabel } from './labels';

export function HouseholdEnrolments({ householdId, onApply }: { householdId: string; onApply: () => void }) {
  const q = useApiQuery(() => api.call('assistance.listEnrolments', { householdId }), [householdId]);
  return (
    <Card
      title="救助保障"
      data-testid="household-enrolments"
      extra={
        <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={onApply} data-testid="apply-enrolment">
          纳入救助
        </Button>
      }
    >
      {q.error ? (
        <ErrorBlock error={q.error} onRetry={q.reload} />
      ) : (
        <Table<EnrolmentRow>
          rowKey="id"
          size="small"
          loading={q.loading}
          pagination={false}
          dataSource={q.data ?? []}
          locale={{ emptyText: '尚未纳入任何救助项目' }}
          columns={[
            { title: '救助项目', dataIndex: 'programme', render: (v: string) => programmeLabel(v) },
            { title: '对象', dataIndex: 'name' },
            { title: '状态', dataIndex: 'status', render: (v: string) => <EnrolmentStatusTag status={v} /> },
            { title: '本月金额', dataIndex: 'currentAmountFen', align: 'right', render: (v: number | null) => (v == null ? '—' : formatFen(v)) },
            { title: '起止', render: (_, r) => `${r.startMonth ?? '—'} ~ ${r.endMonth ?? ''}` },
            { title: '操作', width: 80, render: (_, r) => <Button size="small" type="link" href={`#/assistance/enrolments/${r.id}`}>办理</Button> },
          ]}
        />
      )}
    </Card>
  );
}
