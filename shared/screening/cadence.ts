/**
 * Screening cadence (work plan 二(一)): 月排查 of everyone covered, 周排查 of 一老一小, 日排查 of
 * special groups. Which group gets which cadence, and the age limits, are effective-dated policy
 * data (`screening.cadence`); these rules only apply them. A person in several groups takes the
 * tightest cadence; a household is due when any member is, so it takes its tightest member's.
 */
import { z } from 'zod';
import { addDays, addMonths, daysBetween, weekStart } from '../time/calendar-days';
import { isSevereDisability, type SevereDisabilityParams } from '../policy/subsidies';

export const CADENCES = [
  { code: 'daily', label: '日排查' },
  { code: 'weekly', label: '周排查' },
  { code: 'monthly', label: '月排查' },
] as const;
export type Cadence = (typeof CADENCES)[number]['code'];

/** Tightness order: a lower rank is visited more often. */
const RANK: Record<Cadence, number> = { daily: 0, weekly: 1, monthly: 2 };

export function tighter(a: Cadence, b: Cadence): Cadence {
  return RANK[a] <= RANK[b] ? a : b;
}

export function tightest(cadences: Iterable<Cadence>): Cadence | null {
  let best: Cadence | null = null;
  for (const c of cadences) best = best === null ? c : tighter(best, c);
  return best;
}

/** The screening groups a person can belong to; the policy maps each to a cadence. */
export const SCREENING_GROUPS = [
  { code: 'covered', label: '全覆盖（在册家庭成员）' },
  { code: 'elderly', label: '老年人' },
  { code: 'child', label: '未成年人' },
  { code: 'lonely-elderly', label: '独居/空巢/失能老人' },
  { code: 'disabled-care', label: '失能/半失能人员' },
  { code: 'seriously-ill', label: '重病患者' },
  { code: 'severe-disabled', label: '重度残疾人' },
  { code: 'unsupported-child', label: '孤儿/事实无人抚养儿童' },
  { code: 'tekun-home', label: '分散供养特困人员' },
  { code: 'left-behind', label: '留守儿童/妇女/老年人' },
] as const;
export type ScreeningGroup = (typeof SCREENING_GROUPS)[number]['code'];
const GROUP_CODES = SCREENING_GROUPS.map((g) => g.code) as [ScreeningGroup, ...ScreeningGroup[]];

/** Value schema of the policy parameter `screening.cadence`. */
export const CadencePolicySchema = z.strictObject({
  /** Aged this or more counts as 老 (一老). */
  elderlyAge: z.number().int().min(40).max(100),
  /** Younger than this counts as 小 (一小). */
  childAgeBelow: z.number().int().min(1).max(25),
  rules: z
    .array(z.strictObject({ group: z.enum(GROUP_CODES), cadence: z.enum(['daily', 'weekly', 'monthly']) }))
    .max(GROUP_CODES.length)
    .refine((rs) => new Set(rs.map((r) => r.group)).size === rs.length, { message: '每个群体只能设置一种排查频次' }),
});
export type CadencePolicy = z.output<typeof CadencePolicySchema>;

/** What the rules need to know about a person on a date. */
export interface PersonFacts {
  age: number;
  health: string;
  selfCare: string;
  disabilityCategory: string | null;
  disabilityGrade: string | null;
  sex?: 'male' | 'female';
  /**
   * The person has an open 留守 record (shared/left-behind): only the person concerned is in the
   * 留守 group, never a household by its 留守 tag (a 留守妇女 tag used to put its men in it).
   */
  leftBehind?: boolean;
  /** Assistance categories of the person's household. */
  householdCategories: readonly string[];
}

/** 重度残疾 as the dated parameters define it on the day (the subsidies' rule, one place). */
function severe(p: PersonFacts, def: SevereDisabilityParams): boolean {
  return isSevereDisability(p, def);
}

export function personGroups(p: PersonFacts, policy: CadencePolicy, def: SevereDisabilityParams): ScreeningGroup[] {
  const cats = new Set(p.householdCategories);
  const elderly = p.age >= policy.elderlyAge;
  const child = p.age < policy.childAgeBelow;
  const groups: ScreeningGroup[] = ['covered'];
  if (elderly) groups.push('elderly');
  if (child) groups.push('child');
  if (elderly && (cats.has('lonely-elderly') || p.selfCare !== 'full')) groups.push('lonely-elderly');
  if (p.selfCare === 'partial' || p.selfCare === 'none') groups.push('disabled-care');
  if (p.health === 'serious') groups.push('seriously-ill');
  if (severe(p, def) || cats.has('severe-disabled')) groups.push('severe-disabled');
  if (child && (cats.has('orphan') || cats.has('unsupported-child'))) groups.push('unsupported-child');
  if (cats.has('tekun-home')) groups.push('tekun-home');
  if (p.leftBehind === true) groups.push('left-behind');
  return groups;
}

