/** 救助政策 › 应补尽补: people entitled to an allowance who do not receive it, or not at the standard. */
import { Alert, Button, DatePicker, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import dayjs from 'dayjs';
import type { EntitlementGap } from '../../../../shared/assistance/types';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { ErrorBlock } from '../../components/ErrorBlock';
import { formatFen } from '../../lib/money';
import { AssistanceTabs } from './AssistanceTabs';
import { programmeLabel } from './labels';

export function EntitlementGapsPage() {
  const [onDate, setOnDate] = useState<string | undefined>(undefined);
  const q = useApiQuery(() => api.call('assistance.entitlementGaps', { onDate }), [onDate]);
  const columns: TableColumnsType<EntitlementGap> = [
    { title: '姓名', dataIndex: 'name', width: 100, render: (v: string, r) => <a href={`#/households/${r.householdId}`} data-testid="gap-person">{v}</a> },
    { title: '身份证号', dataIndex: 'idMasked', width: 190 },
    { title: '社区', dataIndex: 'communityName', width: 140 },
    { title: '应享补贴', dataIndex: 'subsidy', render: (v: string) => programmeLabel(v) },
    {
      title: '问题',
      dataIndex: 'problem',
      width: 150,
      render: (v: EntitlementGap['problem'], r: EntitlementGap) =>
        v === 'missing' ? (
          <Tag color="red">应享未享</Tag>
        ) : v === 'should-exit' ? (
          <Tag color="purple">{`应退尽退（${r.stopMonth ?? ''}起停发）`}</Tag>
        ) : (
          <Tag color="orange">未按标准发放</Tag>
        ),
    },
    { title: '标准', dataIndex: 'standardFen', align: 'right', width: 130, render: (v: number | null) => (v == null ? <a href="#/policy/params"><Tag color="warning">标准未设置</Tag></a> : formatFen(v)) },
    { title: '实际领取', dataIndex: 'receivedFen', align: 'right', width: 130, render: (v: number | null) => (v == null ? '—' : formatFen(v)) },
    { title: '操作', width: 100, render: (_, r) => <Button size="small" type="link" href={`#/households/${r.householdId}`}>查看家庭</Button> },
  ];
  return (
    <div data-testid="entitlement-gaps">
      <AssistanceTabs active="entitlement-gaps" />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          应补尽补、按标施补
        </Typography.Title>
        <DatePicker aria-label="核查日期" style={{ width: 200 }} placeholder="核查日期：今天" value={onDate ? dayjs(onDate) : null} onChange={(d) => setOnDate(d ? d.format('YYYY-MM-DD') : undefined)} />
      </Flex>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="列出按政策应享受孤儿、事实无人抚养儿童基本生活费或残疾人两项补贴却未享受的人员，以及领取金额与标准不一致的人员。点击姓名打开其家庭，从“纳入救助”办理。"
      />
      {q.error ? (
        <ErrorBlock error={q.error} onRetry={q.reload} />
      ) : (
        <Table<EntitlementGap>
          rowKey={(r) => `${r.personId}:${r.subsidy}`}
          size="small"
          loading={q.loading}
          dataSource={q.data ?? []}
          columns={columns}
          pagination={{ pageSize: 100, showSizeChanger: false, showTotal: (n) => `共 ${n} 条` }}
          locale={{ emptyText: '没有发现应享未享或未按标准发放的情况' }}
        />
      )}
    </div>
  );
}
