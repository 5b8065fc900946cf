/**
 * Saving a new version of a screening/ledger policy parameter: from a chosen effective date (a past
 * date needs a reason), checked first with the field named in Chinese, then confirmed.
 */
import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Space } from 'antd';
import dayjs from 'dayjs';
import { PARAM_CATALOG } from '../../../../../shared/policy/catalog';
import { checkPolicyValue, type ScreeningPolicyKey } from '../../../../../shared/screening/policy-check';
import type { ScreeningPolicy } from '../../../../../shared/screening/schemas';
import { api, errorMessage } from '../../../api/client';
import { appClock } from '../../../api/clock';

export function SaveVersion({ policyKey, value, onSaved }: { policyKey: ScreeningPolicyKey; value: unknown; onSaved: (p: ScreeningPolicy) => void }) {
  const { message, modal } = App.useApp();
  const [effective, setEffective] = useState<dayjs.Dayjs | null>(dayjs(appClock.daysFromToday(1)));
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const label = PARAM_CATALOG[policyKey]!.label;
  const past = effective ? effective.isBefore(dayjs(appClock.today()), 'day') : false;

  const save = () => {
    if (!effective) return setError('生效日期：请选择生效日期');
    if (past && !reason.trim()) return setError('追溯调整原因：生效日期早于今天，须填写原因');
    const checked = checkPolicyValue(policyKey, value);
    if (!checked.ok) return setError(checked.message);
    setError(null);
    const date = effective.format('YYYY-MM-DD');
    modal.confirm({
      title: '确认保存新版本',
      content: `“${label}”的新版本自 ${date} 起生效；${date} 以前的日期仍按原版本计算。${past ? '这是追溯调整，将记入操作日志。' : ''}`,
      okText: '确认保存',
      cancelText: '取消',
      onOk: async () => {
        setSaving(true);
        try {
          const p = await api.call('screening.setPolicy', {
            key: policyKey,
            value: checked.value,
            effectiveFrom: date,
            note: note.trim() || null,
            retroactiveReason: past ? reason.trim() : null,
          });
          message.success(`已保存：自 ${date} 起生效`);
          setNote('');
          setReason('');
          onSaved(p);
        } catch (e) {
          setError(errorMessage(e));
        } finally {
          setSaving(false);
        }
      },
    });
  };

  return (
    <div data-testid={`save-${policyKey}`} style={{ marginTop: 12 }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="policy-error" />}
      <Form layout="inline">
        <Form.Item label="生效日期" required>
          <DatePicker aria-label="生效日期" value={effective} onChange={setEffective} allowClear={false} />
        </Form.Item>
        <Form.Item label="依据/备注">
          <Input aria-label="依据/备注" value={note} onChange={(e) => setNote(e.target.value)} maxLength={300} style={{ width: 260 }} />
        </Form.Item>
        {past && (
          <Form.Item label="追溯调整原因" required>
            <Input aria-label="追溯调整原因" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} style={{ width: 220 }} />
          </Form.Item>
        )}
        <Space>
          <Button type="primary" loading={saving} onClick={save}>
            保存为新版本
          </Button>
        </Space>
      </Form>
    </div>
  );
}
