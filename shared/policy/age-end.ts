/**
 * End of a child's allowance by age (孤儿基本生活费, 事实无人抚养儿童基本生活补贴): paid up to and
 * including the month in which the child reaches the age limit, and no longer from the month after
 * (年满18周岁的次月停发). The limit is a dated parameter (`allowance.childAgeLimit`).
 */
import { addMonths, monthOf } from './months';

export const CHILD_ALLOWANCES = ['orphan-allowance', 'unsupported-child-allowance'] as const;

/** The first month no longer paid: the month after the birthday of `ageLimit`. */
export function childAllowanceStopMonth(birthDate: string, ageLimit: number): string {
  const birthday = `${Number(birthDate.slice(0, 4)) + ageLimit}${birthDate.slice(4)}`;
  // 02-29 of a birth year has no day in most years: the birthday month is February all the same.
  return addMonths(monthOf(birthday), 1);
}
