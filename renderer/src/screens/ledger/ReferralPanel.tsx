/** Referrals of an item: department, sent date, receipt, reply and the follow-up reminder. */
import { useState } from 'react';
import { Button, DatePicker, Form, Input, Modal, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import type { LedgerDetail, ReferralInfo } from '../../../../shared/ledger/schemas';
import { api } from '../../api/client';
import { formatInstant } from '../../lib/dates';
import { departmentLabel } from './ledger-ui';
import { appClock } from '../../api/clock';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { useFormSubmit } from '../../hooks/use-form-submit';

type Mode = { kind: 'receipt' | 'reply'; referral: ReferralInfo };

function ReferralModal({ mode, onClose, onDone }: { mode: Mode; onClose: () => void; onDone: (d: LedgerDetail) => void }) {
  const [form] = Form.useForm<{ on: dayjs.Dayjs; reply?: string }>();
  const guard = useUnsavedGuard(() => form.isFieldsTouched());
  const { saving, submit } = useFormSubmit(
    form,
    (v: { on: dayjs.Dayjs; reply?: string }) => {
      const on = v.on.format('YYYY-MM-DD');
      return mode.kind === 'receipt'
        ? api.call('ledger.referralReceipt', { referralId: mode.referral.id, receivedOn: on })
        : api.call('ledger.referralReply', { referralId: mode.referral.id, repliedOn: on, reply: v.reply ?? '' });
    },
    {
      success: mode.kind === 'receipt' ? '已登记签收' : '已登记部门回复',
      onDone,
      fieldPath: { rename: { receivedOn: 'on', repliedOn: 'on' } },
    },
  );
  const dept = departmentLabel(mode.referral.department);
  return (
    <Modal open title={mode.kind === 'receipt' ? `登记${dept}签收` : `登记${dept}回复`} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={() => guard.confirmClose(onClose)} destroyOnHidden okButtonProps={{ 'data-testid': 'referral-ok' } }>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ on: dayjs(appClock.today()) }}>
        <Form.Item name="on" label={mode.kind === 'receipt' ? '签收日期' : '回复日期'} rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        {mode.kind === 'reply' && (
          <Form.Item name="reply" label="部门回复" rules={[{ required: true, whitespace: true, message: '请填写部门回复' }]}>
            <Input.TextArea rows={3} maxLength={500} autoFocus />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function ReferralPanel({ item, onChanged }: { item: LedgerDetail; onChanged: (d: LedgerDetail) => void }) {
  const [mode, setMode] = useState<Mode | null>(null);
  const canRecord = item.status === 'referred';
  return (
    <>
      <Table<ReferralInfo>
        rowKey="id"
        size="small"
        pagination={false}
        data-testid="referrals"
        dataSource={item.referrals}
        locale={{ emptyText: '未转介' }}
        columns={[
          { title: '转介部门', render: (_, r) => `${departmentLabel(r.department)}${r.departmentNote ? `（${r.departmentNote}）` : ''}` },
          { title: '转介日期', dataIndex: 'sentOn', width: 110 },
          { title: '签收', dataIndex: 'receivedOn', width: 110, render: (v: string | null) => v ?? '未签收' },
          {
            title: '部门回复',
            render: (_, r) =>
              r.repliedOn ? (
                `${r.repliedOn}：${r.reply ?? ''}`
              ) : (
                <Space size={4}>
                  <span>未回复</span>
                  {r.followUpDue ? <Tag color="error">应跟进催办</Tag> : <Tag>跟进提醒 {formatInstant(r.followUpAt)}</Tag>}
                </Space>
              ),
          },
          {
            title: '操作',
            width: 170,
            render: (_, r) =>
              canRecord && !r.repliedOn ? (
                <Space size={4}>
                  {!r.receivedOn && (
                    <Button size="small" onClick={() => setMode({ kind: 'receipt', referral: r })}>
                      登记签收
                    </Button>
                  )}
                  <Button size="small" type="primary" onClick={() => setMode({ kind: 'reply', referral: r })} data-testid="record-reply">
                    登记回复
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {mode && (
        <ReferralModal
          mode={mode}
          onClose={() => setMode(null)}
          onDone={(d) => {
            setMode(null);
            onChanged(d);
          }}
        />
      )}
    </>
  );
}
