/**
 * The 预警 rules (issue 17), pure: a person's department records and situation in, the warnings to
 * raise out, each with its rule version (the dated parameters in force on the day of the data), its
 * dedupe key (rule + person + what triggered it: the same data never raise twice), the trigger in
 * Chinese with its figures, and a due date in working days. The medical rules are in
 * rules-medical.ts, the income rule (household-wide) in rules-income.ts. Whether a key was already
 * raised is the raising service's to check (services/warnings/raise.ts).
 */
import { labelOf } from '../codes';
import { PROGRAMMES } from '../assistance/codes';
import { IN_FORCE_STATUSES } from '../assistance/programme-categories';
import { addMonths, monthOf } from '../policy/months';
import { isSevereDisability, type SevereDisabilityParams } from '../policy/subsidies';
import { monthText } from '../reports/format';
import { medicalWarnings } from './rules-medical';
import { dedupeKeyOf, ruleParamOn, warningOf, type RuleContext, type WarningToRaise } from './rules-common';
import type { DepartmentRecord, DisabilityFacts } from './types';

export type { RuleContext, WarningToRaise } from './rules-common';

/** An enrolment as the death rule reads it: the person's own (personId) or the household's (null). */
export interface SituationEnrolment {
  programme: string;
  personId: string | null;
  status: string;
  /** First month no longer paid, null while open. */
  endMonth: string | null;
}

/** The person's situation on the raising day, read from the registry, enrolments and batches. */
export interface PersonSituation {
  personId: string;
  householdId: string;
  /** The death the registry records (staff recorded it: the death path has stopped what it stops). */
  diedOn: string | null;
  /** Enrolments of the person and of the household (any status). */
  enrolments: readonly SituationEnrolment[];
  /** The last month with money paid (net of 扣回) to the person's own enrolments / the household's. */
  lastPaidMonth: { own: string | null; household: string | null };
  /** The household's categories: situation tags and programmes in force (e.g. 'dibao-edge'). */
  householdCategories: readonly string[];
}

/** 残联 certificate types as GB/T 26341 category digits (the 重度残疾 parameters use the digits). */
export const DISABILITY_TYPE_DIGITS: Record<DisabilityFacts['type'], string> = {
  visual: '1',
  hearing: '2',
  speech: '3',
  physical: '4',
  intellectual: '5',
  mental: '6',
  multiple: '7',
};
const DISABILITY_TYPE_LABELS: Record<DisabilityFacts['type'], string> = {
  visual: '视力',
  hearing: '听力',
  speech: '言语',
  physical: '肢体',
  intellectual: '智力',
  mental: '精神',
  multiple: '多重',
};
const GRADE_LABELS = ['', '一级', '二级', '三级', '四级'];

export interface PersonRuleInput {
  records: readonly DepartmentRecord[];
  situation: PersonSituation;
  /** 重度残疾 as the dated parameters define it on a day (disability.severeGrades …), null before any. */
  severeOn: (onDate: string) => SevereDisabilityParams | null;
}

export function personWarnings(input: PersonRuleInput, ctx: RuleContext): WarningToRaise[] {
  const { records, situation: s } = input;
  const who = { personId: s.personId, householdId: s.householdId };
  const deaths = records.filter((r) => r.source === 'death');
  // Need-finding rules stop at a death (the registry's or a department's); medical costs stay the household's.
  const dead = s.diedOn !== null || deaths.length > 0;
  return [
    ...medicalWarnings(records, who, ctx),
    ...(dead ? [] : disabilityWarnings(input, ctx)),
    ...(dead ? [] : unemploymentWarnings(records, s, ctx)),
    ...deaths.flatMap((r) => deathWarning(r, s, ctx) ?? []),
  ];
}

/**
 * A new or changed certificate that is 重度 as defined on its date (grade 1–2; grade 3 智力 / 精神).
 * A certificate is its date, type and grade: a new certificate (a new date, or a new grade or type,
 * still 重度) is new data and raises once; the same certificate sent again (in another file, or
 * marked 新办 in one and 变更 in another) never raises twice. Keys raised before the type and grade were
 * part of it (the date only) still count for that date.
 */
