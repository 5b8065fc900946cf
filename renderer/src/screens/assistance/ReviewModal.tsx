/**
 * 复审 of an enrolment (issue 17): the day, for 低保 / 低保边缘 the members' wages now (the income
 * report's rules decide: continue, change amount, gradual exit or exit), for 特困 the conclusion.
 * 计算复审结论 shows the decision first; 记录复审 records it (an exit asks for confirmation).
 */
import { useState } from 'react';
import { Alert, App, Checkbox, DatePicker, Descriptions, Flex, Form, Input, Modal, Radio, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReviewPreview } from '../../../../shared/assistance/reviews';
import { REVIEW_OUTCOMES } from '../../../../shared/assistance/reviews';
import { labelOf } from '../../../../shared/codes';
import type { PersonDetail } from '../../../../shared/registry/types';
import { api, errorMessage } from '../../api/client';
import { appClock } from '../../api/clock';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { useApiQuery } from '../../hooks/use-api-query';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { ErrorBlock } from '../../components/ErrorBlock';
import { LoadingBlock } from '../../components/LoadingBlock';
import { fenToYuanText, formatFen, parseYuanToFen } from '../../lib/money';
import { ScheduleTable } from './ScheduleTable';
import { programmeLabel } from './labels';

export interface ReviewTarget {
  id: string;
  name: string | null;
  programme: string;
  householdId: string;
}

interface Values {
  reviewedOn: dayjs.Dayjs;
  riseFromEmployment: boolean;
  selfReported: boolean;
  incomeClearlyRisen: boolean;
  basicLivingSecure: boolean;
  outcome?: 'continue' | 'exit';
  note?: string;
  wages: Record<string, string | undefined>;
  away: Record<string, boolean | undefined>;
}

function wageOf(p: PersonDetail): number | null {
  const w = p.incomes.filter((i) => i.kind === 'wage');
  return w.length ? w.reduce((s, i) => s + i.monthlyFen, 0) : null;
}

const ENDING = ['exit', 'gradual-exit'];

export function ReviewModal({ target, onClose, onDone }: { target: ReviewTarget; onClose: () => void; onDone: (p: ReviewPreview) => void }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched());
  const incomeTested = target.programme === 'dibao' || target.programme === 'dibao-edge';
  const hh = useApiQuery(() => api.call('registry.getHousehold', { id: target.householdId }), [target.householdId]);
  const [preview, setPreview] = useState<ReviewPreview | null>(null);
  const [busy, setBusy] = useState(false);

  const build = (v: Values) => {
    const members = !incomeTested
      ? []
      : (hh.data?.members ?? []).flatMap((m) => {
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
      id: target.id,
      reviewedOn: v.reviewedOn.format('YYYY-MM-DD'),
      riseFromEmployment: v.riseFromEmployment,
      selfReported: v.selfReported,
      incomeClearlyRisen: v.incomeClearlyRisen,
      basicLivingSecure: v.basicLivingSecure,
      ...(incomeTested ? {} : { outcome: v.outcome }),
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
      setPreview(await api.call('assistance.previewReview', input));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

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
              {target.programme === 'dibao' && (
                <Flex gap={16} wrap>
                  <Form.Item name="riseFromEmployment" valuePropName="checked" style={{ marginBottom: 8 }}>
                    <Checkbox data-testid="review-employment">收入因劳动就业增加</Checkbox>
                  </Form.Item>
                  <Form.Item name="selfReported" valuePropName="checked" style={{ marginBottom: 8 }}>
                    <Checkbox data-testid="review-self">家庭主动申报</Checkbox>
                  </Form.Item>
                  <Form.Item name="incomeClearlyRisen" valuePropName="checked" style={{ marginBottom: 8 }}>
                    <Checkbox>收入明显增加</Checkbox>
                  </Form.Item>
                  <Form.Item name="basicLivingSecure" valuePropName="checked" style={{ marginBottom: 8 }}>
                    <Checkbox>基本生活确能保障</Checkbox>
                  </Form.Item>
                </Flex>
              )}
              <Table<PersonDetail>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={hh.data.members.filter((m) => !m.diedOn)}
                locale={{ emptyText: '该家庭没有在世成员' }}
                columns={[
                  { title: '成员', dataIndex: 'name', width: 100 },
                  { title: '登记月工资', width: 130, render: (_, m) => (wageOf(m) == null ? '—' : formatFen(wageOf(m))) },
                  {
                    title: '复审核实月工资（元）',
                    render: (_, m) => (
                      <Form.Item name={['wages', m.id]} style={{ margin: 0 }} initialValue={fenToYuanText(wageOf(m)) || undefined}>
                        <Input inputMode="decimal" suffix="元" aria-label={`${m.name}的复审月工资`} data-testid={`review-wage-${m.name}`} placeholder="无工资收入不填" />
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
