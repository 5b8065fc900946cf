/** Registering a ledger item by hand (热线, 部门转来, 市局/区局线索 marked 立即核查, …). */
import { useState } from 'react';
import { App, Checkbox, Form, Input, Modal, Radio, Select } from 'antd';
import type { LedgerDetail } from '../../../../shared/ledger/schemas';
import { api } from '../../api/client';
import { showFormError } from '../../lib/form-errors';
import { HouseholdPicker } from './HouseholdPicker';
import { CATEGORY_OPTIONS, SOURCE_OPTIONS } from './ledger-ui';

interface Values {
  householdId: string;
  source: string;
  category: string;
  urgency: string;
  description: string;
  handlerName?: string;
  immediate?: boolean;
}

export function CreateItemModal({ onClose, onSaved }: { onClose: () => void; onSaved: (d: LedgerDetail) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const source = Form.useWatch('source', form);
  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const d = await api.call('ledger.create', {
        householdId: v.householdId,
        source: v.source as 'hotline',
        category: v.category as 'living',
        urgency: v.urgency as '1',
        description: v.description,
        handlerName: v.handlerName || null,
        immediate: !!v.immediate,
        personId: null,
      });
      message.success(`已登记：${d.itemNo}`);
      onSaved(d);
    } catch (e) {
      showFormError(form, e, message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open width={640} title="登记问题台账事项" okText="登记" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ source: 'grid-report', urgency: '2' }}>
        <Form.Item name="householdId" label="家庭" rules={[{ required: true, message: '请选择家庭' }]}>
          <HouseholdPicker />
        </Form.Item>
        <Form.Item name="source" label="问题来源" rules={[{ required: true, message: '请选择问题来源' }]}>
          <Select options={SOURCE_OPTIONS.filter((o) => o.value !== 'watch' && o.value !== 'visit')} />
        </Form.Item>
        {source === 'bureau-clue' && (
          <Form.Item name="immediate" valuePropName="checked">
            <Checkbox>立即核查（市局/区局线索）</Checkbox>
          </Form.Item>
        )}
        <Form.Item name="category" label="问题类别" rules={[{ required: true, message: '请选择问题类别' }]}>
          <Radio.Group optionType="button" options={CATEGORY_OPTIONS} />
        </Form.Item>
        <Form.Item name="urgency" label="紧急程度" rules={[{ required: true, message: '请选择紧急程度' }]}>
          <Radio.Group optionType="button" options={[{ value: '1', label: '一级 急难' }, { value: '2', label: '二级' }]} />
        </Form.Item>
        <Form.Item name="description" label="问题描述" rules={[{ required: true, message: '请填写问题描述' }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        <Form.Item name="handlerName" label="经办人">
          <Input maxLength={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
