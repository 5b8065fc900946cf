/**
 * The district's lagging lines (policy `reports.laggingLines`, issue 15) on the 政策参数 screen: read
 * as a sentence, edited as four figures (shares in %, kept in basis points).
 */
import { InputNumber, Space } from 'antd';
import { percentText } from '../../../../shared/reports/format';
import { LAGGING_LINES_KEY, type LaggingLines } from '../../../../shared/reports/lagging';

export { LAGGING_LINES_KEY };

export function laggingLinesText(v: LaggingLines): string {
  return `排查覆盖率低于${percentText(v.coverageMinBp)}、超期问题多于${v.overdueItemsMax}件、24小时审批率低于${percentText(v.urgentWithin24hMinBp)}、“四有”落实率低于${percentText(v.careFourHasMinBp)}为落后`;
}

const SHARES: { key: Exclude<keyof LaggingLines, 'overdueItemsMax'>; label: string }[] = [
  { key: 'coverageMinBp', label: '排查覆盖率不低于' },
  { key: 'urgentWithin24hMinBp', label: '24小时内审批率不低于' },
  { key: 'careFourHasMinBp', label: '“四有”落实率不低于' },
];

export function LaggingLinesInput({ value, onChange }: { value?: LaggingLines; onChange?: (v: LaggingLines) => void }) {
  const v = value ?? { coverageMinBp: 10000, overdueItemsMax: 0, urgentWithin24hMinBp: 10000, careFourHasMinBp: 10000 };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="param-value">
      {SHARES.map((s) => (
        <InputNumber
          key={s.key}
          aria-label={s.label}
          addonBefore={s.label}
          addonAfter="%"
          min={0}
          max={100}
          precision={2}
          style={{ width: '100%' }}
          value={v[s.key] / 100}
          onChange={(n) => onChange?.({ ...v, [s.key]: Math.round((n ?? 0) * 100) })}
        />
      ))}
      <InputNumber
        aria-label="超期未办结问题不多于"
        addonBefore="超期未办结问题不多于"
        addonAfter="件"
        min={0}
        precision={0}
        style={{ width: '100%' }}
        value={v.overdueItemsMax}
        onChange={(n) => onChange?.({ ...v, overdueItemsMax: n ?? 0 })}
      />
    </Space>
  );
}
