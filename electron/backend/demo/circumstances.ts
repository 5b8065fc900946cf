/**
 * A demo person's circumstances: health, disability (category and grade), self-care, labour
 * capacity and employment, each consistent with age and with one another; then the household's
 * income items in integer fen, sized to the household's assistance category.
 */
import type { IncomeItem, PersonInput } from '../../../shared/registry/schemas';
import type { Skeleton } from './families';
import { weighted, type Rng } from './random';

type Health = PersonInput['health'];
type SelfCare = PersonInput['selfCare'];
type Labour = NonNullable<PersonInput['labourCapacity']>;
type Employment = NonNullable<PersonInput['employment']>;

export interface Circumstances {
  health: Health;
  disabilityCategory: string | null;
  disabilityGrade: string | null;
  selfCare: SelfCare;
  labourCapacity: Labour;
  employment: Employment;
}

/** GB/T 26341 category digits, physical disability most common. */
const pickDisabilityCategory = weighted([
  ['4', 40],
  ['1', 12],
  ['2', 14],
  ['3', 3],
  ['5', 11],
  ['6', 13],
  ['7', 7],
]);
const pickGrade = weighted([
  ['1', 15],
  ['2', 25],
  ['3', 30],
  ['4', 30],
]);

function disabilityChance(age: number): number {
  if (age < 18) return 0.02;
  if (age < 60) return 0.045;
  if (age < 80) return 0.08;
  return 0.13;
}

function pickHealth(rng: Rng, age: number, frail: boolean): Health {
  if (frail) return weighted<Health>([['serious', 35], ['chronic', 45], ['healthy', 20]])(rng);
  if (age < 40) return weighted<Health>([['healthy', 93], ['chronic', 6], ['serious', 1]])(rng);
  if (age < 60) return weighted<Health>([['healthy', 72], ['chronic', 22], ['serious', 6]])(rng);
  if (age < 80) return weighted<Health>([['healthy', 48], ['chronic', 42], ['serious', 10]])(rng);
  return weighted<Health>([['healthy', 30], ['chronic', 52], ['serious', 18]])(rng);
}

function pickSelfCare(rng: Rng, age: number, health: Health, grade: string | null): SelfCare {
  let partial = 0;
  let none = 0;
  if (age >= 80) [partial, none] = [0.3, 0.1];
  else if (age >= 60) [partial, none] = [0.1, 0.03];
  if (grade === '1') [partial, none] = [0.4, 0.5];
  else if (grade === '2') [partial, none] = [Math.max(partial, 0.45), Math.max(none, 0.2)];
  else if (grade === '3') partial = Math.max(partial, 0.3);
  if (health === 'serious') [partial, none] = [Math.max(partial, 0.4), Math.max(none, 0.2)];
  if (age < 3) return 'full';
  const x = rng.next();
  if (x < none) return 'none';
  if (x < none + partial) return 'partial';
  return 'full';
}

function retirementAge(sex: Skeleton['sex']): number {
  return sex === 'male' ? 60 : 55;
}

function pickLabour(rng: Rng, p: Skeleton, health: Health, grade: string | null, selfCare: SelfCare): Labour {
  if (p.age < 16) return 'none';
  if (p.age >= retirementAge(p.sex)) return p.age < 70 && health === 'healthy' && !grade && rng.chance(0.4) ? 'partial' : 'none';
  if (selfCare === 'none' || grade === '1' || grade === '2' || health === 'serious') return 'none';
  if (grade === '3' || grade === '4' || selfCare === 'partial') return 'partial';
  if (health === 'chronic') return rng.chance(0.5) ? 'partial' : 'full';
  return 'full';
}

const pickWorkingEmployment = weighted<Employment>([
  ['employed', 28],
  ['flexible', 32],
  ['unemployed-registered', 15],
  ['unemployed', 15],
  ['none', 10],
]);

function pickEmployment(rng: Rng, p: Skeleton, labour: Labour, urban: boolean): Employment {
  if (p.age < 6) return 'preschool';
  if (p.age < 18) return 'student';
  if (p.age <= 22 && rng.chance(0.55)) return 'student';
  if (p.age >= retirementAge(p.sex)) return urban && rng.chance(0.6) ? 'retired' : 'none';
  if (labour === 'none') return 'none';
  const e = pickWorkingEmployment(rng);
  return labour === 'partial' && e === 'employed' ? 'flexible' : e;
}

