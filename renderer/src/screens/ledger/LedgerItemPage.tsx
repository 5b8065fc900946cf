/** One ledger item: facts, deadlines, the transitions the user may take, referrals and the timeline. */
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Space, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { labelOf } from '../../../../shared/codes';
import { DEPARTMENTS, LEDGER_STATUSES } from '../../../../shared/ledger/codes';
import type { LedgerDetail, LedgerEvent } from '../../../../shared/ledger/schemas';
import { LEDGER_ACTIONS, type LedgerAction } from '../../../../shared/ledger/transitions';
import { api } from '../../api/client';
import { ErrorBlock } from '../../components/ErrorBlock';
import { LoadingBlock } from '../../components/LoadingBlock';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatInstant } from '../../lib/dates';
import { hrefOf } from '../../router/routes';
import { navigate } from '../../router/use-route';
import { categoryLabel, CountdownTag, reviewLabel, sourceLabel, StatusTag, UrgencyTag } from './ledger-ui';
import { ReferralPanel } from './ReferralPanel';
import { TransitionModal } from './TransitionModal';
import { useIsDistrict } from '../../components/StreetSelect';
import { isOpen } from '../../../../shared/ledger/transitions';
import type { LedgerStatus } from '../../../../shared/ledger/codes';
import { isSupervisorRole } from '../../lib/roles';
import { useSession } from '../../session/session-context';
import { CorrectModal } from './CorrectModal';

const EVENT_LABEL: Record<string, string> = {
  created: '登记',
  'referral-receipt': '部门签收',
  'referral-reply': '部门回复',
  'application:approved': '临时救助已审批',
  'application:paid': '临时救助已发放（办结）',
  'application:rejected': '临时救助不予救助（办结）',
  'application:referred': '临时救助转介',
  'application:papers': '先行救助补交材料',
  reclassify: '更正问题类别',
  regrade: '调整紧急程度',
  ...Object.fromEntries(LEDGER_ACTIONS.map((a) => [a.code, a.label])),
};

function eventTitle(e: LedgerEvent): string {
  if (e.kind.startsWith('refer:')) return `转介${labelOf(DEPARTMENTS, e.kind.slice(6))}`;
  return EVENT_LABEL[e.kind] ?? e.kind;
}

