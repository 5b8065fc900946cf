/** 救助政策 › 保障对象: enrolments per programme with status, this month's amount and a link to each. */
import { useState } from 'react';
import { Button, Flex, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { EnrolmentRow } from '../../../../shared/assistance/types';
import { ENROLMENT_STATUSES } from '../../../../shared/assistance/codes';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { ErrorBlock } from '../../components/ErrorBlock';
import { formatFen } from '../../lib/money';
import { navigate } from '../../router/use-route';
import { AssistanceTabs } from './AssistanceTabs';
import { EnrolmentStatusTag, PROGRAMME_OPTIONS, programmeLabel } from './labels';

type Programme = EnrolmentRow['programme'];
type Status = EnrolmentRow['status'];

/** `status`: the status filter to start with (from the URL, e.g. a line of the 工作台). */
export function EnrolmentListPage({ programme, status: initialStatus }: { programme: string | null; status?: string }) {
  const [status, setStatus] = useState<Status | undefined>(ENROLMENT_STATUSES.some((s) => s.code === initialStatus) ? (initialStatus as Status) : undefined);
  const prog = (programme ?? undefined) as Programme | undefined;
  const q = useApiQuery(() => api.call('assistance.listEnrolments', { programme: prog, status }), [prog, status]);
  const columns: TableColumnsType<EnrolmentRow> = [
    { title: '姓名（户主）', dataIndex: 'name', render: (v: string | null) => v ?? '—' },
    { title: '社区', dataIndex: 'communityName' },
    { title: '救助项目', dataIndex: 'programme', render: (v: string) => programmeLabel(v) },
    { title: '状态', dataIndex: 'status', render: (v: string, r) => <EnrolmentStatusTag status={v} source={r.source} importConfirmed={r.importConfirmed} />, width: 110 },
    { title: '保障人数', dataIndex: 'coveredPersons', align: 'right', width: 90 },
    { title: '本月金额', dataIndex: 'currentAmountFen', align: 'right', render: (v: number | null) => (v == null ? '—' : formatFen(v)), width: 130 },
    { title: '起始月份', dataIndex: 'startMonth', render: (v: string | null) => v ?? '—', width: 100 },
    { title: '终止月份', dataIndex: 'endMonth', render: (v: string | null) => v ?? '—', width: 100 },
    {
      title: '操作',
      width: 90,
      render: (_, r) => (
        <Button size="small" type="link" href={`#/assistance/enrolments/${r.id}`}>
          办理
        </Button>
      ),
    },
  ];
  return (
    <div data-testid="enrolments">
      <AssistanceTabs active="enrolments" />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          保障对象
        </Typography.Title>
        <Flex gap={8} wrap>
          <Select
            aria-label="救助项目"
            data-testid="enrolment-programme"
            allowClear
            placeholder="全部救助项目"
            style={{ width: 220 }}
            value={prog}
            options={PROGRAMME_OPTIONS}
            onChange={(v: string | undefined) => navigate({ name: 'enrolments', programme: v ?? null }, { replace: true })}
          />
          <Select
            aria-label="状态"
            allowClear
            placeholder="全部状态"
            style={{ width: 140 }}
            value={status}
            options={ENROLMENT_STATUSES.map((s) => ({ value: s.code, label: s.label }))}
            onChange={(v: Status | undefined) => setStatus(v)}
          />
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary">新的救助申请从家庭详情页的“纳入救助”开始；点击“办理”查看每一步的办理人和时间并办理下一步。</Typography.Paragraph>
      {q.error ? (
        <ErrorBlock error={q.error} onRetry={q.reload} />
      ) : (
        <Table<EnrolmentRow>
          rowKey="id"
          size="small"
          loading={q.loading}
          dataSource={q.data ?? []}
          columns={columns}
          pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (n) => `共 ${n} 条` }}
          locale={{ emptyText: '暂无保障记录' }}
          onRow={(r) => ({ onDoubleClick: () => navigate({ name: 'enrolment', id: r.id }) })}
        />
      )}
    </div>
  );
}