export function circumstances(rng: Rng, p: Skeleton, urban: boolean): Circumstances {
  const disabled = p.frail ? rng.chance(0.6) : rng.chance(disabilityChance(p.age));
  const disabilityCategory = disabled ? pickDisabilityCategory(rng) : null;
  // Frail single adults are in need because of it: their disabilities are mostly severe.
  const disabilityGrade = disabled ? (p.frail ? weighted([['1', 30], ['2', 35], ['3', 20], ['4', 15]])(rng) : pickGrade(rng)) : null;
  let health = pickHealth(rng, p.age, !!p.frail && !disabled);
  if (disabled && health === 'healthy' && rng.chance(0.4)) health = 'chronic';
  const selfCare = pickSelfCare(rng, p.age, health, disabilityGrade);
  const labourCapacity = pickLabour(rng, p, health, disabilityGrade, selfCare);
  const employment = pickEmployment(rng, p, labourCapacity, urban);
  return { health, disabilityCategory, disabilityGrade, selfCare, labourCapacity, employment };
}

// ---- incomes ----

export type Finance = 'dibao' | 'dibao-edge' | 'tekun' | 'none';

/**
 * Rough per-capita monthly income targets (yuan) for the demo only, so that 低保 households look
 * poorer than 低保边缘 ones. Real standards live in policy-parameter records, never here.
 */
const TARGET_YUAN: Record<Finance, [number, number]> = {
  tekun: [0, 450],
  dibao: [200, 950],
  'dibao-edge': [1050, 1480],
  none: [900, 2600],
};

interface Earner {
  index: number;
  kind: IncomeItem['kind'];
  note: string;
  weight: number;
}

function earnerOf(rng: Rng, p: Skeleton, c: Circumstances, index: number): Earner | null {
  switch (c.employment) {
    case 'employed':
      return { index, kind: 'wage', note: '单位工资', weight: 3 };
    case 'flexible':
      return rng.chance(0.7)
        ? { index, kind: 'wage', note: '打零工收入', weight: 1.5 }
        : { index, kind: 'business', note: '个体经营（摆摊）', weight: 1.5 };
    case 'retired':
      return { index, kind: 'transfer', note: '基本养老金', weight: 2.5 };
    case 'unemployed-registered':
      return rng.chance(0.4) ? { index, kind: 'transfer', note: '失业保险金', weight: 1.2 } : null;
    default:
      return p.age >= 60 ? { index, kind: 'transfer', note: '城乡居民基本养老金', weight: 0.4 } : null;
  }
}

function yuanToFen(yuan: number): number {
  return Math.round(yuan / 10) * 1000;
}

/**
 * Income items per member: the household total is spread over its earners by weight. Where a
 * share is too small for the member's employment status, the status is corrected in `cs`.
 */
export function incomes(rng: Rng, members: Skeleton[], cs: Circumstances[], finance: Finance): IncomeItem[][] {
  const out: IncomeItem[][] = members.map(() => []);
  const earners = members.map((p, i) => earnerOf(rng, p, cs[i]!, i)).filter((e): e is Earner => e !== null);
  const [lo, hi] = TARGET_YUAN[finance];
  const total = rng.int(lo, hi) * members.length;
  if (earners.length === 0) {
    // No one earns: what there is comes from relatives outside the household.
    if (finance !== 'tekun' && total >= 100) out[0]!.push({ kind: 'transfer', monthlyFen: yuanToFen(total), note: '子女赡养费' });
  } else {
    for (const e of earners) e.weight *= 0.7 + rng.next() * 0.6;
    const weights = earners.reduce((s, e) => s + e.weight, 0);
    for (const e of earners) {
      const yuan = (total * e.weight) / weights;
      const c = cs[e.index]!;
      // Too little for a full-time wage or an employee's pension: it is casual work, or the
      // residents' basic pension, and the employment status says so.
      if (c.employment === 'employed' && yuan < 1900) {
        c.employment = 'flexible';
        e.note = '打零工收入';
      } else if (c.employment === 'retired' && yuan < 1300) {
        c.employment = 'none';
        e.note = '城乡居民基本养老金';
      }
      const fen = yuanToFen(yuan);
      if (fen > 0) out[e.index]!.push({ kind: e.kind, monthlyFen: fen, note: e.note });
    }
  }
  // Payments that do not count as income.
  members.forEach((p, i) => {
    const c = cs[i]!;
    if (c.disabilityGrade && finance !== 'none' && finance !== 'tekun') {
      out[i]!.push({ kind: 'excluded', monthlyFen: yuanToFen(rng.int(80, 120)), note: '困难残疾人生活补贴' });
    }
    if (c.disabilityGrade === '1' || c.disabilityGrade === '2') {
      out[i]!.push({ kind: 'excluded', monthlyFen: yuanToFen(rng.int(100, 150)), note: '重度残疾人护理补贴' });
    }
    if (p.age >= 60 && p.relation === '02' && rng.chance(0.08)) {
      out[i]!.push({ kind: 'excluded', monthlyFen: yuanToFen(rng.int(100, 200)), note: '计划生育特别扶助金' });
    }
  });
  return out;
}
