/**
 * 复审 in the demo year: the street's enrolments taken over from its own data (imported on its first
 * day) are reviewed on their cycle (yearly; six-monthly for 低保 households with members able to work
 * and no steady wage, shared/policy/review.ts) through the review's own procedure — the income
 * assessment and its decision as an income report. The office works through them over the year: a
 * household's first review falls somewhere in its first cycle, each next one a little before it is
 * due. A few reviews were not done (overdue on the load's day); some fall due in the coming days.
 */
import { AppError } from '../../../shared/errors';
import { CYCLE_PARAM, REVIEWED_PROGRAMMES, reviewCycle, type ReviewMember } from '../../../shared/policy/review';
import { addDays, addMonths } from '../../../shared/time/calendar-days';
import { paramOn } from '../services/policy/params';
import { shanghaiAt, type HistoryPlan } from './history';
import type { Rng } from './random';

/** The share of households whose last review due in the year was not done (overdue). */
const MISSED = 0.03;

const NOTES = ['入户复审，家庭情况无变化', '复审：核对家庭收入和财产', '入户复审，核实家庭成员就业情况', '复审：家庭经济状况核对'];

export function playReviews(plan: HistoryPlan, rng: Rng): void {
  const street = plan.store.getMeta('street_code') ?? '';
  const start = plan.start;
  const rows = plan.store
    .prepare(
      `SELECT e.id, e.household_id, e.programme, (SELECT json_group_array(json_object('labourCapacity', m.labour_capacity, 'employment', m.employment))
           FROM persons m WHERE m.household_id = e.household_id AND m.deleted_at IS NULL AND m.died_on IS NULL) AS members
         FROM enrolments e WHERE e.street_code = ? AND e.source = 'import' AND e.status = 'active' AND e.deleted_at IS NULL
           AND e.programme IN (${REVIEWED_PROGRAMMES.map(() => '?').join(', ')}) ORDER BY e.programme`,
    )
    .all(street, ...REVIEWED_PROGRAMMES) as { id: string; household_id: string; programme: string; members: string }[];
  // In the households' generated order (ids are random): the same seed draws the same days for the same household.
  const order = new Map(plan.households.map((h, i) => [h.id, i]));
  const enrolments = rows.sort((a, b) => order.get(a.household_id)! - order.get(b.household_id)!);
  const months = (cycle: keyof typeof CYCLE_PARAM, on: string) => Number(paramOn(plan.store, street, CYCLE_PARAM[cycle], on)?.value ?? 12);
  for (const e of enrolments) {
    const cycle = reviewCycle(e.programme, JSON.parse(e.members) as ReviewMember[]);
    const cycleMonths = months(cycle, start);
    const cycleDays = Math.round(cycleMonths * 30.4);
    // The first review somewhere in the first cycle, then each a little before it is due.
    const days: string[] = [];
    for (let day = addDays(start, rng.int(10, cycleDays - 5)); day < plan.today; ) {
      days.push(day);
      day = addDays(addMonths(day, cycleMonths), -rng.int(0, 20));
    }
    // Not done: the household is overdue once the review before it has run its cycle.
    if (days.length > 1 && rng.chance(MISSED)) days.pop();
    const note = rng.pick(NOTES);
    for (const day of days) {
      plan.at(shanghaiAt(day, '10:30'), () => {
        try {
          // 特困 has no income test: the caseworker's conclusion is to continue.
          const outcome = e.programme.startsWith('tekun') ? ({ outcome: 'continue' } as const) : {};
          plan.desk.call(plan.staff.caseworker, 'assistance.recordReview', { id: e.id, members: [], note, ...outcome });
        } catch (err) {
          // An enrolment the year has ended or changed meanwhile is not reviewed.
          if (!(err instanceof AppError)) throw err;
        }
      });
    }
  }
}
