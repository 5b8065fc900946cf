/**
 * 登记死亡: the date of death (not in the future, not before the birth) and its source. The person stays
 * on record; every entitlement stops after the month of death, listed under 应补尽补 › 死亡停发.
 */
import { Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import type { PersonDetail } from '../../../../shared/registry/types';
import { api } from '../../api/client';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { DeathDateField, DeathModalFrame } from './DeathModalFrame';

interface Props {
  person: PersonDetail | null;
  onClose: () => void;
  onSaved: () => void;
}

interface Values {
  diedOn: Dayjs;
  note?: string;
}

export function RecordDeathModal({ person, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched(), { enabled: person !== null });
  const { saving: busy, submit } = useFormSubmit(
    form,
    (v: Values) => api.call('registry.recordDeath', { personId: person?.id ?? '', diedOn: v.diedOn.format('YYYY-MM-DD'), note: v.note?.trim() || null }),
    {
      success: `已登记 ${person?.name ?? ''} 死亡，其救助和补贴已停发（见应补尽补 › 死亡停发）`,
      guard,
      onDone: onSaved,
      fieldPath: { rename: { personId: 'diedOn' } },
    },
  );

  return (
    <DeathModalFrame
      open={person !== null}
      title={person ? `登记 ${person.name} 死亡` : ''}
      okText="确认登记"
      danger
      busy={busy}
      onOk={() => form.submit()}
      onCancel={() => guard.confirmClose(onClose)}
      warning="登记后，本人的救助和补贴发放至死亡当月，次月起停发（死亡后已发放的在下一批次扣回）；照料协议和服务卡同时终止，不再列入走访名单；低保家庭相应减少保障人数，家庭其余成员转问题台账复核。登记在他人身上的，街道负责人可撤销死亡登记。操作会记入操作日志。"
    >
      <Form form={form} name="recordDeath" layout="vertical" onFinish={submit} preserve={false}>
        <DeathDateField person={person} label="死亡日期" testId="death-date" />
        <Form.Item label="来源/说明" name="note">
          <Input data-testid="death-note" maxLength={200} onPressEnter={() => form.submit()} placeholder="如：家属持死亡医学证明办理（证明编号）、公安户籍注销" />
        </Form.Item>
      </Form>
    </DeathModalFrame>
  );
}
