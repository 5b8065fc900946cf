/**
 * Screening visits of the demo year: each grid worker's monthly round of the whole grid (全覆盖月排查)
 * over the last months, then in the last week daily rounds of what the due list shows (cadence:
 * daily, weekly, monthly), with some households missed, more so in the last days: the lists open on
 * overdue households and on households due later, not on everyone due today. (Earlier months have
 * no visits: about 2,000 visits a round is most of the load's time.)
 */
import { addDays } from '../../../shared/time/calendar-days';
import { ROUND_MAX_HOUSEHOLDS } from '../../../shared/screening/schemas';
import { shanghaiAt, type HistoryPlan } from './history';
import type { Rng } from './random';

/** Days before the load's day from which visits follow the due list day by day. */
const DAILY_FROM = 6;
/** Monthly rounds from this many months back (the last one two months back). */
const MONTHLY_FROM = 8;

export function playVisits(plan: HistoryPlan, rng: Rng): void {
  const { desk, staff } = plan;
  const inGrid = new Map<string, string[]>();
  for (const h of plan.households) {
    if (!h.gridId) continue;
    const list = inGrid.get(h.gridId) ?? [];
    list.push(h.id);
    inGrid.set(h.gridId, list);
  }
  const round = (gridId: string, visitedOn: string, worker: string, householdIds: string[]) => {
    // A grid of a big bench street holds more households than one round may record.
    for (let i = 0; i < householdIds.length; i += ROUND_MAX_HOUSEHOLDS) {
      const part = householdIds.slice(i, i + ROUND_MAX_HOUSEHOLDS);
      desk.call(staff.caseworker, 'screening.recordRound', { gridId, visitedOn, method: 'home', visitorName: worker, householdIds: part });
    }
  };

  plan.grids.forEach((g, gi) => {
    const households = inGrid.get(g.id) ?? [];
    // Monthly rounds, each grid on its own day of the month.
    for (let k = MONTHLY_FROM; k >= 2; k--) {
      const day = addDays(plan.today, -30 * k + (gi % 12));
      const missed = 0.03;
      const ids = households.filter(() => !rng.chance(missed));
      plan.at(shanghaiAt(day, `${String(9 + (gi % 6)).padStart(2, '0')}:30`), () => round(g.id, day, g.workerName, ids));
    }
  });

  // The last weeks: each day the street's due list, most of it visited in each grid's round.
  const worker = new Map(plan.grids.map((g) => [g.id, g.workerName]));
  for (let d = DAILY_FROM; d >= 1; d--) {
    const day = addDays(plan.today, -d);
    const missed = d <= 3 ? 0.2 : 0.06;
    const stream = rng.fork();
    plan.at(shanghaiAt(day, '14:10'), () => {
      const due = desk.call(staff.caseworker, 'screening.dueList', { list: 'today', pageSize: 2000 });
      const byGrid = new Map<string, string[]>();
      for (const r of due.rows) {
        if (!r.gridId || stream.chance(missed)) continue;
        byGrid.set(r.gridId, [...(byGrid.get(r.gridId) ?? []), r.householdId]);
      }
      for (const [gridId, ids] of byGrid) round(gridId, day, worker.get(gridId) ?? '网格员', ids);
    });
  }
}
