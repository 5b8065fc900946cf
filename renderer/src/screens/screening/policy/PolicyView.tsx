/**
 * 走访排查 › 排查频次与时限: the cadence groups, the ledger's time limits and the holiday calendar,
 * each effective-dated: the version in force, a new version from a chosen date (street admins),
 * and every version with its effective date. Others see it read-only.
 */
import { useState } from 'react';
import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { labelOf } from '../../../../../shared/codes';
import { PARAM_CATALOG } from '../../../../../shared/policy/catalog';
import { CADENCES, SCREENING_GROUPS, type CadencePolicy } from '../../../../../shared/screening/cadence';
import type { HolidayCalendar, UrgencyLimits } from '../../../../../shared/ledger/deadlines';
import { SCREENING_POLICY_KEYS, type ScreeningPolicyKey } from '../../../../../shared/screening/policy-check';
import type { PolicyRecordOut, ScreeningPolicy } from '../../../../../shared/screening/schemas';
import { api } from '../../../api/client';
import { ErrorBlock } from '../../../components/ErrorBlock';
import { useApiQuery } from '../../../hooks/use-api-query';
import { isAdminRole } from '../../../lib/roles';
import { useSession } from '../../../session/session-context';
import { CadenceEditor, limitText, UrgencyEditor } from './Editors';
import { HolidayEditor } from './HolidayEditor';
import { SaveVersion } from './SaveVersion';
import { appClock } from '../../../api/clock';

/** One line of a version's content (also shown by 政策参数). */
export function policySummary(key: ScreeningPolicyKey, value: unknown): string {
  if (key === 'screening.cadence') {
    const v = value as CadencePolicy;
    const by = CADENCES.map((c) => {
      const groups = v.rules.filter((r) => r.cadence === c.code).map((r) => labelOf(SCREENING_GROUPS, r.group));
      return groups.length ? `${c.label}：${groups.join('、')}` : null;
    }).filter(Boolean);
    return `老年人${v.elderlyAge}周岁及以上，未成年人不满${v.childAgeBelow}周岁；${by.join('；')}`;
  }
  if (key === 'ledger.urgencyLimits') {
    const v = value as UrgencyLimits;
    return `一级：核查${limitText(v['1'].verify)}、办结${limitText(v['1'].complete)}；二级：核查${limitText(v['2'].verify)}、办结${limitText(v['2'].complete)}；立即核查${limitText(v.immediateVerify)}；转介催办${limitText(v.referralFollowUp)}`;
  }
  const v = value as HolidayCalendar;
  const years = [...new Set(v.holidays.map((d) => d.slice(0, 4)))].join('、');
  return `法定节假日${v.holidays.length}天、调休上班${v.workdays.length}天（${years || '无'}年）`;
}

function History({ policyKey, records, inForce }: { policyKey: ScreeningPolicyKey; records: PolicyRecordOut[]; inForce?: PolicyRecordOut }) {
  const today = appClock.today();
  return (
    <Table<PolicyRecordOut>
      data-testid={`history-${policyKey}`}
      rowKey="effectiveFrom"
      size="small"
      pagination={false}
      dataSource={records}
      columns={[
        {
          title: '生效日期',
          width: 170,
          render: (_, r) => (
            <Space size={4}>
              {r.effectiveFrom}
              {r.effectiveFrom > today ? <Tag color="blue">待生效</Tag> : r.effectiveFrom === inForce?.effectiveFrom ? <Tag color="green">现行</Tag> : <Tag>已停用</Tag>}
            </Space>
          ),
        },
        { title: '内容', render: (_, r) => policySummary(policyKey, r.value) },
        { title: '依据/备注', dataIndex: 'note', width: 260, render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}

function Section({ policyKey, policy, canEdit, onSaved }: { policyKey: ScreeningPolicyKey; policy: ScreeningPolicy; canEdit: boolean; onSaved: (p: ScreeningPolicy) => void }) {
  const inForce = policy.inForce.find((r) => r.key === policyKey);
  const [draft, setDraft] = useState<unknown>(inForce?.value);
  const readOnly = !canEdit;
  return (
    <Card
      size="small"
      data-testid={`policy-${policyKey}`}
      title={PARAM_CATALOG[policyKey]!.label}
      extra={inForce ? `现行版本自 ${inForce.effectiveFrom} 起` : <Tag color="warning">未设置</Tag>}
      style={{ marginBottom: 16 }}
    >
      {draft !== undefined && policyKey === 'screening.cadence' && <CadenceEditor value={draft as CadencePolicy} onChange={setDraft} readOnly={readOnly} />}
      {draft !== undefined && policyKey === 'ledger.urgencyLimits' && <UrgencyEditor value={draft as UrgencyLimits} onChange={setDraft} readOnly={readOnly} />}
      {policyKey === 'calendar.holidays' && (
        <HolidayEditor value={(draft as HolidayCalendar | undefined) ?? { holidays: [], workdays: [] }} onChange={setDraft} readOnly={readOnly} />
      )}
      {canEdit && <SaveVersion policyKey={policyKey} value={draft ?? { holidays: [], workdays: [] }} onSaved={onSaved} />}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        各版本
      </Typography.Title>
      <History policyKey={policyKey} records={policy.history.filter((r) => r.key === policyKey)} inForce={inForce} />
    </Card>
  );
}

export function PolicyView() {
  const { session } = useSession();
  const canEdit = isAdminRole(session.user.role);
  const q = useApiQuery(() => api.call('screening.policy', {}), []);
  // After a save, the policy the save returned (editors start again from it).
  const [saved, setSaved] = useState<{ policy: ScreeningPolicy; n: number } | null>(null);
  if (q.error) return <ErrorBlock error={q.error} onRetry={q.reload} />;
  const data = saved?.policy ?? q.data;
  if (!data) return null;
  return (
    <div data-testid="screening-policy">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          canEdit
            ? '修改后保存为新版本：自所选生效日期起适用，此前的日期仍按原版本计算；早于今天的生效日期须填写追溯原因，所有修改记入操作日志。'
            : '仅街道管理员可以修改；这里显示现行版本和各版本的生效日期。'
        }
      />
      {SCREENING_POLICY_KEYS.map((k) => (
        <Section
          key={`${k}-${saved?.n ?? 0}`}
          policyKey={k}
          policy={data}
          canEdit={canEdit}
          onSaved={(p) => setSaved((s) => ({ policy: p, n: (s?.n ?? 0) + 1 }))}
        />
      ))}
    </div>
  );
}
