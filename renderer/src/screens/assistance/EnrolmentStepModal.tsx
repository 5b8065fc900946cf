/** One step of an enrolment (investigation, review, publication, approval, rejection, suspension, exit …). */
import { useState } from 'react';
import { Checkbox, DatePicker, Form, Input, InputNumber, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import type { EnrolmentDetail } from '../../../../shared/assistance/types';
import { api } from '../../api/client';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { addMonths, thisMonth } from './labels';
import { appClock } from '../../api/clock';
import { useSession } from '../../session/session-context';
import { InvestigationWorking } from './InvestigationWorking';

export type StepKind = 'investigate' | 'street-review' | 'publish' | 'approve' | 'reject' | 'periodic-review' | 'suspend' | 'resume' | 'exit';

const TEXT: Record<StepKind, { title: string; ok: string; noteLabel: string; danger?: boolean; description?: string }> = {
  investigate: { title: '入户调查与收入财产核算', ok: '登记调查结果', noteLabel: '调查情况' },
  'street-review': { title: '街道审核', ok: '审核通过', noteLabel: '审核意见' },
  publish: { title: '公示', ok: '开始公示', noteLabel: '说明' },
  approve: { title: '区级审批', ok: '批准', noteLabel: '审批意见' },
  reject: { title: '不予批准', ok: '不予批准', noteLabel: '不予批准的理由', danger: true, description: '不予批准后本记录结束，如需重新申请须另行办理。' },
  'periodic-review': { title: '复审', ok: '记录复审', noteLabel: '复审情况' },
  suspend: { title: '暂停发放', ok: '暂停发放', noteLabel: '暂停原因', danger: true, description: '暂停后发放花名册不再包含该对象，直至恢复发放。' },
  resume: { title: '恢复发放', ok: '恢复发放', noteLabel: '说明' },
  exit: { title: '退出', ok: '确认退出', noteLabel: '退出原因', danger: true, description: '退出后自所选月份起不再发放，此操作不能撤销。' },
};

interface Values {
  note?: string;
  coveredPersons?: number;
  workingAwayPersonIds?: string[];
  publicRange?: [dayjs.Dayjs, dayjs.Dayjs];
  month?: dayjs.Dayjs;
  districtDocNo?: string;
  districtApprovedOn?: dayjs.Dayjs;
  overrideReason?: string;
  incomeClearlyRisen?: boolean;
  basicLivingSecure?: boolean;
}

export function EnrolmentStepModal({ enrolment, step, onClose, onDone }: { enrolment: EnrolmentDetail; step: StepKind; onClose: () => void; onDone: (e: EnrolmentDetail) => void }) {
  const [form] = Form.useForm<Values>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched());
  const t = TEXT[step];
  // At a street PC the district's approval is recorded on its behalf, with its document.
  const { session } = useSession();
  const onBehalf = step === 'approve' && session.user.role !== 'district-admin';
  const [askOverride, setAskOverride] = useState(false);
  // While exits are suspended a 低保 household leaves only on both of the plan's conditions.
  const dibaoExit = step === 'exit' && enrolment.programme === 'dibao';
  const needsNote = step === 'reject' || step === 'suspend' || step === 'exit';
  const { saving: busy, submit } = useFormSubmit(
    form,
    (v: Values) => {
      const note = v.note?.trim() || null;
      return step === 'investigate'
        ? api.call('assistance.investigate', { id: enrolment.id, coveredPersons: v.coveredPersons, workingAwayPersonIds: v.workingAwayPersonIds ?? [], note })
        : api.call('assistance.advance', {
            id: enrolment.id,
            step,
            note,
            publicFrom: v.publicRange?.[0].format('YYYY-MM-DD'),
            publicTo: v.publicRange?.[1].format('YYYY-MM-DD'),
            month: v.month?.format('YYYY-MM'),
            ...(onBehalf ? { districtDocNo: v.districtDocNo?.trim() || null, districtApprovedOn: v.districtApprovedOn?.format('YYYY-MM-DD') } : {}),
            overrideReason: v.overrideReason?.trim() || null,
            ...(dibaoExit ? { incomeClearlyRisen: !!v.incomeClearlyRisen, basicLivingSecure: !!v.basicLivingSecure } : {}),
          });
    },
    {
      success: `已办理：${t.title}`,
      guard,
      onDone: (e) => onDone(e),
      // Above the income line: the backend names the line; the user may state a reason and approve.
      onError: (err) => {
        if (step === 'approve' && (err as { field?: string }).field === 'overrideReason') setAskOverride(true);
      },
    },
  );
  const nextMonth = dayjs(`${addMonths(thisMonth(), 1)}-01`);
  return (
    <Modal
      open
      title={t.title}
      okText={t.ok}
      cancelText="取消"
      okButtonProps={{ danger: t.danger, 'data-testid': 'step-ok' }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => guard.confirmClose(onClose)}
      destroyOnHidden
      width={step === 'investigate' ? 900 : undefined}
    >
      {t.description && <Typography.Paragraph type="warning">{t.description}</Typography.Paragraph>}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          coveredPersons: enrolment.coveredPersons || undefined,
          publicRange: [dayjs(appClock.today()), dayjs(appClock.daysFromToday(6))],
          month: step === 'approve' ? dayjs(`${thisMonth()}-01`) : nextMonth,
        }}
      >
        {step === 'investigate' && (
          <Form.Item name="coveredPersons" label="保障人数" extra="不填则按家庭成员人数">
            <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {step === 'investigate' && <InvestigationWorking enrolmentId={enrolment.id} />}
        {step === 'publish' && (
          <Form.Item name="publicRange" label="公示期" rules={[{ required: true, message: '请选择公示起止日期' }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        {(step === 'approve' || step === 'exit') && (
          <Form.Item name="month" label={step === 'approve' ? '起始发放月份' : '自该月起不再发放'} rules={[{ required: true, message: '请选择月份' }]}>
            <DatePicker picker="month" format="YYYY-MM" style={{ width: '100%' }} data-testid="step-month" />
          </Form.Item>
        )}
        {onBehalf && (
          <>
            <Typography.Paragraph type="secondary">区级审批由区民政局作出；街道登记时须填写区级审批文号和审批日期。</Typography.Paragraph>
            <Form.Item name="districtDocNo" label="区级审批文号" rules={[{ required: true, whitespace: true, message: '请填写区级审批文号' }]}>
              <Input maxLength={60} data-testid="step-doc-no" />
            </Form.Item>
            <Form.Item name="districtApprovedOn" label="区级审批日期" rules={[{ required: true, message: '请选择区级审批日期' }]}>
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} data-testid="step-approved-on" />
            </Form.Item>
          </>
        )}
        {askOverride && (
          <Form.Item name="overrideReason" label="超出标准仍予批准的原因" rules={[{ required: true, whitespace: true, message: '请填写原因' }]}>
            <Input.TextArea rows={2} maxLength={500} data-testid="step-override" />
          </Form.Item>
        )}
        {dibaoExit && (
          <Form.Item label="暂停退出期间须同时具备" extra="疫情防控期间，除家庭收入明显提高、基本生活确能保障外，暂停低保对象退出（津丽民发〔2020〕13号）。">
            <Form.Item name="incomeClearlyRisen" valuePropName="checked" noStyle>
              <Checkbox data-testid="exit-income-risen">家庭收入明显提高</Checkbox>
            </Form.Item>
            <Form.Item name="basicLivingSecure" valuePropName="checked" noStyle>
              <Checkbox data-testid="exit-living-secure">基本生活确能保障</Checkbox>
            </Form.Item>
          </Form.Item>
        )}
        <Form.Item name="note" label={t.noteLabel} rules={needsNote ? [{ required: true, whitespace: true, message: `请填写${t.noteLabel}` }] : []}>
          <Input.TextArea rows={2} maxLength={500} autoFocus data-testid="step-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
