/**
 * 撤销死亡登记 (supervisors): a death recorded on the wrong person (a namesake, a mistyped ID number) is
 * withdrawn with a reason, confirmed once more naming the person and what runs again: the programmes the
 * death ended or reduced, the care agreement and card, and 补发 of what was recovered or not paid.
 */
import { App, Form, Input } from 'antd';
import type { EndedEntitlements } from '../../../../shared/assistance/entitlements-ended';
import type { PersonDetail } from '../../../../shared/registry/types';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { programmeLabel } from '../assistance/labels';
import { confirmDanger, DeathModalFrame } from './DeathModalFrame';

interface Props {
  person: PersonDetail | null;
  onClose: () => void;
  onSaved: () => void;
}

interface Values {
  reason: string;
}

/** What the withdrawal restores, in words for the confirmation (from the 死亡停发 list of the person). */
export function restoredText(e: EndedEntitlements | undefined): string {
  if (!e) return '死亡登记停止的救助和补贴恢复发放。';
  const parts: string[] = [];
  const programmes = e.enrolments.map((x) => `${programmeLabel(x.programme)}${x.change === 'covered-reduced' ? '（恢复保障人数）' : ''}`);
  if (programmes.length) parts.push(`恢复 ${programmes.join('、')}，自停发月份起照常发放`);
  if (e.agreements.length) parts.push(`照料协议恢复履行（${e.agreements.length} 份）`);
  if (e.cards.length) parts.push(`照料服务卡恢复有效（${e.cards.map((c) => c.cardNumber).join('、')}）`);
  parts.push('已确认批次中扣回或停发的月份在下一批次补发（已确认的批次不变）');
  if (e.recoverTotalFen > 0) parts.push('尚未确认的扣回不再扣回');
  return `${parts.join('；')}。`;
}

export function WithdrawDeathModal({ person, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { modal } = App.useApp();
  const guard = useUnsavedGuard(() => form.isFieldsTouched(), { enabled: person !== null });
  const ended = useApiQuery(() => api.call('assistance.entitlementsEnded', {}), [person?.id], person !== null);
  const mine = ended.data?.find((e) => e.personId === person?.id);
  const { saving: busy, submit } = useFormSubmit(form, (v: Values) => api.call('registry.withdrawDeath', { personId: person?.id ?? '', reason: v.reason.trim() }), {
    success: `已撤销 ${person?.name ?? ''} 的死亡登记，救助和补贴恢复发放，补发列入下一批次`,
    guard,
    onDone: onSaved,
    fieldPath: { rename: { personId: 'reason' } },
  });
  const confirm = (v: Values) =>
    confirmDanger(modal, {
      title: `确认撤销 ${person?.name ?? ''} 的死亡登记？`,
      content: `原登记死亡日期 ${person?.diedOn ?? ''}。${restoredText(mine)}`,
      okText: '确认撤销',
      onOk: () => submit(v),
    });

  return (
    <DeathModalFrame
      open={person !== null}
      title={person ? `撤销 ${person.name} 的死亡登记` : ''}
      okText="撤销"
      danger
      busy={busy}
      onOk={() => form.submit()}
      onCancel={() => guard.confirmClose(onClose)}
      warning={`仅用于死亡登记在了他人身上（同名、身份证号有误等）。撤销后本人恢复为在世：${restoredText(mine)}操作会记入操作日志。`}
    >
      <Form form={form} name="withdrawDeath" layout="vertical" onFinish={confirm} preserve={false}>
        <Form.Item label="撤销原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写撤销原因' }]}>
          <Input.TextArea data-testid="withdraw-death-reason" autoFocus maxLength={200} rows={2} placeholder="如：部门数据同名误配，经核实本人健在（核实人、方式）" />
        </Form.Item>
      </Form>
    </DeathModalFrame>
  );
}
