/**
 * One truth per household (issue 18): a household's programme categories (低保, 低保边缘, 特困分散 /
 * 集中供养) are read from its enrolments, never stored as tags beside them. Other 救助/关爱类别 are
 * situations the registry records as tags: 独居, 留守, 重度残疾人, and 孤儿 / 事实无人抚养儿童 /
 * 困难残疾人, which are who a person is (the 应补尽补 rule reads them to find who is owed an allowance
 * or subsidy), not the allowance enrolment itself.
 */
import { ASSISTANCE_CATEGORIES, type AssistanceCategory } from '../codes';
import type { EnrolmentStatus, Programme } from './codes';

/** Categories that are programmes: the category code is the programme code. */
export const PROGRAMME_CATEGORIES = ['dibao', 'dibao-edge', 'tekun-home', 'tekun-institution'] as const satisfies readonly (AssistanceCategory & Programme)[];
export type ProgrammeCategory = (typeof PROGRAMME_CATEGORIES)[number];

/**
 * 在保: the enrolment is in force. 暂停发放 counts (the household stays enrolled while its payment is
 * held for a review); an application not yet approved, an exit and a rejection do not.
 */
export const IN_FORCE_STATUSES = ['active', 'gradual-exit', 'suspended'] as const satisfies readonly EnrolmentStatus[];

export function isProgrammeCategory(c: string): c is ProgrammeCategory {
  return (PROGRAMME_CATEGORIES as readonly string[]).includes(c);
}

/** The situation tags of a list (programme codes dropped). */
export function situationTags<T extends string>(categories: readonly T[]): T[] {
  return categories.filter((c) => !isProgrammeCategory(c));
}

const ORDER = new Map(ASSISTANCE_CATEGORIES.map((c, i) => [c.code as string, i]));

/** Situation tags and in-force programmes as one list, in the code list's order. */
export function mergeCategories(tags: readonly string[], programmes: readonly string[]): AssistanceCategory[] {
  const all = new Set<string>([...situationTags(tags), ...programmes.filter(isProgrammeCategory)]);
  return [...all].filter((c) => ORDER.has(c)).sort((a, b) => ORDER.get(a)! - ORDER.get(b)!) as AssistanceCategory[];
}
