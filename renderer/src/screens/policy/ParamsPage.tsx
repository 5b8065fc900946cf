/** 救助政策 › 政策参数: every parameter with its value today and its dated history; admins add a dated value. */
import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { ParamListItem, ParamRecord } from '../../../../shared/policy/types';
import { ASSISTANCE_CATEGORIES, labelOf } from '../../../../shared/codes';
import { api } from '../../api/client';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { useApiQuery } from '../../hooks/use-api-query';
import { ErrorBlock } from '../../components/ErrorBlock';
import { formatFen, fenToYuanText, parseYuanToFen } from '../../lib/money';
import { showFormError } from '../../lib/form-errors';
import { isAdminRole } from '../../lib/roles';
import { useSession } from '../../session/session-context';
import { AssistanceTabs } from '../assistance/AssistanceTabs';
import { hrefOf } from '../../router/routes';
import { SCREENING_POLICY_KEYS, type ScreeningPolicyKey } from '../../../../shared/screening/policy-check';
import { policySummary } from '../screening/policy/PolicyView';
import { appClock } from '../../api/clock';
import { calendarWarning } from '../../../../shared/ledger/calendar-coverage';
import type { HolidayCalendar } from '../../../../shared/ledger/deadlines';
import type { LaggingLines } from '../../../../shared/reports/lagging';
import { LAGGING_LINES_KEY, LaggingLinesInput, laggingLinesText } from '../reports/LaggingLinesInput';
import { isWarningParamKey, warningParamText } from '../../../../shared/warnings/rule-params';
import { WarningRuleInput } from './WarningRuleInput';

const SCREENING_KEYS = new Set<string>(SCREENING_POLICY_KEYS);
/** The agreement template is edited clause by clause on its own page (照料服务 › 协议范本). */
const TEMPLATE_KEY = 'care.agreementTemplate';

function valueText(item: Pick<ParamListItem, 'unit' | 'key'>, value: unknown): string {
  if (value === undefined || value === null) return '未设置';
  if (SCREENING_KEYS.has(item.key)) return policySummary(item.key as ScreeningPolicyKey, value);
  if (item.key === TEMPLATE_KEY) {
    const t = value as { title?: string; version?: string };
    return `${t.version ?? ''}（${t.title ?? ''}）`;
  }
  if (item.key === LAGGING_LINES_KEY) return laggingLinesText(value as LaggingLines);
  if (isWarningParamKey(item.key)) return warningParamText(value as Record<string, number>);
  if (typeof value === 'string') return value;
  switch (item.unit) {
    case 'fen':
      return formatFen(value as number);
    case 'boolean':
      return value ? '是' : '否';
    case 'percent':
      return `${String(value)}%`;
    case 'hours':
      return `${String(value)} 小时`;
    case 'months':
      return `${String(value)} 个月`;
    case 'list':
      return (value as string[]).map((c) => labelOf(ASSISTANCE_CATEGORIES, c)).join('、');
    default:
      return JSON.stringify(value);
  }
}

interface Values {
  value: string | number | boolean | string[] | LaggingLines | Record<string, number>;
  effectiveFrom: dayjs.Dayjs;
  note?: string;
  retroactiveReason?: string;
}

