/**
 * The kinds' definitions as rules (work plan 二(四); figures are dated policy params leftBehind.*):
 * 留守儿童: under the age limit, both parents away, or one away and the other unable to care;
 * 留守妇女: her spouse away for at least the set months; 留守老年人: of age, the children all away,
 * living alone or with the spouse. Only the person concerned is judged, never the household.
 */
import { ageOn } from '../id-number';
import { addMonths } from '../time/calendar-days';
import { LEFT_BEHIND_REASONS, type LeftBehindDetails, type LeftBehindKind, type LeftBehindParams } from './types';

export interface PersonBasics {
  sex: 'male' | 'female';
  birthDate: string;
}

export interface RuleProblem {
  field: string;
  message: string;
}

/** The day a child reaches the age limit (the record no longer holds from then). */
export function ageOutOn(birthDate: string, ageBelow: number): string {
  // Born 02-29: the birthday falls on 02-28 in a common year (addMonths clamps).
  return addMonths(birthDate, ageBelow * 12);
}

/** The last day a record updated on `lastUpdatedOn` is current; from the day after it is stale. */
export function updateDueOn(lastUpdatedOn: string, cadenceMonths: number): string {
  return addMonths(lastUpdatedOn, cadenceMonths);
}

export function isStale(lastUpdatedOn: string, cadenceMonths: number, today: string): boolean {
  return today > updateDueOn(lastUpdatedOn, cadenceMonths);
}

/** Why the person is not (or no longer) of the kind on `onDate`, or null when the rule holds. */
export function eligibilityProblem(
  kind: LeftBehindKind,
  person: PersonBasics,
  d: LeftBehindDetails,
  onDate: string,
  p: LeftBehindParams,
): RuleProblem | null {
  const reason = LEFT_BEHIND_REASONS.find((r) => r.code === d.reason)!;
  if (reason.kind !== kind) return { field: 'reason', message: `留守原因“${reason.label}”不属于所选的留守类别` };
  for (const [i, m] of d.away.entries()) {
    if (m.since > onDate) return { field: `away.${i}.since`, message: `外出家人${m.name}的外出时间不能晚于${onDate}` };
  }
  const age = ageOn(person.birthDate, onDate);
  const away = (rel: string) => d.away.some((m) => m.relation === rel);
  if (kind === 'child') {
    if (age >= p.childAgeBelow) return { field: 'personId', message: `留守儿童应未满${p.childAgeBelow}周岁，该人员已满${age}周岁` };
    if (d.reason === 'both-parents-away' && !(away('father') && away('mother'))) {
      return { field: 'away', message: '“父母双方外出务工”须在外出家人中登记父亲和母亲' };
    }
    if (d.reason === 'one-parent-away-other-unable') {
      if (!away('father') && !away('mother')) return { field: 'away', message: '外出家人中须登记外出的父亲或母亲' };
      if (!d.reasonNote) return { field: 'reasonNote', message: '请在原因说明中写明另一方无监护能力的情况' };
    }
    if (!d.guardianName) return { field: 'guardianName', message: '留守儿童须登记监护人（委托照护人）姓名' };
    if (!d.guardianPhone) return { field: 'guardianPhone', message: '留守儿童须登记监护人联系电话' };
    return null;
  }
  if (kind === 'woman') {
    if (person.sex !== 'female') return { field: 'personId', message: '留守妇女只能为女性本人建档' };
    if (age < p.womanAgeFrom) return { field: 'personId', message: `留守妇女应年满${p.womanAgeFrom}周岁，该人员${age}周岁` };
    const spouse = d.away.filter((m) => m.relation === 'spouse');
    if (spouse.length === 0) return { field: 'away', message: '外出家人中须登记外出务工的丈夫' };
    const limit = addMonths(onDate, -p.spouseAwayMonths);
    if (!spouse.some((m) => m.since <= limit)) {
      return { field: 'away', message: `丈夫外出须满${p.spouseAwayMonths}个月（外出时间不晚于${limit}）` };
    }
    return null;
  }
  if (age < p.elderlyAgeFrom) return { field: 'personId', message: `留守老年人应年满${p.elderlyAgeFrom}周岁，该人员${age}周岁` };
  if (!away('son') && !away('daughter')) return { field: 'away', message: '外出家人中须登记外出的子女' };
  if (!d.livingArrangement) return { field: 'livingArrangement', message: '留守老年人须登记居住情况：独自居住或与配偶共同居住' };
  return null;
}