export interface CadenceDecision {
  cadence: Cadence | null;
  /** The groups that set the cadence (those whose rule is the tightest). */
  because: ScreeningGroup[];
}

/** A person's cadence: the tightest rule among the groups they belong to (null: not screened). */
export function personCadence(p: PersonFacts, policy: CadencePolicy, def: SevereDisabilityParams): CadenceDecision {
  const byGroup = new Map(policy.rules.map((r) => [r.group, r.cadence]));
  const matched = personGroups(p, policy, def).filter((g) => byGroup.has(g));
  const cadence = tightest(matched.map((g) => byGroup.get(g)!));
  return { cadence, because: cadence ? matched.filter((g) => byGroup.get(g) === cadence) : [] };
}

/** A household's cadence: the tightest of its members'; due when any member is. */
export function householdCadence(members: readonly PersonFacts[], policy: CadencePolicy, def: SevereDisabilityParams): CadenceDecision {
  const decisions = members.map((m) => personCadence(m, policy, def));
  const cadence = tightest(decisions.flatMap((d) => (d.cadence ? [d.cadence] : [])));
  const because = new Set<ScreeningGroup>();
  for (const d of decisions) if (d.cadence === cadence) d.because.forEach((g) => because.add(g));
  return { cadence, because: [...because] };
}

/**
 * The date by which the next visit is due: one interval (a day, a week, a calendar month) after
 * the last visit; a household never visited is due from the day it came under screening.
 */
export function nextDueOn(cadence: Cadence, lastVisitOn: string | null, coveredSince: string): string {
  if (!lastVisitOn) return coveredSince;
  if (cadence === 'daily') return addDays(lastVisitOn, 1);
  if (cadence === 'weekly') return addDays(lastVisitOn, 7);
  return addMonths(lastVisitOn, 1);
}

export type DueState = 'overdue' | 'today' | 'week' | 'later';

/** Where a household stands on a date: overdue (due date passed), due today, due later this week, later. */
export function dueState(dueOn: string, today: string): DueState {
  if (dueOn < today) return 'overdue';
  if (dueOn === today) return 'today';
  if (dueOn <= addDays(weekStart(today), 6)) return 'week';
  return 'later';
}

export function daysOverdue(dueOn: string, today: string): number {
  return Math.max(0, daysBetween(dueOn, today));
}

const BY_RANK: Cadence[] = ['daily', 'weekly', 'monthly'];

/**
 * A fast form of `personCadence` for whole-street lists: the policy compiled once, one call per
 * person with no allocation. Returns the cadence rank (0 daily, 1 weekly, 2 monthly; 9 none); it
 * agrees with `personCadence` (a test checks it on every combination).
 */
export function compileCadence(policy: CadencePolicy, def: SevereDisabilityParams): (p: PersonFacts, cats: ReadonlySet<string>) => number {
  const byGroup = new Map(policy.rules.map((r) => [r.group, RANK[r.cadence]]));
  const r = (g: ScreeningGroup) => byGroup.get(g) ?? 9;
  const [covered, elderlyR, childR, lonely, care, ill, severeR, unsupported, tekun, leftBehind] = [
    r('covered'), r('elderly'), r('child'), r('lonely-elderly'), r('disabled-care'), r('seriously-ill'),
    r('severe-disabled'), r('unsupported-child'), r('tekun-home'), r('left-behind'),
  ];
  return (p, cats) => {
    const elderly = p.age >= policy.elderlyAge;
    const child = p.age < policy.childAgeBelow;
    let best = covered;
    if (elderly && elderlyR < best) best = elderlyR;
    if (child && childR < best) best = childR;
    if (lonely < best && elderly && (cats.has('lonely-elderly') || p.selfCare !== 'full')) best = lonely;
    if (care < best && (p.selfCare === 'partial' || p.selfCare === 'none')) best = care;
    if (ill < best && p.health === 'serious') best = ill;
    if (severeR < best && (severe(p, def) || cats.has('severe-disabled'))) best = severeR;
    if (unsupported < best && child && (cats.has('orphan') || cats.has('unsupported-child'))) best = unsupported;
    if (tekun < best && cats.has('tekun-home')) best = tekun;
    if (leftBehind < best && p.leftBehind === true) best = leftBehind;
    return best;
  };
}

export function cadenceOfRank(rank: number): Cadence | null {
  return BY_RANK[rank] ?? null;
}
