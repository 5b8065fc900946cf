/**
 * 收入增加申报: the caseworker records the new wages of a 低保 household, sees the decision (stay,
 * suspended exit, gradual exit with its six-month schedule, or exit) and records it.
 */
import { Alert, App, DatePicker, Descriptions, Form, Input, Modal, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { EnrolmentDetail, IncomeRisePreview } from '../../../../shared/assistance/types';
import { api, errorMessage } from '../../api/client';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { useApiQuery } from '../../hooks/use-api-query';
import { ErrorBlock } from '../../components/ErrorBlock';
import { LoadingBlock } from '../../components/LoadingBlock';
import { formatFen } from '../../lib/money';
import { ScheduleTable } from './ScheduleTable';
import { IncomeFlags, reportedMembers, usePreview, WagesTable, type WageValues } from './IncomeReportParts';
import { decisionLabel } from './labels';
import { appClock } from '../../api/clock';

interface Values extends WageValues {
  /** The day of the report: its month is the report month, and the rules of that day apply. */
  reportedOn: dayjs.Dayjs;
  riseFromEmployment: boolean;
  selfReported: boolean;
  incomeClearlyRisen: boolean;
  basicLivingSecure: boolean;
  note?: string;
}

export function IncomeRiseModal({ enrolment, onClose, onDone }: { enrolment: EnrolmentDetail; onClose: () => void; onDone: (e: EnrolmentDetail) => void }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched());
  const hh = useApiQuery(() => api.call('registry.getHousehold', { id: enrolment.householdId }), [enrolment.householdId]);
  const build = (v: Values) => ({
    id: enrolment.id,
    reportMonth: v.reportedOn.format('YYYY-MM'),
    reportedOn: v.reportedOn.format('YYYY-MM-DD'),
    riseFromEmployment: v.riseFromEmployment,
    selfReported: v.selfReported,
    incomeClearlyRisen: v.incomeClearlyRisen,
    basicLivingSecure: v.basicLivingSecure,
    members: reportedMembers(hh.data?.members ?? [], v),
    note: v.note?.trim() || null,
  });
  const { preview, setPreview, busy, calculate } = usePreview(form, build, (input): Promise<IncomeRisePreview> => api.call('assistance.previewIncomeRise', input));

  const record = async () => {
    const input = build(form.getFieldsValue(true) as Values);
    modal.confirm({
      title: '确认记录收入变化及处理决定？',
      content: '新的工资收入将写入家庭成员信息，处理决定与渐退安排将用于以后各月的发放花名册。',
      okText: '确认记录',
      cancelText: '取消',
      onOk: async () => {
        try {
          const e = await api.call('assistance.recordIncomeRise', input);
          message.success('已记录收入变化及处理决定');
          guard.release();
          onDone(e);
        } catch (err) {
          message.error(errorMessage(err));
          throw err;
        }
      },
    });
  };

  const d = preview?.decision;
  return (
    <Modal
      open
      width={760}
      title={`收入增加申报：${enrolment.name ?? ''}家`}
      okText={preview ? '记录处理决定' : '计算处理决定'}
      okButtonProps={{ 'data-testid': preview ? 'rise-record' : 'rise-preview' }}
      cancelText="取消"
      confirmLoading={busy}
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
          initialValues={{ reportedOn: dayjs(appClock.today()), riseFromEmployment: true, selfReported: true, incomeClearlyRisen: false, basicLivingSecure: false }}
        >
          <Form.Item name="reportedOn" label="申报日期" rules={[{ required: true, message: '请选择申报日期' }]} extra="按申报当日有效的政策计算">
            <DatePicker format="YYYY-MM-DD" disabledDate={(d) => d.format('YYYY-MM-DD') > appClock.today()} data-testid="rise-date" />
          </Form.Item>
          <IncomeFlags
            employmentLabel="因劳动就业增收"
            securedLabel={<Tooltip title="暂停退出期间，须收入明显提高且基本生活确能保障方可退出">基本生活确能保障</Tooltip>}
            testIdPrefix="rise"
          />
          <WagesTable members={hh.data.members} titles={['原月工资', '新月工资（元）']} wageLabel="新月工资" testIdPrefix="wage-" />
          <Form.Item name="note" label="说明" style={{ marginTop: 12 }}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      )}
      {preview && d && (
        <div data-testid="rise-decision">
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label="家庭月收入（扣减后）">{formatFen(preview.assessment.totalFen)}</Descriptions.Item>
            <Descriptions.Item label="人均月收入">{formatFen(preview.assessment.perCapitaFen)}</Descriptions.Item>
            <Descriptions.Item label="低保标准">{formatFen(preview.standardFen)}</Descriptions.Item>
            <Descriptions.Item label="申报当月保障金">{formatFen(preview.previousMonthlyAmountFen)}</Descriptions.Item>
          </Descriptions>
          <Alert
            type={d.kind === 'exit' ? 'warning' : 'info'}
            showIcon
            title={`处理决定：${decisionLabel(d.kind)}`}
            description={
              d.kind === 'stay' || d.kind === 'suspended'
                ? `每月发放 ${formatFen(d.monthlyAmountFen)}`
                : d.kind === 'exit'
                  ? `自 ${d.exitMonth} 起退出低保`
                  : d.kind === 'continue-exit'
                    ? `已在渐退期：按原渐退安排发放，自 ${d.exitMonth} 起退出低保`
                    : `申报当月照常发放；自 ${d.exitMonth} 起退出低保`
            }
            style={{ marginBottom: 12 }}
          />
          {(d.kind === 'gradual-exit' || d.kind === 'continue-exit') && <ScheduleTable schedule={d.schedule} exitMonth={d.exitMonth} testId="rise-schedule" />}
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            核对无误后点击“记录处理决定”；修改上面的内容会重新计算。
          </Typography.Paragraph>
        </div>
      )}
    </Modal>
  );
}
