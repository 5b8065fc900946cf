/**
 * The parts the three death modals share (登记死亡, 更正死亡日期, 撤销死亡登记): the modal with its warning
 * of what the action does, the date-of-death field, and the last confirmation before a correction or
 * withdrawal is saved. Each modal supplies its own words and form.
 */
import { Alert, type App, DatePicker, Form, Modal } from 'antd';
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

type ModalApi = ReturnType<typeof App.useApp>['modal'];

/**
 * Asks once more before an action that changes what was recorded (更正, 撤销): a red OK button with the
 * action's words, and "返回修改" back to the form; the keys are antd's confirm dialog's.
 */
export function confirmDanger(modal: ModalApi, c: { title: string; content: string; okText: string; onOk: () => unknown }): void {
  modal.confirm({ title: c.title, content: c.content, okText: c.okText, okButtonProps: { danger: true }, cancelText: '返回修改', onOk: c.onOk });
}
