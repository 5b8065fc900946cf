/**
 * 复审 (periodic review) schedule (Tianjin 《关于改革完善社会救助制度的措施》, DOMAIN §7): 特困 and
 * 低保 / 低收入 households whose situation changes little are reviewed once a year; 低保 households
 * with unsteady income and members able to work every six months. The two cycles are dated policy
 * parameters (review.cycleMonths.*), read on the day the cycle starts (approval or last review):
 * a change of the rule applies from the next review on, never rewriting a date already set.
 */
import type { Programme } from '../assistance/codes';
import { addDays, addMonths } from '../time/calendar-days';

/** Programmes reviewed on a cycle: the household programmes and 特困. */
export const REVIEWED_PROGRAMMES: readonly Programme[] = ['dibao', 'dibao-edge', 'tekun-home', 'tekun-institution'];

/** 劳动能力 of a member "able to work" (shared/codes.ts LABOUR_CAPACITIES). */
export const ABLE_TO_WORK: readonly string[] = ['full', 'partial'];
/** 从业状况 without a steady wage: 灵活就业, unemployed (registered or not), 无业. */
export const UNSTEADY_EMPLOYMENT: readonly string[] = ['flexible', 'unemployed-registered', 'unemployed', 'none'];

export type ReviewCycle = 'stable' | 'unsteady';

export const CYCLE_PARAM: Record<ReviewCycle, string> = {
  stable: 'review.cycleMonths.stable',
  unsteady: 'review.cycleMonths.unsteady',
};

/** A member as the cycle rule sees them (from the registry). */
export interface ReviewMember {
  labourCapacity: string | null;
  employment: string | null;
}

/** Whether a member is able to work and has no steady wage. */
export function unsteadyMember(m: ReviewMember): boolean {
  return ABLE_TO_WORK.includes(m.labourCapacity ?? '') && UNSTEADY_EMPLOYMENT.includes(m.employment ?? '');
}

/** The cycle of an enrolment: six-monthly only for 低保 with a member able to work and no steady wage. */
export function reviewCycle(programme: string, members: readonly ReviewMember[]): ReviewCycle {
  return programme === 'dibao' && members.some(unsteadyMember) ? 'unsteady' : 'stable';
}

/** The next review day: the cycle's months after the base day (month ends clamp: 08-31 + 6 = 02-28). */
export function nextReviewOn(baseOn: string, cycleMonths: number): string {
  return addMonths(baseOn, cycleMonths);
}

export type ReviewState = 'overdue' | 'due' | 'later';

/** Overdue after its day; due from `noticeDays` before it (the day itself included). */
export function reviewState(dueOn: string, today: string, noticeDays: number): ReviewState {
  if (dueOn < today) return 'overdue';
  return dueOn <= addDays(today, noticeDays) ? 'due' : 'later';
}
