/**
 * 耿淑兰's household, the one the walkthrough looks for (the issue's journey finds her by `淑兰`).
 * The generator makes her (seed 20200612): a grandmother raising her grandson with her husband,
 * both on pensions. Her year: her husband dies early in it, the household's income falls into the
 * 低保边缘 range, she applies and goes through every step to monthly payments; a ledger item is solved
 * long ago, and one problem is registered twice (网格 and 热线) and not yet closed as 重复.
 * Generated, not a real person. Another seed without her plays no part of this.
 */
import { addDays } from '../../../shared/time/calendar-days';
import { enrolThroughSteps } from './history-assistance';
import { playFate, registerItem, type ItemRef } from './history-ledger';
import { shanghaiAt, type HistoryPlan } from './history';
import type { Rng } from './random';

export const GENG_SHULAN = '耿淑兰';

export function playGengShulan(plan: HistoryPlan, rng: Rng): void {
  const { desk, staff } = plan;
  const household = plan.households.find((h) => h.members.some((m) => m.name === GENG_SHULAN && m.relation === '02'));
  if (!household) return;
  plan.taken.add(household.id);
  const husband = household.members.find((m) => m.relation === '11');

  const died = addDays(plan.start, 12);
  if (husband) {
    plan.at(shanghaiAt(addDays(died, 3), '10:10'), () =>
      desk.call(staff.caseworker, 'registry.recordDeath', { personId: husband.id, diedOn: died, note: '家属持死亡证明办理' }),
    );
  }
  enrolThroughSteps(plan, household, 'dibao-edge', addDays(died, 20), rng, 1);

  // Solved long ago.
  let old: ItemRef | null = null;
  const oldDay = addDays(plan.today, -200);
  plan.at(shanghaiAt(oldDay, '09:50'), () => {
    old = registerItem(plan, household, { source: 'visit', category: 'medical', urgency: '2', description: '慢性病长期服药负担重' });
  });
  playFate(plan, () => old!, oldDay, 'reviewed', rng);

  // The same problem twice: from the grid worker, then from the hotline two days later.
  let first: ItemRef | null = null;
  const firstDay = addDays(plan.today, -20);
  plan.at(shanghaiAt(firstDay, '09:20'), () => {
    first = registerItem(plan, household, { source: 'grid-report', category: 'care', urgency: '2', description: '本人住院，孙子放学后无人照看' });
  });
  playFate(plan, () => first!, firstDay, 'handling', rng);
  plan.at(shanghaiAt(addDays(firstDay, 2), '15:40'), () => {
    registerItem(plan, household, { source: 'hotline', category: 'care', urgency: '2', description: '热线反映：耿淑兰住院，孙子无人照看' });
  });
}
