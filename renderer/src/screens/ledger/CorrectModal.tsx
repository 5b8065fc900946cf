/**
 * Correcting an item's 类别 or 紧急程度 with the reason. A new grade recomputes the deadlines from
 * the original registration (the backend's rule); only supervisors regrade, and only open items.
 */
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import type { InputOf } from '../../../../shared/api/contract';
import type { LedgerDetail } from '../../../../shared/ledger/schemas';
import { api } from '../../api/client';
import { CATEGORY_OPTIONS, URGENCY_OPTIONS } from './ledger-ui';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { useFormSubmit } from '../../hooks/use-form-submit';

type Input = InputOf<'ledger.correct'>;

interface Values {
  category: string;
  urgency: string;
  reason?: string;
}

export function CorrectModal(props: { item: LedgerDetail; canRegrade: boolean; onClose: () => void; onDone: (d: LedgerDetail) => void }) {
  const { item } = props;
  const [form] = Form.useForm<Values>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched());
  const { saving, submit } = useFormSubmit(
    form,
    (v: Values) =>
      api.call('ledger.correct', {
        id: item.id,
        category: v.category as Input['category'],
        urgency: props.canRegrade ? (v.urgency as Input['urgency']) : undefined,
        reason: v.reason ?? '',
      }),
    { success: '已更正', onDone: props.onDone },
  );
  return (
    <Modal open title={`更正类别 / 紧急程度：${item.itemNo}`} okText="更正" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={() => guard.confirmClose(props.onClose)} destroyOnHidden okButtonProps={{ 'data-testid': 'correct-ok' }}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ category: item.category, urgency: item.urgency }} data-testid="correct-form">
        <Form.Item name="category" label="问题类别">
          <Select options={CATEGORY_OPTIONS} />
        </Form.Item>
        <Form.Item name="urgency" label="紧急程度" extra={props.canRegrade ? '改变紧急程度后，核查和处置时限按原登记时间重新计算' : '调整紧急程度须由街道负责人或管理员操作，且事项未销号'}>
          <Radio.Group optionType="button" options={URGENCY_OPTIONS} disabled={!props.canRegrade} />
        </Form.Item>
        <Form.Item name="reason" label="更正原因" rules={[{ required: true, whitespace: true, message: '请填写更正原因' }]}>
          <Input.TextArea rows={2} maxLength={200} autoFocus />
        </Form.Item>
        <Alert type="info" showIcon message="更正会记入办理过程和操作日志" />
      </Form>
    </Modal>
  );
}
