/** 临时救助申请: a household (searched by name, ID number or address), the type, the situation and the amount. */
import { useState } from 'react';
import { App, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import type { SearchHit } from '../../../../shared/registry/types';
import { TEMP_TYPES } from '../../../../shared/assistance/codes';
import { api } from '../../api/client';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard';
import { showFormError } from '../../lib/form-errors';
import { parseYuanToFen } from '../../lib/money';

interface Values {
  hit: string;
  type: 'urgent' | 'expenditure';
  reason: string;
  amount: string;
}

export function TemporaryForm({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [busy, setBusy] = useState(false);
  const guard = useUnsavedGuard(() => form.isFieldsTouched());
  const search = async (q: string) => {
    if (!q.trim()) return setHits([]);
    try {
      setHits(await api.call('registry.search', { q, limit: 10 }));
    } catch {
      setHits([]);
    }
  };
  const submit = async (v: Values) => {
    const amountFen = parseYuanToFen(v.amount);
    if (amountFen === null) {
      form.setFields([{ name: 'amount', errors: ['金额格式无效：请填写元，最多两位小数'] }]);
      return;
    }
    const hit = hits.find((h) => key(h) === v.hit);
    if (!hit) return;
    setBusy(true);
    try {
      await api.call('assistance.receiveTemporary', { householdId: hit.householdId, personId: hit.personId ?? null, type: v.type, reason: v.reason.trim(), amountFen });
      message.success('已受理临时救助申请');
      guard.release();
      onSaved();
    } catch (e) {
      showFormError(form, e, message, { rename: { householdId: 'hit', personId: 'hit', amountFen: 'amount' } });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="受理临时救助申请" okText="受理" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={() => guard.confirmClose(onClose)} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ type: 'urgent' }}>
        <Form.Item name="hit" label="申请人（姓名、身份证号或地址）" rules={[{ required: true, message: '请查找并选择申请人' }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
            autoFocus
            data-testid="temp-person"
            placeholder="输入姓名或身份证号查找"
            notFoundContent="输入后显示匹配的人员"
            options={hits.map((h) => ({ value: key(h), label: `${h.title}　${h.subtitle}` }))}
          />
        </Form.Item>
        <Form.Item name="type" label="救助类型">
          <Radio.Group options={TEMP_TYPES.map((t) => ({ value: t.code, label: t.label }))} />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
          急难型：先行审批，须在受理后的时限（默认24小时）内完成审批；支出型：按常规程序审批。
        </Typography.Paragraph>
        <Form.Item name="reason" label="困难情形" rules={[{ required: true, whitespace: true, message: '请填写困难情形' }]}>
          <Input.TextArea rows={3} maxLength={500} data-testid="temp-reason" />
        </Form.Item>
        <Form.Item name="amount" label="拟救助金额（元）" rules={[{ required: true, message: '请填写拟救助金额' }]}>
          <Input inputMode="decimal" suffix="元" data-testid="temp-amount" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function key(h: SearchHit): string {
  return `${h.householdId}:${h.personId ?? ''}`;
}
