/** One enrolment: its figures, each step with who and when, the next steps, and its income-rise decisions. */
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Flex, Result, Space, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, AuditOutlined, HomeOutlined, RiseOutlined } from '@ant-design/icons';
import { REVIEWED_PROGRAMMES } from '../../../../shared/policy/review';
import type { EnrolmentDetail } from '../../../../shared/assistance/types';
import { AppError } from '../../../../shared/errors';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { ErrorBlock } from '../../components/ErrorBlock';
import { LoadingBlock } from '../../components/LoadingBlock';
import { formatFen } from '../../lib/money';
import { formatInstant } from '../../lib/dates';
import { navigate } from '../../router/use-route';
import { isSupervisorRole } from '../../lib/roles';
import { useSession } from '../../session/session-context';
import { AssistanceTabs } from './AssistanceTabs';
import { EnrolmentStepModal, type StepKind } from './EnrolmentStepModal';
import { IncomeRiseModal } from './IncomeRiseModal';
import { ReviewModal } from './ReviewModal';
import { ScheduleTable } from './ScheduleTable';
import { StoredWorkingCard } from './StoredWorkingCard';
import { EnrolmentStatusTag, decisionLabel, programmeLabel, stepLabel } from './labels';
import { ConfirmImportButton } from './ConfirmImportButton';

const NEXT: Record<string, StepKind[]> = {
  applied: ['investigate', 'reject'],
  investigated: ['street-review', 'investigate', 'reject'],
  reviewed: ['publish', 'reject'],
  published: ['approve', 'reject'],
  active: ['periodic-review', 'suspend', 'exit'],
  suspended: ['resume', 'periodic-review', 'exit'],
  'gradual-exit': ['exit'],
};
const BUTTON: Record<StepKind, string> = {
  investigate: '登记入户调查',
  'street-review': '街道审核',
  publish: '公示',
  approve: '区级审批',
  reject: '不予批准',
  'periodic-review': '复审',
  suspend: '暂停发放',
  resume: '恢复发放',
  exit: '退出',
};
const DANGER: StepKind[] = ['reject', 'suspend', 'exit'];

/** The per-capita income and standard a recorded income-rise decision was computed from. */
function riseFigures(input: unknown): string {
  const i = input as { assessment?: { perCapitaFen?: number }; standardFen?: number } | null;
  const pc = i?.assessment?.perCapitaFen;
  if (typeof pc !== 'number' || typeof i?.standardFen !== 'number') return '';
  return `（新人均月收入 ${formatFen(pc)}，低保标准 ${formatFen(i.standardFen)}）`;
}

/** Steps only 街道负责人 and above may record (the backend refuses them to caseworkers too). */
const SUPERVISOR_STEPS: StepKind[] = ['approve', 'reject'];