function disabilityWarnings(input: PersonRuleInput, ctx: RuleContext): WarningToRaise[] {
  const { situation: s } = input;
  const out: WarningToRaise[] = [];
  for (const r of input.records) {
    if (r.source !== 'disability') continue;
    const f = r.facts as DisabilityFacts;
    if (f.change === 'revoked') continue;
    const p = ruleParamOn(ctx, 'disability-severe', r.startOn);
    const severe = input.severeOn(r.startOn);
    if (!p || !severe) continue;
    if (!isSevereDisability({ disabilityCategory: DISABILITY_TYPE_DIGITS[f.type], disabilityGrade: String(f.grade) }, severe)) continue;
    const what = `${DISABILITY_TYPE_LABELS[f.type]}${GRADE_LABELS[f.grade]}`;
    const summary = `${r.startOn} ${f.change === 'new' ? '新办' : '变更'}残疾证：${what}，属重度残疾`;
    const values = { certificateOn: r.startOn, type: f.type, grade: f.grade, change: f.change };
    if (ctx.existingKeys.has(dedupeKeyOf('disability-severe', s.personId, r.startOn))) continue;
    const w = warningOf(ctx, 'disability-severe', p, s, `${r.startOn}/${f.type}-${f.grade}`, { summary, values }, [r.id]);
    if (out.some((x) => x.dedupeKey === w.dedupeKey)) continue;
    out.push(w);
  }
  return out;
}

/** 失业登记 of a member of a household in 低保边缘, still unemployed on the raising day. */
function unemploymentWarnings(records: readonly DepartmentRecord[], s: PersonSituation, ctx: RuleContext): WarningToRaise[] {
  if (!s.householdCategories.includes('dibao-edge')) return [];
  const out: WarningToRaise[] = [];
  for (const r of records) {
    if (r.source !== 'unemployment' || (r.endOn !== null && r.endOn <= ctx.today)) continue;
    const p = ruleParamOn(ctx, 'unemployment-marginal', r.startOn);
    if (!p) continue;
    const summary = `${r.startOn} 办理失业登记，所在家庭为低保边缘家庭`;
    out.push(warningOf(ctx, 'unemployment-marginal', p, s, r.startOn, { summary, values: { registeredOn: r.startOn, endOn: r.endOn } }, [r.id]));
  }
  return out;
}

const IN_FORCE: readonly string[] = IN_FORCE_STATUSES;

/**
 * A death while enrolled or paid: payment runs through the month of death and stops the month
 * after. Once the registry records the death, the death path has ended the person's own enrolments
 * and listed any 扣回 (a household's programme goes on for the members left): only an own
 * enrolment still running then raises. Before that, any enrolment of the person or the household
 * still running, or money paid for a month after the death, raises.
 */
export function deathWarning(r: DepartmentRecord, s: PersonSituation, ctx: RuleContext): WarningToRaise | null {
  const diedOn = r.startOn;
  const stop = addMonths(monthOf(diedOn), 1);
  const recorded = s.diedOn !== null;
  const running = s.enrolments.filter(
    (e) => IN_FORCE.includes(e.status) && (e.endMonth === null || e.endMonth > stop) && (e.personId === s.personId || (!recorded && e.personId === null)),
  );
  const lastPaid = recorded ? null : [s.lastPaidMonth.own, s.lastPaidMonth.household].filter((m): m is string => m !== null && m >= stop).sort().at(-1) ?? null;
  if (running.length === 0 && lastPaid === null) return null;
  const p = ruleParamOn(ctx, 'death-paid', diedOn);
  if (!p) return null;
  const programmes = [...new Set(running.map((e) => labelOf(PROGRAMMES, e.programme)))];
  const parts = [
    programmes.length > 0 ? `仍在保：${programmes.join('、')}` : null,
    lastPaid ? `已发放至${monthText(lastPaid)}` : null,
    recorded ? null : '本系统尚未登记死亡',
  ].filter(Boolean);
  const summary = `${diedOn} 死亡（部门数据），${parts.join('；')}，应自${monthText(stop)}起停发`;
  const values = { diedOn, stopMonth: stop, programmes: programmes.join('、') || null, lastPaidMonth: lastPaid, registryDiedOn: s.diedOn };
  return warningOf(ctx, 'death-paid', p, s, diedOn, { summary, values }, [r.id]);
}
