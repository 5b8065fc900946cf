/** The form of one status transition, asking for what that transition needs. */
import { DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type dayjs from 'dayjs';
import { LEDGER_ACTIONS, type LedgerAction } from '../../../../shared/ledger/transitions';
import type { LedgerDetail } from '../../../../shared/ledger/schemas';
import { labelOf } from '../../../../shared/codes';
import { api } from '../../api/client';
import { DEPARTMENT_OPTIONS, REVIEW_OPTIONS } from './ledger-ui';
import { DuplicateOfField } from './DuplicateOfField';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { useFormSubmit } from '../../hooks/use-form-submit';

interface Values {
  note?: string;
  measures?: string;
  result?: string;
  reason?: string;
  reviewResult?: string;
  department?: string;
  departmentNote?: string;
  sentOn?: dayjs.Dayjs;
  duplicateOfId?: string;
}

const NOTE_LABEL: Partial<Record<LedgerAction, string>> = {
  'start-verify': '核查安排（可不填）',
  confirm: '核查情况',
  refer: '转介事由（可不填）',
  close: '备注（可不填）',
  review: '回头看情况',
  'close-duplicate': '说明（可不填）',
};

export function TransitionModal({ item, action, onClose, onDone }: { item: LedgerDetail; action: LedgerAction; onClose: () => void; onDone: (d: LedgerDetail) => void }) {
  const [form] = Form.useForm<Values>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched());
  const label = labelOf(LEDGER_ACTIONS, action);
  const { saving, submit } = useFormSubmit(
    form,
    (v: Values) =>
      api.call('ledger.transition', {
        id: item.id,
        action,
        note: v.note || null,
        measures: v.measures || null,
        result: v.result || null,
        reason: v.reason || null,
        reviewResult: (v.reviewResult as 'resolved') ?? null,
        department: (v.department as 'hrss') ?? null,
        departmentNote: v.departmentNote || null,
        sentOn: v.sentOn ? v.sentOn.format('YYYY-MM-DD') : null,
        duplicateOfId: v.duplicateOfId ?? null,
      }),
    { success: `${label}：已完成`, onDone },
  );
  const required = (msg: string) => [{ required: true, whitespace: true, message: msg }];
  return (
    <Modal open title={`${label}：${item.itemNo}`} okText={label} cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={() => guard.confirmClose(onClose)} destroyOnHidden okButtonProps={{ 'data-testid': 'transition-ok' } }>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="transition-form">
        {action === 'refer' && (
          <>
            <Form.Item name="department" label="转介部门" rules={[{ required: true, message: '请选择转介部门' }]}>
              <Radio.Group optionType="button" options={DEPARTMENT_OPTIONS} />
            </Form.Item>
            <Form.Item name="departmentNote" label="部门说明（科室、联系人）">
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="sentOn" label="转介日期（不填为今天）">
              <DatePicker />
            </Form.Item>
          </>
        )}
        {action === 'close' && (
          <>
            <Form.Item name="measures" label="采取的救助措施" rules={required('销号须填写采取的救助措施')}>
              <Input.TextArea rows={3} maxLength={500} autoFocus />
            </Form.Item>
            <Form.Item name="result" label="办理结果" rules={required('销号须填写办理结果')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        )}
        {action === 'review' && (
          <Form.Item name="reviewResult" label="回头看结论" rules={[{ required: true, message: '请选择回头看结论' }]}>
            <Select options={REVIEW_OPTIONS} />
          </Form.Item>
        )}
        {action === 'close-duplicate' && <DuplicateOfField item={item} />}
        {action === 'reopen' ? (
          <Form.Item name="reason" label="重新打开的原因" rules={required('重新打开须填写原因')}>
            <Input.TextArea rows={2} maxLength={200} autoFocus />
          </Form.Item>
        ) : action === 'close-unfounded' ? (
          <Form.Item name="reason" label="核查不属实的情况" rules={required('核查不属实销号须填写原因')}>
            <Input.TextArea rows={3} maxLength={200} autoFocus />
          </Form.Item>
        ) : (
          <Form.Item name="note" label={NOTE_LABEL[action]} rules={action === 'confirm' ? required('请填写核查情况') : action === 'review' ? required('请填写回头看情况') : []}>
            <Input.TextArea rows={3} maxLength={500} autoFocus={action !== 'close' && action !== 'refer'} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
