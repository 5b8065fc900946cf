/** 纳入救助: opens an enrolment (application) of a household or one of its members into a programme. */
import { Form, Input, Modal, Select } from 'antd';
import type { HouseholdDetail } from '../../../../shared/registry/types';
import { HOUSEHOLD_PROGRAMMES, type Programme } from '../../../../shared/assistance/codes';
import { api } from '../../api/client';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { navigate } from '../../router/use-route';
import { PROGRAMME_OPTIONS } from './labels';

interface Values {
  programme: Programme;
  personId?: string;
  note?: string;
}

export function ApplyEnrolmentModal({ household, onClose }: { household: HouseholdDetail; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched());
  const programme = Form.useWatch('programme', form);
  const perPerson = programme !== undefined && !HOUSEHOLD_PROGRAMMES.includes(programme);
  const { saving: busy, submit } = useFormSubmit(
    form,
    (v: Values) =>
      api.call('assistance.apply', {
        programme: v.programme,
        householdId: household.id,
        personId: perPerson ? v.personId : null,
        note: v.note?.trim() || null,
      }),
    { success: '已登记救助申请', guard, onDone: (e) => navigate({ name: 'enrolment', id: e.id }) },
  );
  return (
    <Modal open title="纳入救助：登记申请" okText="登记申请" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={() => guard.confirmClose(onClose)} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ programme: 'dibao' }}>
        <Form.Item name="programme" label="救助项目" rules={[{ required: true, message: '请选择救助项目' }]}>
          <Select options={PROGRAMME_OPTIONS} data-testid="apply-programme" />
        </Form.Item>
        {perPerson && (
          <Form.Item name="personId" label="救助对象（人员）" rules={[{ required: true, message: '该救助项目须选择具体人员' }]}>
            <Select data-testid="apply-person" options={household.members.map((m) => ({ value: m.id, label: `${m.name}（${m.age}岁）` }))} />
          </Form.Item>
        )}
        <Form.Item name="note" label="申请说明">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
