/**
 * Plausibility of a member's relation to the 户主 against the birth dates and sexes their ID
 * numbers encode: a 子/女 older than the 户主, a 父母 younger, a 妻 with a man's number. These are
 * warnings the user confirms (families are varied: adoption, remarriage, a grandchild raised as a
 * child), never refusals. The generation gap is a plausibility bound for a question, not a rule
 * of the plan.
 */
import { labelOf, RELATIONS, type RelationCode } from '../codes';
import { ageOn, parseIdNumber, type Sex } from '../id-number';

/** Fewer years than this between a parent's and a child's birth asks a question. */
export const GENERATION_GAP_YEARS = 15;

export interface RelationMember {
  name?: string | null;
  idNumber?: string | null;
  relation?: string | null;
}

/** Generations below (positive) or above (negative) the 户主; null: no age expectation. */
const GENERATIONS: Partial<Record<RelationCode, number>> = {
  '20': 1,
  '30': 1,
  '40': 2,
  '50': -1,
  '51': -1,
  '52': -1,
  '60': -2,
};

const SEXES: Partial<Record<RelationCode, Sex>> = { '11': 'male', '12': 'female', '20': 'male', '30': 'female', '51': 'male', '52': 'female' };

function facts(m: RelationMember): { birthDate: string; sex: Sex } | null {
  if (!m.idNumber) return null;
  const r = parseIdNumber(m.idNumber);
  return r.ok ? { birthDate: r.info.birthDate, sex: r.info.sex } : null;
}

/** One Chinese sentence per implausible member (none when the 户主's ID number is unknown or bad). */
export function relationAgeWarnings(members: readonly RelationMember[]): string[] {
  const head = members.find((m) => m.relation === '02');
  const h = head ? facts(head) : null;
  const out: string[] = [];
  for (const m of members) {
    if (!m.relation || m.relation === '02') continue;
    const f = facts(m);
    if (!f) continue;
    const relation = m.relation as RelationCode;
    const label = labelOf(RELATIONS, relation);
    const who = `“${m.name?.trim() || '未填姓名'}”（${label}，出生于 ${f.birthDate}）`;
    const sex = SEXES[relation];
    if (sex && sex !== f.sex) out.push(`${who}的身份证号码为${f.sex === 'male' ? '男性' : '女性'}，与“${label}”不符`);
    const gen = GENERATIONS[relation];
    if (gen === undefined || !h) continue;
    const need = Math.abs(gen) * GENERATION_GAP_YEARS;
    // Whole years from the elder's birth to the younger's (negative: the order is reversed).
    const gap = gen > 0 ? ageOn(h.birthDate, f.birthDate) : ageOn(f.birthDate, h.birthDate);
    if (gap >= need) continue;
    const headText = `户主（出生于 ${h.birthDate}）`;
    if (gen > 0) out.push(gap < 0 || f.birthDate <= h.birthDate ? `${who}比${headText}年长` : `${who}只比${headText}小 ${gap} 岁`);
    else out.push(gap < 0 || f.birthDate >= h.birthDate ? `${who}比${headText}年轻` : `${who}只比${headText}大 ${gap} 岁`);
  }
  return out;
}
