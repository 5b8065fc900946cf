/**
 * The parts the three death modals share (登记死亡, 更正死亡日期, 撤销死亡登记): the modal with its warning
 * of what the action does, and the date-of-death field. Each modal supplies its own words and form.
 */
import { Alert, DatePicker, Form, Modal } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { PersonDetail } from '../../../../shared/registry/types';
import { appClock } from '../../api/clock';

interface FrameProps {
  open: boolean;
  title: string;
  okText: string;
  /** Red OK button: the action stops or clears what was recorded. */
  danger?: boolean;
  busy: boolean;
  onOk: () => void;
  onCancel: () => void;
  /** What the action does, said before anything is filled in. */
  warning: ReactNode;
  children: ReactNode;
}

export function DeathModalFrame({ open, title, okText, danger, busy, onOk, onCancel, warning, children }: FrameProps) {
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={danger ? { danger: true } : undefined}
      cancelText="取消"
      confirmLoading={busy}
      onOk={onOk}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={warning} />
      {children}
    </Modal>
  );
}

/** The date of death, as recorded or corrected: not after today, not before the birth. */
export function DeathDateField({ person, label, testId }: { person: PersonDetail | null; label: string; testId: string }) {
  const today = appClock.today();
  return (
    <Form.Item label={label} name="diedOn" rules={[{ required: true, message: `请选择${label}` }]}>
      <DatePicker
        data-testid={testId}
        autoFocus
        style={{ width: 200 }}
        disabledDate={(d) => d.isAfter(dayjs(today), 'day') || (person !== null && d.isBefore(dayjs(person.birthDate), 'day'))}
      />
    </Form.Item>
  );
}
