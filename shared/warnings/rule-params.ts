/**
 * The warning rules' dated parameters (issue 17): one JSON policy param per rule, `warnings.<rule>`
 * (declared in shared/policy/catalog.ts, defaults with their source in shared/policy/defaults.ts).
 * Each carries the working days the street has to dispose of the warning; the medical rules their
 * threshold (fen), window (months) or rise (percent). The version of a rule is the effective date
 * of the record in force on the day of the data that triggered it.
 */
import { z } from 'zod';
import { yuan } from '../care/format';
import type { WarningRule } from './types';

const fen = z.number().int().min(0).max(100_000_000);
const dueWorkingDays = z.number().int().min(1).max(60);
const windowMonths = z.number().int().min(2).max(36);

export const WARNING_RULE_PARAM_SCHEMAS = {
  'medical-month': z.strictObject({ thresholdFen: fen, dueWorkingDays }),
  'medical-year': z.strictObject({ thresholdFen: fen, windowMonths, dueWorkingDays }),
  /**
   * A month at least `risePercent` above the average of the `windowMonths` months before it; the
   * month itself must reach `minMonthFen` (small sums are no rise), and the person must have data
   * in the window (the first file is no rise).
   */
  'medical-rise': z.strictObject({ risePercent: z.number().int().min(1).max(1000), windowMonths, minMonthFen: fen, dueWorkingDays }),
  'disability-severe': z.strictObject({ dueWorkingDays }),
  'unemployment-marginal': z.strictObject({ dueWorkingDays }),
  'death-paid': z.strictObject({ dueWorkingDays }),
  'income-over-line': z.strictObject({ dueWorkingDays }),
} as const satisfies Record<WarningRule, z.ZodTypeAny>;

export type WarningRuleParams = { [R in WarningRule]: z.output<(typeof WARNING_RULE_PARAM_SCHEMAS)[R]> };

export function warningParamKey(rule: WarningRule): string {
  return `warnings.${rule}`;
}

/** A rule's dated param records, oldest or newest first (the one in force is picked by date). */
export interface DatedRuleParam<R extends WarningRule = WarningRule> {
  effectiveFrom: string;
  value: WarningRuleParams[R];
}

export type RuleParamHistory = { [R in WarningRule]?: readonly DatedRuleParam<R>[] };

type FieldKey = 'thresholdFen' | 'minMonthFen' | 'windowMonths' | 'risePercent' | 'dueWorkingDays';

/** The fields of the rule values as people read and edit them (money in 元, kept in fen). */
export const WARNING_PARAM_FIELDS: readonly { key: FieldKey; label: string; unit: '元' | '个月' | '%' | '个工作日' }[] = [
  { key: 'thresholdFen', label: '金额线（达到即预警）', unit: '元' },
  { key: 'windowMonths', label: '统计月数', unit: '个月' },
  { key: 'risePercent', label: '比前期月均上升', unit: '%' },
  { key: 'minMonthFen', label: '当月自付起算金额', unit: '元' },
  { key: 'dueWorkingDays', label: '处置时限', unit: '个工作日' },
];

export function isWarningParamKey(key: string): boolean {
  return key.startsWith('warnings.');
}

/** A rule's value in one line, e.g. "金额线（达到即预警）5,000.00 元；处置时限 10 个工作日". */
export function warningParamText(value: Partial<Record<FieldKey, number>>): string {
  return WARNING_PARAM_FIELDS.filter((f) => typeof value[f.key] === 'number')
    .map((f) => `${f.label} ${f.unit === '元' ? yuan(value[f.key]!) : f.unit === '%' ? `${value[f.key]!}%` : `${value[f.key]!} ${f.unit}`}`)
    .join('；');
}
