/**
 * Allowances a person is entitled to (work plan 二(四) 应补尽补、按标施补; DOMAIN §1.4, §1.5):
 * orphan and de-facto-unsupported-child allowances for those under 18, the living subsidy for
 * disabled people in the categories the parameters name, and the care subsidy for severe disability
 * as the dated parameters define it (disability.severeGrades, disability.severeGrade3Categories).
 */
import { ageOn } from '../id-number';

export const SUBSIDY_KINDS = [
  { code: 'orphan-allowance', label: '孤儿基本生活费' },
  { code: 'unsupported-child-allowance', label: '事实无人抚养儿童基本生活费' },
  { code: 'disability-living-subsidy', label: '困难残疾人生活补贴' },
  { code: 'severe-disability-care-subsidy', label: '重度残疾人护理补贴' },
] as const;
export type SubsidyKind = (typeof SUBSIDY_KINDS)[number]['code'];

export interface SubsidyPerson {
  birthDate: string;
  isOrphan?: boolean;
  isUnsupportedChild?: boolean;
  /** GB/T 26341 category digit ('1'…'7') and grade ('1'…'4'); both set = holds a disability certificate. */
  disabilityCategory?: string | null;
  disabilityGrade?: string | null;
}

export interface SubsidyHousehold {
  /** Assistance categories of the household (ASSISTANCE_CATEGORIES codes). */
  categories: readonly string[];
}

export interface SubsidyParams {
  /** Household categories whose disabled members receive the living subsidy (default 低保, 低保边缘). */
  disabilityLivingSubsidyCategories: readonly string[];
  severeDisability: SevereDisabilityParams;
}

/** 重度残疾: the grades that are severe whatever the category, and the categories severe at grade 3. */
export interface SevereDisabilityParams {
  /** disability.severeGrades, e.g. ['1', '2']. */
  grades: readonly string[];
  /** disability.severeGrade3Categories, e.g. ['5', '6'] (智力, 精神). */
  grade3Categories: readonly string[];
}

export function holdsDisabilityCertificate(p: Pick<SubsidyPerson, 'disabilityCategory' | 'disabilityGrade'>): boolean {
  return Boolean(p.disabilityCategory && p.disabilityGrade);
}

export function isSevereDisability(p: Pick<SubsidyPerson, 'disabilityCategory' | 'disabilityGrade'>, severe: SevereDisabilityParams): boolean {
  if (!holdsDisabilityCertificate(p)) return false;
  if (severe.grades.includes(p.disabilityGrade!)) return true;
  return p.disabilityGrade === '3' && severe.grade3Categories.includes(p.disabilityCategory!);
}

export function subsidyEntitlements(
  person: SubsidyPerson,
  household: SubsidyHousehold,
  onDate: string,
  params: SubsidyParams,
): SubsidyKind[] {
  const out: SubsidyKind[] = [];
  const minor = ageOn(person.birthDate, onDate) < 18;
  if (minor && person.isOrphan) out.push('orphan-allowance');
  else if (minor && person.isUnsupportedChild) out.push('unsupported-child-allowance');
  if (
    holdsDisabilityCertificate(person) &&
    household.categories.some((c) => params.disabilityLivingSubsidyCategories.includes(c))
  ) {
    out.push('disability-living-subsidy');
  }
  if (isSevereDisability(person, params.severeDisability)) out.push('severe-disability-care-subsidy');
  return out;
}
