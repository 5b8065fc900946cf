/**
 * 救助政策 › 临时救助: applications with the 24-hour countdown of urgent cases; approve (or 先行救助 with
 * papers owed), pay, refuse, refer; papers received; the 材料逾期 filter.
 */
import { useState } from 'react';
import { Button, Checkbox, Flex, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { TemporaryRow } from '../../../../shared/assistance/types';
import { api } from '../../api/client';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { useApiQuery } from '../../hooks/use-api-query';
import { ErrorBlock } from '../../components/ErrorBlock';
import { formatFen } from '../../lib/money';
import { formatInstant } from '../../lib/dates';
import { isSupervisorRole } from '../../lib/roles';
import { useSession } from '../../session/session-context';
import { AssistanceTabs } from './AssistanceTabs';
import { Countdown } from './Countdown';
import { TemporaryForm } from './TemporaryForm';
import { TempStatusTag, tempTypeLabel } from './labels';
import { AdvanceFields, outstanding, PapersModal, PapersStatus } from './TemporaryPapers';
import { paperName } from '../../../../shared/assistance/papers';
import { TEMP_TYPES, type TempPaper } from '../../../../shared/assistance/codes';

type Action = 'approve' | 'reject' | 'pay' | 'refer';

interface DecideValues {
  note?: string;
  referral?: string;
  advance?: boolean;
  papersOwed?: TempPaper[];
  papersOther?: string;
}

function actionTitle(action: Action, r: TemporaryRow): string {
  if (action === 'approve') return r.approveFirst ? '先行审批' : r.approver === 'district' ? '区级审批' : '街道审批';
  return { reject: '不予救助', pay: '发放', refer: '转介' }[action];
}

function DecideModal({ row, action, onClose, onDone }: { row: TemporaryRow; action: Action; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<DecideValues>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched());
  const title = actionTitle(action, row);
  const noteRequired = action === 'reject' || (action === 'approve' && row.approver === 'district');
  const canAdvance = action === 'approve' && row.type === 'urgent';
  const { saving: busy, submit } = useFormSubmit(
    form,
    (v: DecideValues) =>
      api.call('assistance.decideTemporary', {
        id: row.id,
        action,
        note: v.note?.trim() || null,
        referral: v.referral?.trim() || null,
        ...(canAdvance && v.advance ? { papersOwed: v.papersOwed ?? [], papersOther: v.papersOther?.trim() || null } : {}),
      }),
    { success: `已办理：${title}`, guard, onDone },
  );
  return (
    <Modal
      open
      title={`${title}：${row.name ?? ''}`}
      okText={title}
      cancelText="取消"
      okButtonProps={{ danger: action === 'reject', 'data-testid': 'decide-ok' }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => guard.confirmClose(onClose)}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {`${tempTypeLabel(row.type)}，拟救助 ${formatFen(row.amountFen)}；困难情形：${row.reason}`}
      </Typography.Paragraph>
      {action === 'approve' && row.approver === 'district' && (
        <Typography.Paragraph type="warning">金额超过街道审批限额，须报区级审批：请填写区级审批意见（文号）。</Typography.Paragraph>
      )}
      {action === 'pay' && <Typography.Paragraph type="warning">{`确认已向申请人发放 ${formatFen(row.amountFen)}？`}</Typography.Paragraph>}
      {action === 'pay' && outstanding(row).length > 0 && (
        <Typography.Paragraph type="secondary">{`先行救助：${outstanding(row).map(paperName).join('、')} 尚待补交（限 ${row.papersDueOn ?? ''} 前）。`}</Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={submit}>
        {canAdvance && <AdvanceFields />}
        {action === 'refer' && (
          <Form.Item name="referral" label="转介去向" rules={[{ required: true, whitespace: true, message: '请填写转介去向' }]}>
            <Input maxLength={200} autoFocus placeholder="如：医疗救助、教育救助、慈善组织" />
          </Form.Item>
        )}
        <Form.Item name="note" label={action === 'approve' && row.approver === 'district' ? '区级审批意见' : '意见'} rules={noteRequired ? [{ required: true, whitespace: true, message: '请填写意见' }] : []}>
          <Input.TextArea rows={2} maxLength={500} autoFocus={action !== 'refer'} data-testid="decide-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type TempType = 'urgent' | 'expenditure';

/** `filter`: the URL's openOnly=1, papersOverdue=1, type=urgent|expenditure (e.g. from the 工作台). */
export function TemporaryPage({ filter = '' }: { filter?: string }) {
  const { session } = useSession();
  const canDecide = isSupervisorRole(session.user.role);
  const initial = new URLSearchParams(filter);
  const [openOnly, setOpenOnly] = useState(initial.get('openOnly') === '1');
  const [papersOverdue, setPapersOverdue] = useState(initial.get('papersOverdue') === '1');
  const [type, setType] = useState<TempType | undefined>(TEMP_TYPES.some((t) => t.code === initial.get('type')) ? (initial.get('type') as TempType) : undefined);
  const q = useApiQuery(() => api.call('assistance.listTemporary', { openOnly, papersOverdue, type }), [openOnly, papersOverdue, type]);
  const [papersFor, setPapersFor] = useState<TemporaryRow | null>(null);
  const [creating, setCreating] = useState(false);
  const [deciding, setDeciding] = useState<{ row: TemporaryRow; action: Action } | null>(null);

  const columns: TableColumnsType<TemporaryRow> = [
    { title: '申请人', dataIndex: 'name', width: 80, render: (v: string | null, r) => <a href={`#/households/${r.householdId}`}>{v ?? '—'}</a> },
    { title: '社区', dataIndex: 'communityName', width: 110 },
    { title: '类型', dataIndex: 'type', width: 90, render: (v: string) => <Tag color={v === 'urgent' ? 'red' : 'blue'}>{tempTypeLabel(v)}</Tag> },
    { title: '困难情形', dataIndex: 'reason', ellipsis: { showTitle: true } },
    {
      title: '金额 / 审批层级',
      dataIndex: 'amountFen',
      align: 'right',
      width: 130,
      render: (v: number, r) => (
        <div>
          <div>{formatFen(v)}</div>
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{r.approver === 'district' ? '区级审批' : '街道审批'}</div>
        </div>
      ),
    },
    { title: '受理时间', dataIndex: 'receivedAt', width: 135, render: (v: string) => formatInstant(v) },
    {
      title: '时限',
      width: 180,
      render: (_, r) => {
        if (!r.deadline) return <Typography.Text type="secondary">常规程序</Typography.Text>;
        if (r.status === 'received') {
          return (
            <div>
              <Countdown deadline={r.deadline} />
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{`截止 ${formatInstant(r.deadline)}`}</div>
            </div>
          );
        }
        return (
          <div>
            {r.withinDeadline ? <Tag color="green">时限内审批</Tag> : <Tag color="red">超时审批</Tag>}
            <PapersStatus row={r} />
          </div>
        );
      },
    },
    { title: '状态', dataIndex: 'status', width: 80, render: (v: string) => <TempStatusTag status={v} /> },
    {
      title: '操作',
      width: 200,
      render: (_, r) => {
        const papers =
          outstanding(r).length > 0 ? (
            <Button size="small" onClick={() => setPapersFor(r)} data-testid="temp-papers-received">
              登记补交材料
            </Button>
          ) : null;
        if (!canDecide) return papers ?? <Typography.Text type="secondary">由街道负责人办理</Typography.Text>;
        const actions: Action[] = r.status === 'received' ? ['approve', 'reject', 'refer'] : r.status === 'approved' ? ['pay', 'refer'] : r.status === 'paid' ? ['refer'] : [];
        return (
          <Space size={4} wrap>
            {papers}
            {actions.map((a) => (
              <Button key={a} size="small" type={a === 'approve' || a === 'pay' ? 'primary' : 'default'} danger={a === 'reject'} onClick={() => setDeciding({ row: r, action: a })} data-testid={`temp-${a}`}>
                {actionTitle(a, r)}
              </Button>
            ))}
            {r.referral && <Typography.Text type="secondary">{`转介：${r.referral}`}</Typography.Text>}
          </Space>
        );
      },
    },
  ];
  return (
    <div data-testid="temporary">
      <AssistanceTabs active="temporary" />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          临时救助
        </Typography.Title>
        <Space>
          <Select<TempType>
            aria-label="救助类型"
            allowClear
            placeholder="全部类型"
            style={{ width: 120 }}
            value={type}
            onChange={(v) => setType(v)}
            options={TEMP_TYPES.map((t) => ({ value: t.code, label: t.label }))}
            data-testid="temp-type"
          />
          <Checkbox checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)}>
            只看待办
          </Checkbox>
          <Checkbox checked={papersOverdue} onChange={(e) => setPapersOverdue(e.target.checked)} data-testid="temp-papers-overdue">
            只看材料逾期
          </Checkbox>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="temp-new">
            受理申请
          </Button>
        </Space>
      </Flex>
      {q.error ? (
        <ErrorBlock error={q.error} onRetry={q.reload} />
      ) : (
        <Table<TemporaryRow>
          rowKey="id"
          size="small"
          loading={q.loading}
          dataSource={q.data ?? []}
          columns={columns}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          locale={{ emptyText: papersOverdue ? '没有材料逾期的先行救助' : '暂无临时救助申请' }}
        />
      )}
      {creating && (
        <TemporaryForm
          onClose={() => setCreating(false)}
          onSaved={() => {
            setCreating(false);
            q.reload();
          }}
        />
      )}
      {papersFor && (
        <PapersModal
          row={papersFor}
          onClose={() => setPapersFor(null)}
          onDone={() => {
            setPapersFor(null);
            q.reload();
          }}
        />
      )}
      {deciding && (
        <DecideModal
          row={deciding.row}
          action={deciding.action}
          onClose={() => setDeciding(null)}
          onDone={() => {
            setDeciding(null);
            q.reload();
          }}
        />
      )}
    </div>
  );
}