function SetParamModal({ item, onClose, onSaved }: { item: ParamListItem; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const guard = useUnsavedGuard(() => form.isFieldsTouched());
  const effective = Form.useWatch('effectiveFrom', form);
  const past = effective ? effective.isBefore(dayjs(appClock.today()), 'day') : false;
  const submit = async (v: Values) => {
    let value: unknown = v.value;
    if (item.unit === 'fen') {
      value = parseYuanToFen(String(v.value));
      if (value === null) {
        form.setFields([{ name: 'value', errors: ['金额格式无效：请填写元，最多两位小数'] }]);
        return;
      }
    }
    setSaving(true);
    try {
      await api.call('policy.setParam', {
        key: item.key,
        value,
        effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
        note: v.note || null,
        retroactiveReason: v.retroactiveReason || null,
      });
      message.success('已保存：自生效日期起适用');
      guard.release();
      onSaved();
    } catch (e) {
      showFormError(form, e, message);
    } finally {
      setSaving(false);
    }
  };
  const current = item.current?.value;
  return (
    <Modal open title={`新增取值：${item.label}`} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={() => guard.confirmClose(onClose)} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ effectiveFrom: dayjs(appClock.daysFromToday(1)), value: item.unit === 'fen' ? fenToYuanText(current as number | undefined) : current }}
      >
        <Form.Item name="value" label={item.unit === 'fen' ? '金额（元）' : '取值'} rules={[{ required: true, message: '请填写取值' }]}>
          {item.key === LAGGING_LINES_KEY ? (
            <LaggingLinesInput />
          ) : isWarningParamKey(item.key) ? (
            <WarningRuleInput />
          ) : item.unit === 'fen' ? (
            <Input data-testid="param-value" inputMode="decimal" suffix="元" />
          ) : item.unit === 'boolean' ? (
            <Select data-testid="param-value" options={[{ value: true, label: '是' }, { value: false, label: '否' }]} />
          ) : item.unit === 'list' ? (
            <Select data-testid="param-value" mode="multiple" options={ASSISTANCE_CATEGORIES.map((c) => ({ value: c.code, label: c.label }))} />
          ) : typeof current === 'string' ? (
            <Input data-testid="param-value" maxLength={40} />
          ) : (
            <InputNumber data-testid="param-value" min={0} precision={0} style={{ width: '100%' }} />
          )}
        </Form.Item>
        <Form.Item name="effectiveFrom" label="生效日期" rules={[{ required: true, message: '请选择生效日期' }]}>
          <DatePicker data-testid="param-date" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label="依据/备注（文件号、来源）">
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
        {past && (
          <Form.Item name="retroactiveReason" label="追溯调整原因（生效日期早于今天时必填）" rules={[{ required: true, message: '追溯调整须填写原因' }]}>
            <Input.TextArea rows={2} maxLength={300} data-testid="param-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function ParamsPage() {
  const { session } = useSession();
  const canEdit = isAdminRole(session.user.role);
  const q = useApiQuery(() => api.call('policy.listParams', {}), []);
  const [editing, setEditing] = useState<ParamListItem | null>(null);
  const today = appClock.today();
  if (q.error) return <ErrorBlock error={q.error} onRetry={q.reload} />;
  // The newest version of the calendar is the one the coming days will be counted by.
  const calendar = q.data?.find((r) => r.key === 'calendar.holidays')?.history[0]?.value as HolidayCalendar | undefined;
  const calendarGap = calendar ? calendarWarning(calendar, today) : null;
  const columns: TableColumnsType<ParamListItem> = [
    { title: '参数', dataIndex: 'label' },
    { title: '当前取值', render: (_, r) => (r.current ? valueText(r, r.current.value) : <Tag color="warning">未设置</Tag>) },
    { title: '自', render: (_, r) => r.current?.effectiveFrom ?? '—', width: 110 },
    {
      title: '已定未生效',
      render: (_, r) => r.history.filter((h) => h.effectiveFrom > today).map((h) => <Tag key={h.id} color="blue">{`${h.effectiveFrom} 起 ${valueText(r, h.value)}`}</Tag>),
    },
    ...(canEdit
      ? [
          {
            title: '操作',
            width: 110,
            render: (_: unknown, r: ParamListItem) =>
              SCREENING_KEYS.has(r.key) ? (
                // Structured values have their own editor in 走访排查.
                <Button size="small" href={hrefOf({ name: 'screening', tab: 'policy' })}>前往编辑</Button>
              ) : !r.settableHere ? (
                <Typography.Text type="secondary">区级统一设置</Typography.Text>
              ) : r.key === TEMPLATE_KEY ? (
                <Button size="small" href={hrefOf({ name: 'care-template' })}>前往编辑</Button>
              ) : (
                <Button size="small" data-testid={`set-${r.key}`} onClick={() => setEditing(r)}>新增取值</Button>
              ),
          },
        ]
      : []),
  ];
  const historyColumns = (item: ParamListItem): TableColumnsType<ParamRecord> => [
    { title: '生效日期', dataIndex: 'effectiveFrom', width: 120 },
    { title: '取值', render: (_, h) => valueText(item, h.value), width: 200 },
    { title: '范围', render: (_, h) => (h.partition === 'district' ? '全区' : '本街道'), width: 80 },
    { title: '依据/备注', dataIndex: 'note' },
  ];
  return (
    <div data-testid="policy-params">
      <AssistanceTabs active="policy-params" />
      <Typography.Title level={4}>政策参数</Typography.Title>
      <Typography.Paragraph type="secondary">各项标准按生效日期适用：新取值只从其生效日期起改变计算结果；追溯调整须填写原因，所有调整均记入操作日志。</Typography.Paragraph>
      {calendarGap && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={calendarGap} data-testid="calendar-gap" />}
      <Table<ParamListItem>
        rowKey="key"
        loading={q.loading}
        dataSource={q.data ?? []}
        columns={columns}
        pagination={false}
        size="small"
        expandable={{
          expandedRowRender: (r) => <Table<ParamRecord> rowKey="id" size="small" pagination={false} dataSource={r.history} columns={historyColumns(r)} locale={{ emptyText: '暂无取值' }} />,
        }}
      />
      {editing && (
        <SetParamModal
          item={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            q.reload();
          }}
        />
      )}
    </div>
  );
}