export function LedgerItemPage({ id }: { id: string }) {
  const district = useIsDistrict();
  const q = useApiQuery(() => api.call('ledger.get', { id }), [id]);
  const [override, setOverride] = useState<LedgerDetail | null>(null);
  const [action, setAction] = useState<LedgerAction | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const { session } = useSession();
  const item = override?.id === id ? override : q.data;
  if (q.error) return <ErrorBlock error={q.error} onRetry={q.reload} />;
  if (!item) return <LoadingBlock />;
  const changed = (d: LedgerDetail) => {
    setOverride(d);
    setAction(null);
    setCorrecting(false);
  };
  const canRegrade = isSupervisorRole(session.user.role) && isOpen(item.status as LedgerStatus);
  return (
    <div data-testid="ledger-item">
      <Space style={{ marginBottom: 12 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate({ name: 'ledger', tab: 'items' })}>
          返回台账
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {item.itemNo}
        </Typography.Title>
        {district && <Typography.Text data-testid="item-street">{item.streetName}</Typography.Text>}
        <StatusTag status={item.status} />
        <UrgencyTag urgency={item.urgency} immediate={item.immediate} />
        {item.countdownText && <CountdownTag row={item} />}
      </Space>
      {item.overdue && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={`已超过${item.status === 'pending' ? '核查' : '处置'}时限（${formatInstant(item.currentDueAt)}）`} data-testid="overdue-alert" />}
      <Card size="small" title="办理" style={{ marginBottom: 12 }}>
        <Space wrap data-testid="actions">
          {item.actions.length === 0 && <Typography.Text type="secondary">当前状态下您没有可执行的操作</Typography.Text>}
          {item.actions.map((a) => (
            <Button
              key={a}
              type={a === 'reopen' || a.startsWith('close-') ? 'default' : 'primary'}
              danger={a === 'reopen'}
              onClick={() => setAction(a as LedgerAction)}
            >
              {labelOf(LEDGER_ACTIONS, a)}
            </Button>
          ))}
          <Button onClick={() => setCorrecting(true)} data-testid="correct-item">
            更正类别 / 紧急程度
          </Button>
        </Space>
      </Card>
      <Card size="small" title="事项信息" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={3} bordered>
          <Descriptions.Item label="户主">
            <a href={hrefOf({ name: 'household', id: item.householdId })}>{item.headName}</a>
          </Descriptions.Item>
          <Descriptions.Item label="当事人">{item.personName ?? '全户'}</Descriptions.Item>
          <Descriptions.Item label="社区 · 网格">{`${item.communityName}${item.gridName ? ` · ${item.gridName}` : ''}`}</Descriptions.Item>
          <Descriptions.Item label="家庭住址" span={2}>{item.address}</Descriptions.Item>
          <Descriptions.Item label="问题来源">{sourceLabel(item.source)}</Descriptions.Item>
          <Descriptions.Item label="问题类别">{categoryLabel(item.category)}</Descriptions.Item>
          <Descriptions.Item label="登记时间">{formatInstant(item.registeredAt)}</Descriptions.Item>
          <Descriptions.Item label="经办人">{item.handlerName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="核查时限">{formatInstant(item.verifyDueAt)}</Descriptions.Item>
          <Descriptions.Item label="处置时限">{formatInstant(item.dueAt)}</Descriptions.Item>
          <Descriptions.Item label="状态">{labelOf(LEDGER_STATUSES, item.status)}</Descriptions.Item>
          <Descriptions.Item label="问题描述" span={3}>{item.description}</Descriptions.Item>
          {item.verification && <Descriptions.Item label="核查情况" span={3}>{item.verification}</Descriptions.Item>}
          {item.measures && <Descriptions.Item label="救助措施" span={3}>{item.measures}</Descriptions.Item>}
          {item.result && <Descriptions.Item label="办理结果" span={2}>{item.result}</Descriptions.Item>}
          {item.duplicateOfId && (
            <Descriptions.Item label="所重复的事项">
              <a href={hrefOf({ name: 'ledger-item', id: item.duplicateOfId })} data-testid="duplicate-of">{item.duplicateOfNo}</a>
            </Descriptions.Item>
          )}
          {item.closedAt && <Descriptions.Item label="销号时间">{formatInstant(item.closedAt)}</Descriptions.Item>}
          {item.reviewResult && <Descriptions.Item label="回头看结论">{reviewLabel(item.reviewResult)}</Descriptions.Item>}
          {item.reviewNote && <Descriptions.Item label="回头看情况" span={2}>{item.reviewNote}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" title="转介" style={{ marginBottom: 12 }}>
        <ReferralPanel item={item} onChanged={changed} />
      </Card>
      <Card size="small" title="办理过程">
        <Timeline
          data-testid="timeline"
          items={item.events.map((e) => ({
            key: e.id,
            content: (
              <div>
                <Typography.Text strong>{eventTitle(e)}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {formatInstant(e.at)} {e.username ?? ''}
                  {e.toStatus && e.fromStatus !== e.toStatus
                    ? e.fromStatus
                      ? `　${labelOf(LEDGER_STATUSES, e.fromStatus)} → ${labelOf(LEDGER_STATUSES, e.toStatus)}`
                      : `　状态：${labelOf(LEDGER_STATUSES, e.toStatus)}`
                    : ''}
                </Typography.Text>
                {e.note && <div>{e.note}</div>}
              </div>
            ),
          }))}
        />
      </Card>
      {action && <TransitionModal item={item} action={action} onClose={() => setAction(null)} onDone={changed} />}
      {correcting && <CorrectModal item={item} canRegrade={canRegrade} onClose={() => setCorrecting(false)} onDone={changed} />}
    </div>
  );
}
