/**
 * 复审 of an enrolment (issue 17): the day, for 低保 / 低保边缘 the members' wages now (the income
 * report's rules decide: continue, change amount, gradual exit or exit), for 特困 the conclusion.
 * 计算复审结论 shows the decision first; 记录复审 records it (an exit asks for confirmation).
 */
import { Alert, App, DatePicker, Descriptions, Form, Input, Modal, Radio, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReviewPreview } from '../../../../shared/assistance/reviews';
import { REVIEW_OUTCOMES } from '../../../../shared/assistance/reviews';
import { labelOf } from '../../../../shared/codes';
import { api } from '../../api/client';
import { appClock } from '../../api/clock';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { useApiQuery } from '../../hooks/use-api-query';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { ErrorBlock } from '../../components/ErrorBlock';
import { LoadingBlock } from '../../components/LoadingBlock';
import { formatFen } from '../../lib/money';
import { ScheduleTable } from './ScheduleTable';
import { IncomeFlags, reportedMembers, usePreview, WagesTable, type WageValues } from './IncomeReportParts';
import { programmeLabel } from './labels';

export interface ReviewTarget {
  id: string;
  name: string | null;
  programme: string;
  householdId: string;
}

interface Values extends WageValues {
  reviewedOn: dayjs.Dayjs;
  riseFromEmployment: boolean;
  selfReported: boolean;
  incomeClearlyRisen: boolean;
  basicLivingSecure: boolean;
  outcome?: 'continue' | 'exit';
  note?: string;
}

const ENDING = ['exit', 'gradual-exit'];

export function ReviewModal({ target, onClose, onDone }: { target: ReviewTarget; onClose: () => void; onDone: (p: ReviewPreview) => void }) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched());
  const incomeTested = target.programme === 'dibao' || target.programme === 'dibao-edge';
  const hh = useApiQuery(() => api.call('registry.getHousehold', { id: target.householdId }), [target.householdId]);
  const build = (v: Values) => ({
    id: target.id,
    reviewedOn: v.reviewedOn.format('YYYY-MM-DD'),
    riseFromEmployment: v.riseFromEmployment,
    selfReported: v.selfReported,
    incomeClearlyRisen: v.incomeClearlyRisen,
    basicLivingSecure: v.basicLivingSecure,
    ...(incomeTested ? {} : { outcome: v.outcome }),
    members: incomeTested ? reportedMembers(hh.data?.members ?? [], v) : [],
    note: v.note?.trim() || null,
  });
  const { preview, setPreview, busy, calculate } = usePreview(form, build, (input): Promise<ReviewPreview> => api.call('assistance.previewReview', input));

  const { saving, submit } = useFormSubmit(form, (v: Values) => api.call('assistance.recordReview', build(v)), {
    success: (p) => `已记录复审：${labelOf(REVIEW_OUTCOMES, p.outcome)}`,
    guard,
    onDone,
  });
  const record = () => {
    const values = form.getFieldsValue(true) as Values;
    if (!preview || !ENDING.includes(preview.outcome)) return submit(values);
    modal.confirm({
      title: `确认记录复审结论“${labelOf(REVIEW_OUTCOMES, preview.outcome)}”？`,
      content: '记录后该保障将按结论退出或进入渐退，以后各月的发放花名册随之改变。',
      okText: '确认记录',
      cancelText: '取消',
      okButtonProps: { danger: true },
      onOk: () => submit(values),
    });
  };

  const d = preview?.decision;
  return (
    <Modal
      open
      width={760}
      title={`复审：${target.name ?? ''}（${programmeLabel(target.programme)}）`}
      okText={preview ? '记录复审' : '计算复审结论'}
      okButtonProps={{ 'data-testid': preview ? 'review-record' : 'review-preview' }}
      cancelText="取消"
      confirmLoading={busy || saving}
      onOk={() => (preview ? record() : calculate())}
      onCancel={() => guard.confirmClose(onClose)}
      destroyOnHidden
    >
      {hh.error ? (
        <ErrorBlock error={hh.error} onRetry={hh.reload} />
      ) : !hh.data ? (
        <LoadingBlock text="正在加载家庭成员…" minHeight={120} />
      ) : (
        <Form
          form={form}
          layout="vertical"
          onValuesChange={() => setPreview(null)}
          initialValues={{ reviewedOn: dayjs(appClock.today()), riseFromEmployment: false, selfReported: false, incomeClearlyRisen: false, basicLivingSecure: false }}
        >
          <Form.Item name="reviewedOn" label="复审日期" rules={[{ required: true, message: '请选择复审日期' }]} extra="按复审当日有效的政策计算；下次复审从此日起算">
            <DatePicker format="YYYY-MM-DD" disabledDate={(x) => x.format('YYYY-MM-DD') > appClock.today()} data-testid="review-date" />
          </Form.Item>
          {incomeTested ? (
            <>
              {target.programme === 'dibao' && <IncomeFlags employmentLabel="收入因劳动就业增加" securedLabel="基本生活确能保障" testIdPrefix="review" />}
              <WagesTable
                members={hh.data.members.filter((m) => !m.diedOn)}
                titles={['登记月工资', '复审核实月工资（元）']}
                wageLabel="复审月工资"
                testIdPrefix="review-wage-"
                emptyText="该家庭没有在世成员"
              />
            </>
          ) : (
            <Form.Item name="outcome" label="复审结论" rules={[{ required: true, message: '请选择复审结论' }]}>
              <Radio.Group data-testid="review-outcome">
                <Radio value="continue">仍符合条件，继续供养</Radio>
                <Radio value="exit">不再符合条件，终止供养</Radio>
              </Radio.Group>
            </Form.Item>
          )}
          <Form.Item name="note" label="复审情况" style={{ marginTop: 12 }}>
            <Input.TextArea rows={2} maxLength={500} data-testid="review-note" />
          </Form.Item>
        </Form>
      )}
      {preview && (
        <div data-testid="review-decision">
          {preview.assessment && (
            <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
              <Descriptions.Item label="家庭月收入（扣减后）">{formatFen(preview.assessment.totalFen)}</Descriptions.Item>
              <Descriptions.Item label="人均月收入">{formatFen(preview.assessment.perCapitaFen)}</Descriptions.Item>
              {preview.previousMonthlyAmountFen != null && <Descriptions.Item label="复审当月保障金">{formatFen(preview.previousMonthlyAmountFen)}</Descriptions.Item>}
              {d && (d.kind === 'stay' || d.kind === 'suspended') && <Descriptions.Item label="复审后每月">{formatFen(d.monthlyAmountFen)}</Descriptions.Item>}
            </Descriptions>
          )}
          <Alert
            type={ENDING.includes(preview.outcome) ? 'warning' : 'info'}
            showIcon
            title={`复审结论：${labelOf(REVIEW_OUTCOMES, preview.outcome)}`}
            description={
              <>
                <div>{preview.explanation}</div>
                {d && (d.kind === 'exit' || d.kind === 'gradual-exit') && <div>{`自 ${d.exitMonth} 起退出`}</div>}
                <div>{preview.nextDueOn ? `下次复审：${preview.nextDueOn}（每${preview.cycleMonths}个月）` : '记录后不再安排复审'}</div>
              </>
            }
            style={{ marginBottom: 12 }}
          />
          {d && (d.kind === 'gradual-exit' || d.kind === 'continue-exit') && <ScheduleTable schedule={d.schedule} exitMonth={d.exitMonth} testId="review-schedule" />}
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            核对无误后点击“记录复审”；修改上面的内容会重新计算。
          </Typography.Paragraph>
        </div>
      )}
    </Modal>
  );
}
