/**
 * A 预警 rule's dated value (policy `warnings.<rule>`, issue 17) on the 政策参数 screen: the rule's own
 * figures, each a labelled number (money in 元, kept in fen); the fields are those the value has.
 */
import { InputNumber, Space } from 'antd';
import { WARNING_PARAM_FIELDS } from '../../../../shared/warnings/rule-params';

type Value = Record<string, number>;

export function WarningRuleInput({ value, onChange }: { value?: Value; onChange?: (v: Value) => void }) {
  const v = value ?? { dueWorkingDays: 10 };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="param-value">
      {WARNING_PARAM_FIELDS.filter((f) => typeof v[f.key] === 'number').map((f) => (
        <InputNumber
          key={f.key}
          aria-label={f.label}
          addonBefore={f.label}
          addonAfter={f.unit}
          min={f.key === 'dueWorkingDays' || f.key === 'risePercent' ? 1 : 0}
          precision={f.unit === '元' ? 2 : 0}
          style={{ width: '100%' }}
          value={f.unit === '元' ? v[f.key]! / 100 : v[f.key]}
          onChange={(n) => onChange?.({ ...v, [f.key]: f.unit === '元' ? Math.round((n ?? 0) * 100) : (n ?? 0) })}
        />
      ))}
    </Space>
  );
}
