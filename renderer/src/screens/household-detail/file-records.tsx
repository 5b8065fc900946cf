/** 一户一档, the record sections: ledger items, visits, care files, documents printed, audit trail. */
import { useState } from 'react';
import { Checkbox, Empty, Space, Table, Tag, Typography } from 'antd';
import type { AuditEventInfo } from '../../../../shared/audit/types';
import { labelOf } from '../../../../shared/codes';
import { AGREEMENT_STATUSES, CARE_LEVELS } from '../../../../shared/care/codes';
import type { CarePersonDetail } from '../../../../shared/care/types';
import type { PrintedDocument } from '../../../../shared/household/types';
import { VISIT_METHODS } from '../../../../shared/ledger/codes';
import type { LedgerRow } from '../../../../shared/ledger/schemas';
import type { VisitRow } from '../../../../shared/screening/schemas';
import { formatInstant } from '../../lib/dates';
import { hrefOf } from '../../router/routes';
import { categoryLabel, CountdownTag, StatusTag, UrgencyTag } from '../ledger/ledger-ui';
import { FourHaveTags } from '../care/FourHaveTags';

export function FileLedger({ rows }: { rows: LedgerRow[] }) {
  return (
    <Table<LedgerRow>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid="file-ledger"
      rowClassName={(r) => (r.overdue ? 'ledger-overdue' : '')}
      locale={{ emptyText: '没有问题台账事项' }}
      columns={[
        { title: '台账编号', dataIndex: 'itemNo', width: 190, render: (v: string, r) => <a href={hrefOf({ name: 'ledger-item', id: r.id })}>{v}</a> },
        { title: '类别', dataIndex: 'category', width: 60, render: categoryLabel },
        { title: '紧急程度', width: 110, render: (_, r) => <UrgencyTag urgency={r.urgency} immediate={r.immediate} /> },
        { title: '问题描述', dataIndex: 'description', ellipsis: true },
        { title: '状态', dataIndex: 'status', width: 140, render: (v: string) => <StatusTag status={v} /> },
        {
          title: '时限 / 销号',
          width: 170,
          render: (_, r) => (r.closedAt ? `销号 ${formatInstant(r.closedAt)}` : <CountdownTag row={r} />),
        },
      ]}
    />
  );
}

export function FileVisits({ rows, total }: { rows: VisitRow[]; total: number }) {
  return (
    <Table<VisitRow>
      rowKey="id"
      size="small"
      dataSource={rows}
      data-testid="file-visits"
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: '暂无走访记录' }}
      footer={total > rows.length ? () => `共 ${total} 次走访，此处列出最近 ${rows.length} 次` : undefined}
      columns={[
        { title: '走访日期', dataIndex: 'visitedOn', width: 110 },
        { title: '方式', dataIndex: 'method', width: 70, render: (m: string) => labelOf(VISIT_METHODS, m) },
        { title: '走访人', dataIndex: 'visitorName', width: 100 },
        {
          title: '情况',
          render: (_, v) => (
            <>
              {v.situation === 'problem' ? <Tag color="error">发现问题 {v.itemIds.length} 个</Tag> : <Tag color="success">正常</Tag>}
              {v.note && <Typography.Text type="secondary">{v.note}</Typography.Text>}
            </>
          ),
        },
      ]}
    />
  );
}

export function FileCare({ rows }: { rows: CarePersonDetail[] }) {
  if (rows.length === 0) return <Empty description="家庭成员没有照料服务档案（特困分散供养人员才有）" />;
  return (
    <Table<CarePersonDetail>
      rowKey={(r) => r.person.id}
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid="file-care"
      columns={[
        { title: '供养对象', width: 90, render: (_, r) => <a href={hrefOf({ name: 'care-person', id: r.person.id })}>{r.person.name}</a> },
        { title: '照料等级', width: 110, render: (_, r) => labelOf(CARE_LEVELS, r.profile?.careLevel ?? null) || '未评估' },
        { title: '照料服务人', width: 100, render: (_, r) => r.board.caregiverName ?? '—' },
        {
          title: '协议',
          width: 200,
          render: (_, r) => {
            const a = r.agreements[0];
            return a ? `${a.startDate} ~ ${a.endDate}（${labelOf(AGREEMENT_STATUSES, a.status)}）` : '无';
          },
        },
        { title: '服务卡', width: 160, render: (_, r) => r.cards.find((c) => c.status === 'active')?.cardNumber ?? '无有效服务卡' },
        { title: '探访', width: 170, render: (_, r) => `${r.visits.length} 次；最近 ${r.board.lastVisitDate ?? '—'}` },
        { title: '四有', render: (_, r) => <FourHaveTags row={r.board} /> },
      ]}
    />
  );
}

export function FileDocuments({ rows }: { rows: PrintedDocument[] }) {
  return (
    <Table<PrintedDocument>
      rowKey={(r) => `${r.at}-${r.action}-${r.summary}`}
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid="file-documents"
      locale={{ emptyText: '没有打印过本户的文书' }}
      columns={[
        { title: '时间', dataIndex: 'at', width: 160, render: formatInstant },
        { title: '操作人', dataIndex: 'username', width: 110 },
        { title: '文书', dataIndex: 'summary' },
      ]}
    />
  );
}

/** Views of full ID numbers are audited too; they are many, so shown on request. */
const isView = (e: AuditEventInfo) => /\.view[A-Z]/.test(e.action);

export function FileAudit({ rows }: { rows: AuditEventInfo[] | null }) {
  const [views, setViews] = useState(false);
  if (rows === null) return <Empty description="操作记录仅街道负责人和管理员可以查看" />;
  const shown = views ? rows : rows.filter((e) => !isView(e));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Checkbox checked={views} onChange={(e) => setViews(e.target.checked)}>
        包括查看记录（查看完整身份证号码等）
      </Checkbox>
      <Table<AuditEventInfo>
        rowKey="id"
        size="small"
        dataSource={shown}
        data-testid="file-audit"
        pagination={shown.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: '没有操作记录' }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 160, render: formatInstant },
          { title: '操作人', dataIndex: 'username', width: 110 },
          { title: '内容', dataIndex: 'summary' },
        ]}
      />
    </Space>
  );
}
