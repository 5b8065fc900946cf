/**
 * 一户一档 on the household page: one card of tabs (members, assistance, payments, temporary
 * assistance, ledger, visits, care, documents printed, audit trail), each tab counting its records,
 * read through one procedure (household.file), with a line that sums up the assistance received.
 */
import { useState, type ReactNode } from 'react';
import { Button, Card, Space, Tabs, Tag, Typography } from 'antd';
import { FormOutlined, SafetyCertificateOutlined, UserAddOutlined } from '@ant-design/icons';
import type { HouseholdFile } from '../../../../shared/household/types';
import type { HouseholdDetail } from '../../../../shared/registry/types';
import { api } from '../../api/client';
import { ErrorBlock } from '../../components/ErrorBlock';
import { LoadingBlock } from '../../components/LoadingBlock';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatFen } from '../../lib/money';
import { programmeLabel } from '../assistance/labels';
import { VisitEntry, visitTargetOf } from '../screening/HouseholdVisits';
import { FileEnrolments, FilePayments, FileTemporary } from './file-assistance';
import { FileAudit, FileCare, FileDocuments, FileLedger, FileVisits } from './file-records';
import { MembersTable, type MemberAction } from './MembersTable';
import { HouseholdLeftBehind } from '../left-behind/HouseholdLeftBehind';

const LIVE = ['active', 'gradual-exit', 'suspended'];

/** What the household receives, in one line: programmes in force, temporary assistance, open ledger items. */
function Summary({ file }: { file: HouseholdFile }) {
  const live = file.enrolments.filter((e) => LIVE.includes(e.status));
  const paidTemp = file.temporary.filter((t) => t.status === 'paid');
  const open = file.ledger.filter((i) => !i.closedAt);
  return (
    <Space wrap size={[8, 4]} data-testid="file-summary">
      <Typography.Text type="secondary">救助概况：</Typography.Text>
      {live.length === 0 && <Tag>未在保</Tag>}
      {live.map((e) => (
        <Tag key={e.id} color="green">{`${programmeLabel(e.programme)}${e.name ? `（${e.name}）` : ''}`}</Tag>
      ))}
      {paidTemp.length > 0 && (
        <Tag color="blue">{`已发临时救助 ${paidTemp.length} 次，共 ${formatFen(paidTemp.reduce((s, t) => s + t.amountFen, 0))}`}</Tag>
      )}
      {open.length > 0 && <Tag color={open.some((i) => i.overdue) ? 'error' : 'orange'}>{`未办结台账 ${open.length} 项`}</Tag>}
    </Space>
  );
}

const label = (text: string, n: number | null) => (n === null ? text : `${text}（${n}）`);

export function HouseholdFileTabs(props: {
  household: HouseholdDetail;
  version: number;
  onMemberAction: (a: MemberAction, p: HouseholdDetail['members'][number]) => void;
  onAddMember: () => void;
  onApply: () => void;
}) {
  const h = props.household;
  const [visiting, setVisiting] = useState(false);
  const [leftBehindCount, setLeftBehindCount] = useState<number | null>(null);
  const q = useApiQuery(() => api.call('household.file', { id: h.id }), [h.id, props.version]);
  const f = q.data;
  const body = (node: (file: HouseholdFile) => ReactNode) => (q.error ? <ErrorBlock error={q.error} onRetry={q.reload} /> : f ? node(f) : <LoadingBlock text="正在加载一户一档…" />);
  const items = [
    {
      key: 'members',
      label: label('家庭成员', h.members.length),
      children: (
        <>
          <Space style={{ marginBottom: 8 }}>
            <Button icon={<UserAddOutlined />} onClick={props.onAddMember}>
              添加成员
            </Button>
          </Space>
          <MembersTable members={h.members} onAction={props.onMemberAction} />
        </>
      ),
    },
    {
      key: 'enrolments',
      label: label('救助保障', f ? f.enrolments.length : null),
      children: (
        <div data-testid="household-enrolments">
          <Space style={{ marginBottom: 8 }}>
            <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={props.onApply} data-testid="apply-enrolment">
              纳入救助
            </Button>
          </Space>
          {body((x) => <FileEnrolments rows={x.enrolments} />)}
        </div>
      ),
    },
    { key: 'payments', label: label('发放记录', f ? f.payments.length : null), children: body((x) => <FilePayments rows={x.payments} />) },
    { key: 'temporary', label: label('临时救助', f ? f.temporary.length : null), children: body((x) => <FileTemporary rows={x.temporary} />) },
    { key: 'ledger', label: label('问题台账', f ? f.ledger.length : null), children: body((x) => <FileLedger rows={x.ledger} />) },
    {
      key: 'visits',
      label: label('走访记录', f ? f.visitTotal : null),
      children: (
        <div data-testid="household-visits">
          <Space style={{ marginBottom: 8 }}>
            <Button icon={<FormOutlined />} onClick={() => setVisiting(true)} data-testid="household-visit">
              登记走访
            </Button>
            {f && <Typography.Text type="secondary">{`走访记录（共 ${f.visitTotal} 次）`}</Typography.Text>}
          </Space>
          {body((x) => <FileVisits rows={x.visits} total={x.visitTotal} />)}
        </div>
      ),
    },
    { key: 'care', label: label('照料档案', f ? f.care.length : null), children: body((x) => <FileCare rows={x.care} />) },
    { key: 'left-behind', label: label('留守档案', leftBehindCount), children: <HouseholdLeftBehind household={h} onCount={setLeftBehindCount} /> },
    { key: 'documents', label: label('打印记录', f ? f.documents.length : null), children: body((x) => <FileDocuments rows={x.documents} />) },
    { key: 'audit', label: '操作记录', children: body((x) => <FileAudit rows={x.audit} />) },
  ];
  return (
    <Card data-testid="household-file">
      {f && <Summary file={f} />}
      <Tabs items={items} destroyOnHidden={false} />
      {visiting && (
        <VisitEntry
          target={visitTargetOf(h)}
          onClose={() => setVisiting(false)}
          onSaved={() => {
            setVisiting(false);
            q.reload();
          }}
        />
      )}
    </Card>
  );
}
