/** 关闭留守档案: the day the situation ended and why; a child past the age limit defaults to 已满年龄 on the birthday. */
import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { LeftBehindRecordView } from '../../../../shared/left-behind/procedures';
import { LEFT_BEHIND_CLOSE_REASONS, type LeftBehindCloseReason } from '../../../../shared/left-behind/types';
import { api } from '../../api/client';
import { appClock } from '../../api/clock';
import { showFormError } from '../../lib/form-errors';
import { toOptions } from '../../lib/codes';
import { kindLabel } from './labels';

interface Values {
  closedOn: Dayjs;
  reason: LeftBehindCloseReason;
  note?: string;
}

export function CloseModal({ record, onClose, onSaved }: { record: LeftBehindRecordView; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const today = appClock.today();
  const initial: Partial<Values> = record.ageOut
    ? { reason: 'age-out', closedOn: dayjs(record.ageOutOn!) }
    : { reason: 'returned', closedOn: dayjs(today) };

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      await api.call('leftBehind.close', { id: record.id, closedOn: v.closedOn.format('YYYY-MM-DD'), reason: v.reason, note: v.note ?? null });
      message.success(`已关闭 ${record.personName} 的${kindLabel(record.kind)}档案`);
      onSaved();
    } catch (e) {
      showFormError(form, e, message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`关闭${kindLabel(record.kind)}档案：${record.personName}`}
      okText="确认关闭"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="关闭后该档案不再计入在档留守人员，也不能再更新；情况再次出现时请新建档案。" />
      <Form form={form} name="leftBehindClose" layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item label="关闭原因" name="reason" rules={[{ required: true, message: '请选择关闭原因' }]}>
          <Select data-testid="lb-close-reason" style={{ width: 200 }} options={toOptions(LEFT_BEHIND_CLOSE_REASONS)} />
        </Form.Item>
        <Form.Item label="关闭日期（情况变化之日）" name="closedOn" rules={[{ required: true, message: '请选择关闭日期' }]}>
          <DatePicker data-testid="lb-close-date" style={{ width: 160 }} disabledDate={(d) => d.isAfter(dayjs(today), 'day')} />
        </Form.Item>
        <Form.Item label="说明" name="note">
          <Input data-testid="lb-close-note" maxLength={500} placeholder="如：父亲返乡务农" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
