/**
 * 收入增加申报: the caseworker records the new wages of a 低保 household, sees the decision (stay,
 * suspended exit, gradual exit with its six-month schedule, or exit) and records it.
 */
import { useState } from 'react';
import { Alert, App, Checkbox, DatePicker, Descriptions, Flex, Form, Input, Modal, Table, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { EnrolmentDetail, IncomeRisePreview } from '../../../../shared/assistance/types';
import type { PersonDetail } from '../../../../shared/registry/types';
import { api, errorMessage } from '../../api/client';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { useApiQuery } from '../../hooks/use-api-query';
import { ErrorBlock } from '../../components/ErrorBlock';
import { LoadingBlock } from '../../components/LoadingBlock';
import { fenToYuanText, formatFen, parseYuanToFen } from '../../lib/money';
import { ScheduleTable } from './ScheduleTable';
import { decisionLabel } from './labels';
import { appClock } from '../../api/clock';

interface Values {
  /** The day of the report: its month is the report month, and the rules of that day apply. */
  reportedOn: dayjs.Dayjs;
  riseFromEmployment: boolean;
  selfReported: boolean;
  incomeClearlyRisen: boolean;
  basicLivingSecure: boolean;
  note?: string;
  wages: Record<string, string | undefined>;
  away: Record<string, boolean | undefined>;
}

function wageOf(p: PersonDetail): number | null {
  const w = p.incomes.filter((i) => i.kind === 'wage');
  return w.length ? w.reduce((s, i) => s + i.monthlyFen, 0) : null;
}

export function IncomeRiseModal({ enrolment, onClose, onDone }: { enrolment: EnrolmentDetail; onClose: () => void; onDone: (e: EnrolmentDetail) => void }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched());
  const hh = useApiQuery(() => api.call('registry.getHousehold', { id: enrolment.householdId }), [enrolment.householdId]);
  const [preview, setPreview] = useState<IncomeRisePreview | null>(null);
  const [busy, setBusy] = useState(false);

  const build = (v: Values) => {
    const members = (hh.data?.members ?? []).flatMap((m) => {
      const text = v.wages?.[m.id]?.trim();
      const away = v.away?.[m.id] ?? false;
      if (!text && !away) return [];
      let wageFen: number | null | undefined;
      if (text) {
        wageFen = parseYuanToFen(text);
        if (wageFen === null) throw new Error(`${m.name}的月工资格式无效：请填写元，最多两位小数`);
      }
      return [{ personId: m.id, wageFen, workingAwayOrReturned: away }];
    });
    return {
      id: enrolment.id,
      reportMonth: v.reportedOn.format('YYYY-MM'),
      reportedOn: v.reportedOn.format('YYYY-MM-DD'),
      riseFromEmployment: v.riseFromEmployment,
      selfReported: v.selfReported,
      incomeClearlyRisen: v.incomeClearlyRisen,
      basicLivingSecure: v.basicLivingSecure,
      members,
      note: v.note?.trim() || null,
    };
  };

  const calculate = async () => {
    let input;
    try {
      input = build(await form.validateFields());
    } catch (e) {
      if (e instanceof Error) message.error(e.message);
      return;
    }
    setBusy(true);
    try {
      setPreview(await api.call('assistance.previewIncomeRise', input));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

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
          <Flex gap={16} wrap>
            <Form.Item name="riseFromEmployment" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox data-testid="rise-employment">因劳动就业增收</Checkbox>
            </Form.Item>
            <Form.Item name="selfReported" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox data-testid="rise-self">家庭主动申报</Checkbox>
            </Form.Item>
            <Form.Item name="incomeClearlyRisen" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox>收入明显增加</Checkbox>
            </Form.Item>
            <Form.Item name="basicLivingSecure" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox>
                <Tooltip title="暂停退出期间，须收入明显提高且基本生活确能保障方可退出">基本生活确能保障</Tooltip>
              </Checkbox>
            </Form.Item>
          </Flex>
          <Table<PersonDetail>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={hh.data.members}
            columns={[
              { title: '成员', dataIndex: 'name', width: 100 },
              { title: '原月工资', width: 130, render: (_, m) => (wageOf(m) == null ? '—' : formatFen(wageOf(m))) },
              {
                title: '新月工资（元）',
                render: (_, m) => (
                  <Form.Item name={['wages', m.id]} style={{ margin: 0 }} initialValue={fenToYuanText(wageOf(m)) || undefined}>
                    <Input inputMode="decimal" suffix="元" aria-label={`${m.name}的新月工资`} data-testid={`wage-${m.name}`} placeholder="无工资收入不填" />
                  </Form.Item>
                ),
              },
              {
                title: '外出务工/返岗',
                width: 120,
                render: (_, m) => (
                  <Form.Item name={['away', m.id]} valuePropName="checked" style={{ margin: 0 }}>
                    <Checkbox aria-label={`${m.name}外出务工或返岗`} />
                  </Form.Item>
                ),
              },
            ]}
          />
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
