/**
 * Checks a new version of the screening and ledger policy (`screening.cadence`,
 * `ledger.urgencyLimits`, `calendar.holidays`) and says what is wrong in Chinese, naming the
 * field: the same check runs in the editor before saving and in the backend before writing.
 */
import type { z } from 'zod';
import { HolidayCalendarSchema, UrgencyLimitsSchema, type HolidayCalendar } from '../ledger/deadlines';
import { isWeekend } from '../time/calendar-days';
import { CadencePolicySchema, SCREENING_GROUPS, type CadencePolicy } from './cadence';

export const SCREENING_POLICY_KEYS = ['screening.cadence', 'ledger.urgencyLimits', 'calendar.holidays'] as const;
export type ScreeningPolicyKey = (typeof SCREENING_POLICY_KEYS)[number];

export const LIMIT_FIELDS = [
  { path: ['1', 'verify'], label: '一级（急难）开始核查时限' },
  { path: ['1', 'complete'], label: '一级（急难）办结时限' },
  { path: ['2', 'verify'], label: '二级开始核查时限' },
  { path: ['2', 'complete'], label: '二级办结时限' },
  { path: ['immediateVerify'], label: '立即核查线索的核查时限' },
  { path: ['referralFollowUp'], label: '转介后催办时限' },
] as const;

export type PolicyCheck = { ok: true; value: unknown } | { ok: false; field: string; message: string };

function fieldLabel(key: ScreeningPolicyKey, path: readonly PropertyKey[], value: unknown): string {
  const p = path.map(String);
  if (key === 'screening.cadence') {
    if (p[0] === 'elderlyAge') return '老年人年龄起点';
    if (p[0] === 'childAgeBelow') return '未成年人年龄上限';
    if (p[0] === 'rules' && p[1] !== undefined) {
      const rule = (value as CadencePolicy | undefined)?.rules?.[Number(p[1])];
      const group = SCREENING_GROUPS.find((g) => g.code === rule?.group)?.label ?? `第${Number(p[1]) + 1}条`;
      return p[2] === 'group' ? `第${Number(p[1]) + 1}条规则的群体` : `${group}的排查频次`;
    }
    return '排查频次规则';
  }
  if (key === 'ledger.urgencyLimits') {
    const f = LIMIT_FIELDS.find((l) => l.path.every((s, i) => p[i] === s));
    if (!f) return '处置时限';
    const rest = p[f.path.length];
    return rest === 'unit' ? `${f.label}的单位` : rest === 'amount' ? `${f.label}的数值` : f.label;
  }
  const list = p[0] === 'workdays' ? '调休上班日' : '法定节假日';
  return p[1] !== undefined ? `${list}第${Number(p[1]) + 1}个日期` : list;
}

function zodFailure(key: ScreeningPolicyKey, error: z.ZodError, value: unknown): PolicyCheck {
  const issue = error.issues[0]!;
  const label = fieldLabel(key, issue.path, value);
  let why = '取值无效';
  if (issue.code === 'too_small') why = `不能小于${String(issue.minimum)}`;
  else if (issue.code === 'too_big') why = `不能大于${String(issue.maximum)}`;
  else if (issue.code === 'invalid_format') why = '应为 YYYY-MM-DD 格式的日期';
  else if (issue.code === 'invalid_type') why = '缺失或类型错误';
  // A rule's own Chinese message (e.g. one cadence per group) follows the field's name.
  else if (issue.code === 'custom' && /[\u4e00-\u9fff]/.test(issue.message)) why = `：${issue.message}`;
  return { ok: false, field: ['value', ...issue.path.map(String)].join('.'), message: `${label}${why}` };
}

function realDate(d: string): boolean {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
}

export function checkPolicyValue(key: ScreeningPolicyKey, value: unknown): PolicyCheck {
  if (key === 'screening.cadence') {
    const r = CadencePolicySchema.safeParse(value);
    if (!r.success) return zodFailure(key, r.error, value);
    if (r.data.childAgeBelow > r.data.elderlyAge) {
      return { ok: false, field: 'value.childAgeBelow', message: '未成年人年龄上限不能大于老年人年龄起点' };
    }
    if (!r.data.rules.some((x) => x.group === 'covered')) {
      return { ok: false, field: 'value.rules', message: '全覆盖（在册家庭成员）必须设置排查频次：在册家庭至少每月排查一次' };
    }
    return { ok: true, value: r.data };
  }
  if (key === 'ledger.urgencyLimits') {
    const r = UrgencyLimitsSchema.safeParse(value);
    if (!r.success) return zodFailure(key, r.error, value);
    return { ok: true, value: r.data };
  }
  const r = HolidayCalendarSchema.safeParse(value);
  if (!r.success) return zodFailure(key, r.error, value);
  const cal: HolidayCalendar = r.data;
  for (const [list, label] of [['holidays', '法定节假日'], ['workdays', '调休上班日']] as const) {
    for (const [i, d] of cal[list].entries()) {
      if (!realDate(d)) return { ok: false, field: `value.${list}.${i}`, message: `${label}第${i + 1}个日期 ${d} 不是有效日期` };
    }
  }
  const holidays = new Set(cal.holidays);
  for (const [i, d] of cal.workdays.entries()) {
    if (holidays.has(d)) return { ok: false, field: `value.workdays.${i}`, message: `调休上班日 ${d} 同时登记为法定节假日` };
    if (!isWeekend(d)) return { ok: false, field: `value.workdays.${i}`, message: `调休上班日 ${d} 不是周末：只有周六、周日需要登记为调休上班` };
  }
  // Stored sorted and without repeats.
  return { ok: true, value: { holidays: [...holidays].sort(), workdays: [...new Set(cal.workdays)].sort() } };
}
