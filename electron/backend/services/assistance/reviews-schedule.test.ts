/**
 * The 复审 list reads each cycle parameter once and works each (base day, cycle) pair out once: on a
 * demo street with a year of history, every row's cycle months, day and state are those paramOn and
 * the shared rules give for that row alone (the way it was read before, one statement per day).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CYCLE_PARAM, nextReviewOn, reviewState } from '../../../../shared/policy/review';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import { generateStreet } from '../../demo/generate';
import { loadStreetData } from '../../demo/load';
import { makeHarness, type Harness } from '../../testing/harness';
import { paramOn } from '../policy/params';
import { reviewsDue } from './reviews';

const NOW = new Date('2026-11-19T06:30:00Z');
let h: Harness;

beforeAll(async () => {
  h = await makeHarness({ setUp: false, now: () => NOW });
  loadStreetData(h.backend.store, generateStreet({ households: 300, referenceDate: shanghaiDate(NOW) }), { history: true });
}, 300_000);
afterAll(async () => {
  await h?.close();
});

test('every 复审 row is the one its own parameter read and the shared rules give', () => {
  const store = h.backend.store;
  const street = (store.sqlite.prepare('SELECT street_code AS s FROM households LIMIT 1').get() as { s: string }).s;
  const today = shanghaiDate(store.nowDate());
  const { rows, counts } = reviewsDue(store, street, { state: 'all' } as never);
  expect(rows.length).toBeGreaterThan(100);
  // the year left reviews and approvals as bases, and more than one base day
  expect(new Set(rows.map((r) => r.baseKind)).size).toBeGreaterThan(1);
  expect(new Set(rows.map((r) => r.baseOn)).size).toBeGreaterThan(10);
  const notice = paramOn(store, street, 'review.noticeDays', today)?.value as number;
  const byState = { overdue: 0, due: 0, later: 0 };
  for (const r of rows) {
    const months = paramOn(store, street, CYCLE_PARAM[r.cycle], r.baseOn)?.value;
    expect(r.cycleMonths).toBe(typeof months === 'number' ? months : null);
    const dueOn = typeof months === 'number' ? nextReviewOn(r.baseOn, months) : null;
    expect(r.dueOn).toBe(dueOn);
    expect(r.state).toBe(dueOn === null ? null : reviewState(dueOn, today, notice));
    if (r.state) byState[r.state]++;
  }
  expect(counts).toEqual(byState);
});
