/**
 * The 医疗自付 rules (医保 data): a month at or above an amount (medical-month), the months of a
 * window at or above an amount (medical-year), a month at least a percentage above the average of
 * the window's months before it (medical-rise). A record counts in the month it starts; one file's
 * rows of a month are summed, and when two files cover the same month the larger sum stands (a
 * corrected file is not added to the first). Each month is judged by the parameters in force on its
 * last day. Pure.
 */
import { yuan } from '../care/format';
import { addMonths, monthOf, monthsBetween } from '../policy/months';
import { addDays } from '../time/calendar-days';
import { monthText } from '../reports/format';
import { dedupeKeyOf, ruleParamOn, warningOf, type RuleContext, type WarningToRaise } from './rules-common';
import type { DepartmentRecord, MedicalFacts } from './types';

interface MonthCosts {
  selfPaidFen: number;
  totalFen: number;
  recordIds: string[];
}

type Who = { personId: string; householdId: string };

/** The last day of a month 'YYYY-MM'. */
export function monthEnd(month: string): string {
  return addDays(`${addMonths(month, 1)}-01`, -1);
}

/** Each month's costs: summed within a file, the larger file's when two cover the month. */
export function monthlyCosts(records: readonly DepartmentRecord[]): Map<string, MonthCosts> {
  const perFile = new Map<string, MonthCosts & { month: string }>();
  for (const r of records) {
    if (r.source !== 'medical') continue;
    const facts = r.facts as MedicalFacts;
    const month = monthOf(r.startOn);
    const key = `${r.importId ?? ''}|${month}`;
    const c = perFile.get(key) ?? { month, selfPaidFen: 0, totalFen: 0, recordIds: [] };
    c.selfPaidFen += facts.selfPaidFen;
    c.totalFen += facts.totalFen;
    c.recordIds.push(r.id);
    perFile.set(key, c);
  }
  const out = new Map<string, MonthCosts>();
  for (const { month, ...c } of perFile.values()) {
    const had = out.get(month);
    if (!had || c.selfPaidFen > had.selfPaidFen) out.set(month, c);
  }
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * The words of the month rules: the datum (a month's self-paid cost) and each rule's finding, so that
 * a month that raises both says its datum once (say-once.ts) in the same words as each warning alone.
 */
export const medicalDatum = (v: { month: string; selfPaidFen: number }) => `${monthText(v.month)}医疗自付 ${yuan(v.selfPaidFen)}`;
export const monthFinding = (v: { thresholdFen: number }) => `达到 ${yuan(v.thresholdFen)}`;
export const riseFinding = (v: { averageFen: number; windowMonths: number; risePercent: number | null; thresholdPercent: number }) =>
  `前${v.windowMonths}个月月均 ${yuan(v.averageFen)}，${v.risePercent === null ? '此前无自付费用' : `上升 ${v.risePercent}%`}，达到上升 ${v.thresholdPercent}% 的预警线`;

export function medicalWarnings(records: readonly DepartmentRecord[], who: Who, ctx: RuleContext): WarningToRaise[] {
  const months = monthlyCosts(records);
  if (months.size === 0) return [];
  return [...medicalMonth(months, who, ctx), ...medicalYear(months, who, ctx), ...medicalRise(months, who, ctx)];
}

function medicalMonth(months: Map<string, MonthCosts>, who: Who, ctx: RuleContext): WarningToRaise[] {
  const out: WarningToRaise[] = [];
  for (const [month, c] of months) {
    const p = ruleParamOn(ctx, 'medical-month', monthEnd(month));
    if (!p || c.selfPaidFen < p.value.thresholdFen) continue;
    const values = { month, selfPaidFen: c.selfPaidFen, totalFen: c.totalFen, thresholdFen: p.value.thresholdFen };
    const summary = `${medicalDatum(values)}，${monthFinding(values)}`;
    out.push(warningOf(ctx, 'medical-month', p, who, month, { summary, values }, c.recordIds));
  }
  return out;
}

/**
 * A window's total at or above the amount raises once, named by the window's last month; a later
 * month within the same window of a warning already raised (or raised now) raises nothing more.
 */
function medicalYear(months: Map<string, MonthCosts>, who: Who, ctx: RuleContext): WarningToRaise[] {
  const out: WarningToRaise[] = [];
  const prefix = dedupeKeyOf('medical-year', who.personId, '');
  const raised = [...ctx.existingKeys].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  for (const month of months.keys()) {
    const p = ruleParamOn(ctx, 'medical-year', monthEnd(month));
    if (!p) continue;
    const w = p.value.windowMonths;
    const first = addMonths(month, 1 - w);
    const inWindow = [...months.entries()].filter(([m]) => m >= first && m <= month);
    const sum = inWindow.reduce((s, [, c]) => s + c.selfPaidFen, 0);
    if (sum < p.value.thresholdFen) continue;
    if (raised.some((k) => Math.abs(monthsBetween(k, month)) < w)) continue;
    raised.push(month);
    const summary = `${monthText(first)}至${monthText(month)}（${w}个月）医疗自付累计 ${yuan(sum)}，达到 ${yuan(p.value.thresholdFen)}`;
    const values = { fromMonth: first, toMonth: month, windowMonths: w, selfPaidFen: sum, thresholdFen: p.value.thresholdFen };
    out.push(warningOf(ctx, 'medical-year', p, who, month, { summary, values }, inWindow.flatMap(([, c]) => c.recordIds)));
  }
  return out;
}

/**
 * month × 100 × window ≥ (sum of the window's months before it) × (100 + percent): the month is at
 * least the percentage above their average, in integers (no rounding at the edge).
 */
function medicalRise(months: Map<string, MonthCosts>, who: Who, ctx: RuleContext): WarningToRaise[] {
  const out: WarningToRaise[] = [];
  for (const [month, c] of months) {
    const p = ruleParamOn(ctx, 'medical-rise', monthEnd(month));
    if (!p || c.selfPaidFen < p.value.minMonthFen) continue;
    const w = p.value.windowMonths;
    const first = addMonths(month, -w);
    const before = [...months.entries()].filter(([m]) => m >= first && m < month);
    if (before.length === 0) continue; // no history: a first file shows no rise
    const sum = before.reduce((s, [, b]) => s + b.selfPaidFen, 0);
    if (c.selfPaidFen * 100 * w < sum * (100 + p.value.risePercent)) continue;
    const averageFen = Math.round(sum / w);
    const rise = sum === 0 ? null : Math.floor(((c.selfPaidFen * w - sum) * 100) / sum);
    const values = { month, selfPaidFen: c.selfPaidFen, averageFen, windowMonths: w, risePercent: rise, thresholdPercent: p.value.risePercent };
    const summary = `${medicalDatum(values)}，${riseFinding(values)}`;
    out.push(warningOf(ctx, 'medical-rise', p, who, month, { summary, values }, [...before.flatMap(([, b]) => b.recordIds), ...c.recordIds]));
  }
  return out;
}
