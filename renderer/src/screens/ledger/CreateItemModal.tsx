/**
 * Registering a ledger item by hand (热线, 部门转来, 市局/区局线索 marked 立即核查, …). At a district
 * device it assigns a clue to a chosen street: the item is written into that street's partition and
 * reaches the street's devices on their next sync, marked 立即核查 with its own deadline.
 */
import { Checkbox, Form, Input, Modal, Radio, Select } from 'antd';
import type { LedgerDetail } from '../../../../shared/ledger/schemas';
import { api } from '../../api/client';
import { HouseholdPicker } from './HouseholdPicker';
import { StreetSelect } from '../../components/StreetSelect';
import { CATEGORY_OPTIONS, SOURCE_OPTIONS } from './ledger-ui';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { useFormSubmit } from '../../hooks/use-form-submit';

interface Values {
  streetCode?: string;
  householdId: string;
  source: string;
  category: string;
  urgency: string;
  description: string;
  handlerName?: string;
  immediate?: boolean;
  due?: string;
}

const DUE_RE = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})$/;

/** "2026-07-03 18:00" (Beijing time) → ISO instant; empty → null. */
export function dueToIso(text: string | undefined): string | null {
  const m = text?.trim().match(DUE_RE);
  if (!m) return null;
  return new Date(`${m[1]}T${m[2]!.padStart(2, '0')}:${m[3]}:00+08:00`).toISOString();
}

export function CreateItemModal({
  onClose,
  onSaved,
  district = false,
  streetCode,
}: {
  onClose: () => void;
  onSaved: (d: LedgerDetail) => void;
  district?: boolean;
  streetCode?: string;
}) {
  const [form] = Form.useForm<Values>();
  const source = Form.useWatch('source', form);
  const street = Form.useWatch('streetCode', form);
  // Esc, ×, 取消 or leaving the page with a typed description asks first.
  const guard = useUnsavedGuard(() => form.isFieldsTouched());
  const { saving, submit } = useFormSubmit(
    form,
    (v: Values) =>
      api.call('ledger.create', {
        householdId: v.householdId,
        source: v.source as 'hotline',
        category: v.category as 'living',
        urgency: v.urgency as '1',
        description: v.description,
        handlerName: v.handlerName || null,
        immediate: v.source === 'bureau-clue' && !!v.immediate,
        dueAt: v.source === 'bureau-clue' ? dueToIso(v.due) : null,
        personId: null,
        ...(district ? { streetCode: v.streetCode } : {}),
      }),
    {
      success: (d) => (district ? `已交办：${d.itemNo}（${d.streetName}，同步后街道即可收到）` : `已登记：${d.itemNo}`),
      guard,
      onDone: onSaved,
    },
  );
  const initial = district
    ? { source: 'bureau-clue', immediate: true, urgency: '2', streetCode }
    : { source: 'grid-report', urgency: '2' };
  return (
    <Modal
      open
      width={640}
      title={district ? '交办线索（区级）' : '登记问题台账事项'}
      okText={district ? '交办' : '登记'}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => guard.confirmClose(onClose)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial}>
        {district && (
          <Form.Item name="streetCode" label="街道" rules={[{ required: true, message: '请选择街道' }]}>
            <StreetSelect onChange={() => form.setFieldValue('householdId', undefined)} />
          </Form.Item>
        )}
        <Form.Item name="householdId" label="家庭" rules={[{ required: true, message: '请选择家庭' }]}>
          <HouseholdPicker streetCode={district ? street : undefined} />
        </Form.Item>
        <Form.Item name="source" label="问题来源" rules={[{ required: true, message: '请选择问题来源' }]}>
          <Select aria-label="问题来源" options={SOURCE_OPTIONS.filter((o) => o.value !== 'watch' && o.value !== 'visit')} />
        </Form.Item>
        {source === 'bureau-clue' && (
          <>
            <Form.Item name="immediate" valuePropName="checked">
              <Checkbox>立即核查（市局/区局线索）</Checkbox>
            </Form.Item>
            <Form.Item
              name="due"
              label="处置时限（北京时间，可不填：按街道的分级时限）"
              rules={[{ pattern: DUE_RE, message: '处置时限应为“年-月-日 时:分”，如 2026-07-03 18:00' }]}
            >
              <Input placeholder="如 2026-07-03 18:00" maxLength={16} />
            </Form.Item>
          </>
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