export function EnrolmentDetailPage({ id }: { id: string }) {
  const { session } = useSession();
  const supervisor = isSupervisorRole(session.user.role);
  const q = useApiQuery(() => api.call('assistance.getEnrolment', { id }), [id]);
  const [step, setStep] = useState<StepKind | null>(null);
  const [rising, setRising] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const [fresh, setFresh] = useState<EnrolmentDetail | null>(null);
  const e = fresh && fresh.id === id ? fresh : q.data;

  if (q.loading && !e) return <LoadingBlock text="正在加载保障记录…" />;
  if (q.error != null && !e) {
    if (q.error instanceof AppError && q.error.code === 'not-found') {
      return <Result status="404" title="保障记录不存在" extra={<Button onClick={() => navigate({ name: 'enrolments', programme: null })}>返回保障对象</Button>} />;
    }
    return <ErrorBlock error={q.error} onRetry={q.reload} />;
  }
  if (!e) return null;
  const done = (next: EnrolmentDetail) => {
    setFresh(next);
    setStep(null);
    setRising(false);
    setReviewing(false);
  };
  const canRise = e.programme === 'dibao' && (e.status === 'active' || e.status === 'suspended' || e.status === 'gradual-exit');
  // An active 低保 / 低保边缘 / 特困 record is reviewed through the 复审 dialog (income rules, next review day).
  const canReview = e.status === 'active' && REVIEWED_PROGRAMMES.includes(e.programme as never);
  const next = (NEXT[e.status] ?? []).filter((s) => (supervisor || !SUPERVISOR_STEPS.includes(s)) && !(canReview && s === 'periodic-review'));
  const waitsForSupervisor = !supervisor && (NEXT[e.status] ?? []).some((s) => SUPERVISOR_STEPS.includes(s));

  return (
    <div data-testid="enrolment-detail">
      <AssistanceTabs active="enrolments" />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
            <Space align="center" size={12}>
              <Button icon={<ArrowLeftOutlined />} onClick={() => navigate({ name: 'enrolments', programme: e.programme })}>
                返回列表
              </Button>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {`${e.name ?? '—'} · ${programmeLabel(e.programme)}`}
              </Typography.Title>
              <span data-testid="enrolment-status">
                <EnrolmentStatusTag status={e.status} source={e.source} importConfirmed={e.importConfirmed} />
              </span>
            </Space>
            <Button icon={<HomeOutlined />} href={`#/households/${e.householdId}`}>
              查看家庭
            </Button>
          </Flex>
          {e.source === 'import' && !e.importConfirmed && (
            <Alert
              type="info"
              showIcon
              data-testid="import-pending"
              style={{ marginBottom: 12 }}
              title="本记录由导入的台账数据生成，已计入发放；请核对原审批材料（起始月份、保障金额）后确认导入"
              action={<ConfirmImportButton id={e.id} onDone={done} />}
            />
          )}
          {e.exitHeld && (
            <Alert
              type="warning"
              showIcon
              data-testid="exit-held"
              style={{ marginBottom: 12 }}
              title={`渐退期已于 ${e.endMonth} 期满，因暂停低保退出仍按渐退末月金额发放，请复核后办理退出或继续保障`}
            />
          )}
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label="社区">{e.communityName}</Descriptions.Item>
            <Descriptions.Item label="保障人数">{e.coveredPersons}</Descriptions.Item>
            <Descriptions.Item label="核定时人均月收入">{e.perCapitaIncomeFen == null ? '未核算' : formatFen(e.perCapitaIncomeFen)}</Descriptions.Item>
            <Descriptions.Item label="本月金额">
              <span data-testid="enrolment-amount">{e.currentAmountFen == null ? '本月不发放' : formatFen(e.currentAmountFen)}</span>
            </Descriptions.Item>
            <Descriptions.Item label="起始发放月份">{e.startMonth ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="终止月份">{e.endMonth ?? '—'}</Descriptions.Item>
            {e.publicFrom && <Descriptions.Item label="公示期">{`${e.publicFrom} 至 ${e.publicTo ?? ''}`}</Descriptions.Item>}
          </Descriptions>
        </Card>

        <Card title="办理">
          {next.length === 0 && !canRise && !waitsForSupervisor ? (
            <Typography.Text type="secondary">本记录已结束，无需继续办理。</Typography.Text>
          ) : (
            <Space wrap>
              {next.map((s, i) => (
                <Button key={s} type={i === 0 && !DANGER.includes(s) ? 'primary' : 'default'} danger={DANGER.includes(s)} onClick={() => setStep(s)} data-testid={`step-${s}`}>
                  {BUTTON[s]}
                </Button>
              ))}
              {waitsForSupervisor && <span style={{ color: 'rgba(0,0,0,0.45)' }}>审批或不予批准由街道负责人办理</span>}
              {canReview && (
                <Button type="primary" icon={<AuditOutlined />} onClick={() => setReviewing(true)} data-testid="review-open">
                  复审
                </Button>
              )}
              {canRise && (
                <Button icon={<RiseOutlined />} onClick={() => setRising(true)} data-testid="income-rise">
                  收入增加申报
                </Button>
              )}
            </Space>
          )}
        </Card>

        <StoredWorkingCard enrolment={e} />

        {e.incomeRises.length > 0 && (
          <Card title="收入变化处理决定" data-testid="income-rises">
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              {e.incomeRises.map((r) => (
                <div key={r.id}>
                  <Typography.Paragraph strong style={{ marginBottom: 8 }}>
                    {`${r.reportMonth} 申报：${decisionLabel(r.kind)}`}
                    {r.monthlyAmountFen != null && `，每月 ${formatFen(r.monthlyAmountFen)}`}
                    {riseFigures(r.input)}
                    {r.kind === 'exit' && r.exitMonth && `，自 ${r.exitMonth} 起退出`}
                  </Typography.Paragraph>
                  {r.schedule && <ScheduleTable schedule={r.schedule} exitMonth={r.exitMonth} testId="enrolment-schedule" />}
                </div>
              ))}
            </Space>
          </Card>
        )}

        <Card title="办理记录">
          {e.steps.length === 0 ? (
            <Empty description="暂无办理记录" />
          ) : (
            <Timeline
              data-testid="enrolment-steps"
              items={e.steps.map((s) => ({
                color: s.step === 'reject' || s.step === 'exit' ? 'red' : 'blue',
                content: (
                  <div>
                    <Typography.Text strong>{stepLabel(s.step)}</Typography.Text>
                    <Typography.Text type="secondary">{`　${s.username ?? '—'}　${formatInstant(s.at)}`}</Typography.Text>
                    {s.note && <div>{s.note}</div>}
                  </div>
                ),
              }))}
            />
          )}
        </Card>
      </Space>
      {step && <EnrolmentStepModal enrolment={e} step={step} onClose={() => setStep(null)} onDone={done} />}
      {reviewing && (
        <ReviewModal
          target={e}
          onClose={() => setReviewing(false)}
          onDone={() => {
            setReviewing(false);
            setFresh(null);
            q.reload();
          }}
        />
      )}
      {rising && <IncomeRiseModal enrolment={e} onClose={() => setRising(false)} onDone={done} />}
    </div>
  );
}
