/** Database rows of the registry and their mapping to API shapes. */
import { ageOn, maskIdNumber } from '../../../../shared/id-number';
import { disabilityCardNumber, type AssistanceCategory, type HouseholdStatus } from '../../../../shared/codes';
import type { IncomeItem } from '../../../../shared/registry/schemas';
import type { PersonDetail } from '../../../../shared/registry/types';
import { mergeCategories } from '../../../../shared/assistance/programme-categories';

export interface PersonRow {
  id: string;
  street_code: string;
  household_id: string;
  relation: string;
  name: string;
  name_pinyin: string;
  name_initials: string;
  id_number: string;
  sex: 'male' | 'female';
  birth_date: string;
  ethnicity: string | null;
  marital_status: string | null;
  health: string;
  disability_category: string | null;
  disability_grade: string | null;
  self_care: string;
  labour_capacity: string | null;
  employment: string | null;
  incomes: string;
  phone: string | null;
  notes: string | null;
  died_on: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface HouseholdDbRow {
  id: string;
  street_code: string;
  community_id: string;
  grid_id: string | null;
  address: string;
  hukou_type: string;
  phone: string | null;
  bank_name: string | null;
  bank_account: string | null;
  account_holder: string | null;
  categories: string;
  status: HouseholdStatus;
  notes: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A JSON list of category codes, deduplicated in the code list's order (read with programme-categories' categoriesSql). */
export function parseCategories(json: string): AssistanceCategory[] {
  try {
    const v = JSON.parse(json) as unknown;
    if (!Array.isArray(v)) return [];
    const codes = v.filter((x): x is string => typeof x === 'string');
    return mergeCategories(codes, codes);
  } catch {
    return [];
  }
}

export function parseIncomes(json: string): IncomeItem[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v as IncomeItem[]) : [];
  } catch {
    return [];
  }
}

/** Sum of countable monthly income (every kind but 'excluded'), in fen. */
export function countableMonthlyFen(incomes: IncomeItem[]): number {
  return incomes.filter((i) => i.kind !== 'excluded').reduce((s, i) => s + i.monthlyFen, 0);
}

export function toPersonDetail(r: PersonRow, today: string): PersonDetail {
  const incomes = parseIncomes(r.incomes);
  return {
    id: r.id,
    householdId: r.household_id,
    name: r.name,
    idNumber: r.id_number,
    sex: r.sex,
    birthDate: r.birth_date,
    age: ageOn(r.birth_date, today),
    relation: r.relation,
    ethnicity: r.ethnicity,
    maritalStatus: r.marital_status,
    health: r.health,
    disabilityCategory: r.disability_category,
    disabilityGrade: r.disability_grade,
    disabilityCardNumber: disabilityCardNumber(r.id_number, r.disability_category, r.disability_grade),
    selfCare: r.self_care,
    labourCapacity: r.labour_capacity,
    employment: r.employment,
    incomes,
    monthlyIncomeFen: countableMonthlyFen(incomes),
    phone: r.phone,
    notes: r.notes,
    diedOn: r.died_on,
    updatedAt: r.updated_at,
  };
}

export { maskIdNumber };
