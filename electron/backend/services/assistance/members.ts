/** A household's living members as the income test sees them, read from the registry. */
import type { IncomeMember } from '../../../../shared/policy';
import type { IncomeKind } from '../../../../shared/codes';
import type { Store } from '../../store/store';

export interface MemberRow {
  id: string;
  name: string;
  id_number: string;
  birth_date: string;
  relation: string;
  employment: string | null;
  incomes: string;
  self_care: string;
  disability_category: string | null;
  disability_grade: string | null;
}

export function householdMembers(store: Store, householdId: string): MemberRow[] {
  return store
    .prepare(
      `SELECT id, name, id_number, birth_date, relation, employment, incomes, self_care, disability_category, disability_grade
         FROM persons WHERE household_id = ? AND deleted_at IS NULL AND died_on IS NULL ORDER BY relation, birth_date`,
    )
    .all(householdId) as MemberRow[];
}

/** 从业状况 the 就业奖励 applies to. */
export const EMPLOYED = new Set(['employed', 'flexible']);

export function toIncomeMember(m: MemberRow, workingAway: ReadonlySet<string>): IncomeMember {
  const incomes = (JSON.parse(m.incomes) as { kind: IncomeKind; monthlyFen: number }[]).map((i) => ({
    kind: i.kind,
    monthlyFen: i.monthlyFen,
  }));
  return { incomes, employed: EMPLOYED.has(m.employment ?? ''), workingAwayOrReturned: workingAway.has(m.id) };
}
