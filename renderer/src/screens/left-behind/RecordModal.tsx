/**
 * 建立 / 更新留守档案: who, the kind and its reason, the away family members (where, since when),
 * the guardian and school of a child, how an elderly person lives. The backend checks the kind's
 * rule on the day and names the field that fails it.
 */
import { useState } from 'react';
import { App, Button, DatePicker, Divider, Form, Input, Modal, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { LeftBehindRecordView } from '../../../../shared/left-behind/procedures';
import {
  AWAY_RELATIONS,
  LEFT_BEHIND_KINDS,
  LEFT_BEHIND_REASONS,
  LIVING_ARRANGEMENTS,
  type AwayRelation,
  type LeftBehindKind,
  type LeftBehindReason,
  type LivingArrangement,
} from '../../../../shared/left-behind/types';
import { api } from '../../api/client';
import { appClock } from '../../api/clock';
import { showFormError } from '../../lib/form-errors';
import { toOptions } from '../../lib/codes';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';

export interface MemberOption {
  id: string;
  name: string;
}

interface Values {
  personId?: string;
  kind: LeftBehindKind;
  date: Dayjs;
  reason: LeftBehindReason;
  reasonNote?: string;
  away: { name: string; relation: AwayRelation; whereabouts: string; since: Dayjs }[];
  guardianName?: string;
  guardianRelation?: string;
  guardianPhone?: string;
  school?: string;
  livingArrangement?: LivingArrangement;
  notes?: string;
}

/** `record`: update it; otherwise open a record for one of `members`. */
export function RecordModal(props: { members: MemberOption[]; record: LeftBehindRecordView | null; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched());
  const [busy, setBusy] = useState(false);
  const r = props.record;
  const today = appClock.today();
  const kind = (Form.useWatch('kind', form) ?? r?.kind ?? 'child') as LeftBehindKind;
  const initial: Partial<Values> = r
    ? {
        kind: r.kind,
        date: dayjs(today),
        reason: r.reason,
        reasonNote: r.reasonNote ?? undefined,
        away: r.away.map((m) => ({ ...m, since: dayjs(m.since) })),
        guardianName: r.guardianName ?? undefined,
        guardianRelation: r.guardianRelation ?? undefined,
        guardianPhone: r.guardianPhone ?? undefined,
        school: r.school ?? undefined,
        livingArrangement: r.livingArrangement ?? undefined,
        notes: r.notes ?? undefined,
      }
    : { kind: 'child', reason: 'both-parents-away', date: dayjs(today), away: [{ name: '', relation: 'father', whereabouts: '', since: undefined as never }] };

  const submit = async (v: Values) => {
    const details = {
      reason: v.reason,
      reasonNote: v.reasonNote ?? null,
      away: (v.away ?? []).map((m) => ({ name: m.name, relation: m.relation, whereabouts: m.whereabouts, since: m.since ? m.since.format('YYYY-MM-DD') : '' })),
      guardianName: kind === 'child' ? (v.guardianName ?? null) : null,
      guardianRelation: kind === 'child' ? (v.guardianRelation ?? null) : null,
      guardianPhone: kind === 'child' ? (v.guardianPhone ?? null) : null,
      school: kind === 'child' ? (v.school ?? null) : null,
      livingArrangement: kind === 'elderly' ? (v.livingArrangement ?? null) : null,
      notes: v.notes ?? null,
    };
    setBusy(true);
    try {
      const date = v.date.format('YYYY-MM-DD');
      const saved = r
        ? await api.call('leftBehind.update', { ...details, id: r.id, updatedOn: date })
        : await api.call('leftBehind.open', { ...details, personId: v.personId ?? '', kind: v.kind, openedOn: date });
      message.success(r ? `已更新 ${saved.personName} 的留守档案（核实日期 ${saved.lastUpdatedOn}）` : `已为 ${saved.personName} 建立留守档案`);
      guard.release();
      props.onSaved();
    } catch (e) {
      showFormError(form, e, message, { rename: { updatedOn: 'date', openedOn: 'date' } });
    } finally {
      setBusy(false);
    }
  };

  const reasons = LEFT_BEHIND_REASONS.filter((x) => x.kind === kind).map((x) => ({ value: x.code, label: x.label }));
  return (
    <Modal
      open
      width={760}
      title={r ? `更新留守档案：${r.personName}` : '建立留守档案'}
      okText={r ? '保存更新' : '建立档案'}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => guard.confirmClose(props.onClose)}
      destroyOnHidden
    >
      <Form form={form} name="leftBehind" layout="vertical" initialValues={initial} onFinish={submit}>
        <Space wrap align="start">
          {!r && (
            <Form.Item label="人员" name="personId" rules={[{ required: true, message: '请选择建档的人员' }]}>
              <Select data-testid="lb-person" style={{ width: 160 }} autoFocus options={props.members.map((m) => ({ value: m.id, label: m.name }))} />
            </Form.Item>
          )}
          <Form.Item label="留守类别" name="kind" rules={[{ required: true, message: '请选择留守类别' }]}>
            <Select
              data-testid="lb-kind"
              disabled={!!r}
              style={{ width: 140 }}
              options={toOptions(LEFT_BEHIND_KINDS)}
              onChange={(k: LeftBehindKind) => form.setFieldValue('reason', LEFT_BEHIND_REASONS.find((x) => x.kind === k)?.code)}
            />
          </Form.Item>
          <Form.Item label={r ? '核实日期' : '建档日期'} name="date" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker data-testid="lb-date" style={{ width: 150 }} disabledDate={(d) => d.isAfter(dayjs(today), 'day')} />
          </Form.Item>
          <Form.Item label="留守原因" name="reason" rules={[{ required: true, message: '请选择留守原因' }]}>
            <Select data-testid="lb-reason" style={{ width: 260 }} options={reasons} />
          </Form.Item>
        </Space>
        <Form.Item label="原因说明" name="reasonNote">
          <Input data-testid="lb-reason-note" maxLength={500} placeholder="如：母亲重度残疾，无监护能力" />
        </Form.Item>
        <Divider titlePlacement="start" plain>
          外出家人（与本人的关系、外出地点、外出时间）
        </Divider>
        <Form.List name="away">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item name={[f.name, 'relation']} rules={[{ required: true, message: '请选择关系' }]}>
                    <Select aria-label={`外出家人${i + 1}关系`} data-testid={`lb-away-relation-${i}`} style={{ width: 100 }} options={toOptions(AWAY_RELATIONS)} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写姓名' }]}>
                    <Input aria-label={`外出家人${i + 1}姓名`} data-testid={`lb-away-name-${i}`} placeholder="姓名" style={{ width: 110 }} maxLength={30} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'whereabouts']} rules={[{ required: true, message: '请填写外出地点' }]}>
                    <Input aria-label={`外出家人${i + 1}外出地点`} data-testid={`lb-away-where-${i}`} placeholder="外出地点" style={{ width: 200 }} maxLength={60} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'since']} rules={[{ required: true, message: '请选择外出时间' }]}>
                    <DatePicker aria-label={`外出家人${i + 1}外出时间`} data-testid={`lb-away-since-${i}`} placeholder="外出时间" style={{ width: 140 }} />
                  </Form.Item>
                  <Button aria-label={`删除外出家人${i + 1}`} icon={<DeleteOutlined />} onClick={() => remove(f.name)} disabled={fields.length === 1} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} data-testid="lb-away-add" onClick={() => add({ relation: 'mother', name: '', whereabouts: '' })} style={{ marginBottom: 16 }}>
                添加外出家人
              </Button>
            </>
          )}
        </Form.List>
        {kind === 'child' && (
          <Space wrap align="start">
            <Form.Item label="监护人（委托照护人）" name="guardianName">
              <Input data-testid="lb-guardian" style={{ width: 140 }} maxLength={30} />
            </Form.Item>
            <Form.Item label="与儿童关系" name="guardianRelation">
              <Input style={{ width: 100 }} maxLength={20} placeholder="如：祖母" />
            </Form.Item>
            <Form.Item label="监护人电话" name="guardianPhone">
              <Input data-testid="lb-guardian-phone" style={{ width: 150 }} maxLength={20} />
            </Form.Item>
            <Form.Item label="就读学校" name="school">
              <Input data-testid="lb-school" style={{ width: 200 }} maxLength={60} />
            </Form.Item>
          </Space>
        )}
        {kind === 'elderly' && (
          <Form.Item label="居住情况" name="livingArrangement">
            <Select data-testid="lb-living" style={{ width: 200 }} options={toOptions(LIVING_ARRANGEMENTS)} />
          </Form.Item>
        )}
        <Form.Item label="备注" name="notes">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
