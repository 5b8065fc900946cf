/** Registers a caregiver (照料服务人). */
import { Form, Input, Modal, Select } from 'antd';
import { CAREGIVER_RELATIONS } from '../../../../shared/care/codes';
import type { Caregiver } from '../../../../shared/care/types';
import { api } from '../../api/client';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { IdNumberField } from '../../forms/IdNumberField';

interface Values {
  name: string;
  idNumber: string;
  relation: string;
  phone: string;
  address?: string;
}

export function CaregiverModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: (c: Caregiver) => void }) {
  const [form] = Form.useForm<Values>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched(), { enabled: open });
  const { saving: busy, submit } = useFormSubmit(form, (v: Values) => api.call('care.saveCaregiver', { caregiver: { ...v, relation: v.relation as 'relative' } }), {
    success: (c) => `已登记照料服务人 ${c.name}`,
    guard,
    onDone: (c) => {
      onSaved(c);
      onClose();
    },
    fieldPath: { dropPrefixes: ['caregiver'] },
  });
  return (
    <Modal open={open} title="登记照料服务人" okText="保存" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={() => guard.confirmClose(onClose)} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} preserve={false} name="caregiver">
        <Form.Item label="照料服务人姓名" name="name" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input maxLength={30} autoFocus />
        </Form.Item>
        <IdNumberField name={['idNumber']} absolute={['idNumber']} label="照料服务人身份证号码" />
        <Form.Item label="与供养对象关系" name="relation" rules={[{ required: true, message: '请选择关系' }]}>
          <Select options={CAREGIVER_RELATIONS.map((r) => ({ value: r.code, label: r.label }))} />
        </Form.Item>
        <Form.Item label="照料服务人电话" name="phone" rules={[{ required: true, message: '请填写电话' }]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item label="照料服务人住址" name="address">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
