/**
 * 救助政策 › 应补尽补: people entitled to an allowance who do not receive it, or not at the standard;
 * 应退尽退 and 复核 (entitlement ended, members changed); and, on its own tab, the households to review
 * once the suspension of exits has ended.
 */
import { Alert, Button, DatePicker, Flex, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import dayjs from 'dayjs';
import type { EntitlementGap } from '../../../../shared/assistance/types';
import { GAP_REASONS } from '../../../../shared/assistance/codes';
import { labelOf } from '../../../../shared/codes';
import { hrefOf } from '../../router/routes';
import { SuspensionReviewTable } from './SuspensionReviewTable';
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
    { title: '救助项目', dataIndex: 'subsidy', render: (v: string) => programmeLabel(v) },
    {
      title: '问题',
      dataIndex: 'problem',
      width: 240,
      render: (v: EntitlementGap['problem'], r: EntitlementGap) =>
        v === 'missing' ? (
          <Tag color="red">应享未享</Tag>
        ) : v === 'should-exit' ? (
          <Tag color="purple">{`应退尽退：${labelOf(GAP_REASONS, r.reason)}（${r.stopMonth ?? ''}起停发）`}</Tag>
        ) : v === 'review' ? (
          <Tag color="gold">{`复核：${labelOf(GAP_REASONS, r.reason)}`}</Tag>
        ) : (
          <Tag color="orange">未按标准发放</Tag>
        ),
    },
    { title: '标准', dataIndex: 'standardFen', align: 'right', width: 130, render: (v: number | null) => (v == null ? <a href="#/policy/params"><Tag color="warning">标准未设置</Tag></a> : formatFen(v)) },
    { title: '实际领取', dataIndex: 'receivedFen', align: 'right', width: 130, render: (v: number | null) => (v == null ? '—' : formatFen(v)) },
    {
      title: '操作',
      width: 100,
      render: (_, r) =>
        r.enrolmentId ? (
          <Button size="small" type="link" href={hrefOf({ name: 'enrolment', id: r.enrolmentId })}>办理退出/复核</Button>
        ) : (
          <Button size="small" type="link" href={`#/households/${r.householdId}`}>查看家庭</Button>
        ),
    },
  ];
  const gapsTable = (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="列出按政策应享受孤儿、事实无人抚养儿童基本生活费或残疾人两项补贴却未享受的人员、领取金额与标准不一致的人员，以及因超龄、死亡、不再属于该类别应退出（应退尽退）或因成员变化须复核的保障记录。点击姓名打开其家庭。"
      />
      {q.error ? (
        <ErrorBlock error={q.error} onRetry={q.reload} />
      ) : (
        <Table<EntitlementGap>
          rowKey={(r) => `${r.personId}:${r.subsidy}:${r.enrolmentId ?? ''}`}
          size="small"
          loading={q.loading}
          dataSource={q.data ?? []}
          columns={columns}
          pagination={{ pageSize: 100, showSizeChanger: false, showTotal: (n) => `共 ${n} 条` }}
          locale={{ emptyText: '没有发现应享未享、未按标准发放或应退未退的情况' }}
        />
      )}
    </>
  );
  return (
    <div data-testid="entitlement-gaps">
      <AssistanceTabs active="entitlement-gaps" />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          应补尽补、按标施补
        </Typography.Title>
        <DatePicker aria-label="核查日期" style={{ width: 200 }} placeholder="核查日期：今天" value={onDate ? dayjs(onDate) : null} onChange={(d) => setOnDate(d ? d.format('YYYY-MM-DD') : undefined)} />
      </Flex>
      <Tabs
        items={[
          { key: 'gaps', label: <span data-testid="tab-gaps">应补尽补、应退尽退</span>, children: gapsTable },
          { key: 'suspension-review', label: <span data-testid="tab-suspension-review">暂停退出结束后复核</span>, children: <SuspensionReviewTable onDate={onDate} /> },
        ]}
      />
    </div>
  );
}
