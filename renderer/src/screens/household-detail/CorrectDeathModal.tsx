/**
 * 更正死亡日期 (supervisors): the new date and the reason, confirmed once more before it is saved.
 * What the death stopped follows the date: a later date pays the months now before the death again (补发
 * in the next batch), an earlier one recovers more (扣回); confirmed batches are never changed.
 */
import { App, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import type { PersonDetail } from '../../../../shared/registry/types';
import { api } from '../../api/client';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { confirmDanger, DeathDateField, DeathModalFrame } from './DeathModalFrame';

interface Props {
  person: PersonDetail | null;
  onClose: () => void;
  onSaved: () => void;
}

interface Values {
  diedOn: Dayjs;
  reason: string;
}

export function CorrectDeathModal({ person, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { modal } = App.useApp();
  const guard = useUnsavedGuard(() => form.isFieldsTouched(), { enabled: person !== null });
  const { saving: busy, submit } = useFormSubmit(
    form,
    (v: Values) => api.call('registry.correctDeath', { personId: person?.id ?? '', diedOn: v.diedOn.format('YYYY-MM-DD'), reason: v.reason.trim() }),
    {
      success: (_r, v) => `已将 ${person?.name ?? ''} 的死亡日期更正为 ${v.diedOn.format('YYYY-MM-DD')}，停发和扣回已按新日期重新核算`,
      guard,
      onDone: onSaved,
      fieldPath: { rename: { personId: 'diedOn' } },
    },
  );
  const confirm = (v: Values) =>
    confirmDanger(modal, {
      title: `确认更正 ${person?.name ?? ''} 的死亡日期？`,
      content: `由 ${person?.diedOn ?? ''} 更正为 ${v.diedOn.format('YYYY-MM-DD')}。已确认的发放批次不变，差额在下一批次补发或扣回。`,
      okText: '确认更正',
      onOk: () => submit(v),
    });

  return (
    <DeathModalFrame
      open={person !== null}
      title={person ? `更正 ${person.name} 的死亡日期` : ''}
      okText="更正"
      busy={busy}
      onOk={() => form.submit()}
      onCancel={() => guard.confirmClose(onClose)}
      warning={`已登记的死亡日期：${person?.diedOn ?? ''}。更正后，救助和补贴按新日期停发：日期推后，死亡前的月份重新应发（下一批次补发）；日期提前，多发的月份在下一批次扣回。照料协议和服务卡的终止日期随之更正。操作会记入操作日志。`}
    >
      <Form form={form} name="correctDeath" layout="vertical" onFinish={confirm} preserve={false}>
        <DeathDateField person={person} label="更正后的死亡日期" testId="correct-death-date" />
        <Form.Item label="更正原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写更正原因' }]}>
          <Input.TextArea data-testid="correct-death-reason" maxLength={200} rows={2} placeholder="如：死亡医学证明记载的日期为……（证明编号）" />
        </Form.Item>
      </Form>
    </DeathModalFrame>
  );
}
