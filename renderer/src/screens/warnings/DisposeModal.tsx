/**
 * Disposing of one household's warnings at once: the warnings to dispose (all open ones ticked),
 * the disposition, and the reason when it needs one. 核实死亡 (death-paid warnings of one person)
 * records the death with its date, which stops every entitlement (应退尽退).
 */
import { Checkbox, DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import dayjs from 'dayjs';
import type { WarningHouseholdGroup, WarningView } from '../../../../shared/warnings/procedures';
import { WARNING_DISPOSITIONS, WARNING_DISPOSITION_LABELS, type WarningDisposition } from '../../../../shared/warnings/types';
import { api } from '../../api/client';
import { appClock } from '../../api/clock';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';

/** The form's choice: a disposition, or 核实死亡 (recorded as 已核实无需救助 with the death). */
type Choice = WarningDisposition | 'confirm-death';

interface Values {
  warningIds: string[];
  choice: Choice;
  reason?: string;
  diedOn?: dayjs.Dayjs;
}

const NEEDS_REASON: readonly Choice[] = ['verified-no-need', 'data-wrong'];
const HINT: Record<Choice, string> = {
  'to-ledger': '登记一条问题台账事项（来源：预警转入），问题描述取自预警的触发数据，按台账时限核查处置。',
  'verified-no-need': '已入户核实，家庭无需救助：请写明核实情况。',
  'already-covered': '该户（该人）已纳入相应救助，无需另行处置。',
  'data-wrong': '部门数据有误（人员、金额或日期不符）：请写明不符之处，将反馈区级。',
  'confirm-death': '核实该人已死亡：登记死亡日期，其各项救助和补贴自下一个未确认的发放批次起停发，已多发的金额列入扣回（应退尽退）。',
};

/** The date of death a death-paid warning's data gives, if any. */
function diedOnOf(ws: WarningView[]): dayjs.Dayjs | undefined {
  const v = ws.map((w) => w.trigger.values.diedOn).find((x) => typeof x === 'string');
  return typeof v === 'string' ? dayjs(v) : undefined;
}

export function DisposeModal({ group, warnings, onClose, onDone }: { group: WarningHouseholdGroup; warnings: WarningView[]; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched());
  const choice = Form.useWatch('choice', form);
  const picked = Form.useWatch('warningIds', form) ?? warnings.map((w) => w.id);
  const pickedWarnings = warnings.filter((w) => picked.includes(w.id));
  const deathOnly = pickedWarnings.length > 0 && pickedWarnings.every((w) => w.rule === 'death-paid') && new Set(pickedWarnings.map((w) => w.personId)).size === 1;
  const { saving, submit } = useFormSubmit(
    form,
    (v: Values) =>
      api.call('warnings.dispose', {
        warningIds: v.warningIds,
        disposition: v.choice === 'confirm-death' ? 'verified-no-need' : v.choice,
        reason: v.reason?.trim() || null,
        ...(v.choice === 'confirm-death' && v.diedOn ? { confirmDeathOn: v.diedOn.format('YYYY-MM-DD') } : {}),
      }),
    {
      guard,
      success: (r) => (r.ledgerItemId ? `已转问题台账（${r.disposed}条预警）` : `已处置 ${r.disposed} 条预警`),
      onDone: () => onDone(),
    },
  );
  const options = [
    ...WARNING_DISPOSITIONS.map((d) => ({ value: d as Choice, label: WARNING_DISPOSITION_LABELS[d] })),
    ...(deathOnly ? [{ value: 'confirm-death' as Choice, label: '核实死亡' }] : []),
  ];
  return (
    <Modal
      open
      width={640}
      title={`处置预警：${group.headName}户`}
      okText="确定处置"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => guard.confirmClose(onClose)}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'dispose-ok' }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="dispose-form"
        initialValues={{ warningIds: warnings.map((w) => w.id), diedOn: diedOnOf(warnings) }}
      >
        <Form.Item name="warningIds" label="处置的预警" rules={[{ required: true, message: '请至少选择一条预警' }]}>
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            {warnings.map((w) => (
              <Checkbox key={w.id} value={w.id}>
                {`${w.personName}：${w.ruleLabel}`}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{`（${w.trigger.summary}）`}</Typography.Text>
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="choice" label="处置方式" rules={[{ required: true, message: '请选择处置方式' }]}>
          <Radio.Group optionType="button" options={options} data-testid="dispose-choice" />
        </Form.Item>
        {choice && <Typography.Paragraph type="secondary">{HINT[choice]}</Typography.Paragraph>}
        {choice === 'confirm-death' && (
          <Form.Item name="diedOn" label="死亡日期" rules={[{ required: true, message: '请填写死亡日期' }]}>
            <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') > appClock.today()} />
          </Form.Item>
        )}
        {choice && (
          <Form.Item
            name="reason"
            label={NEEDS_REASON.includes(choice) ? '原因' : '说明（可不填）'}
            rules={NEEDS_REASON.includes(choice) ? [{ required: true, whitespace: true, message: '请填写原因' }] : []}
          >
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} data-testid="dispose-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
