import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { AppError } from '../../../shared/errors';
import { makeWorld, type World } from '../testing/screening-fixtures';

let w: World;
beforeEach(async () => {
  w = await makeWorld('2020-07-08T01:00:00.000Z');
});
afterEach(() => w.h.close());

describe('due lists are sorted and paged by the backend', () => {
  test('a page with the total; by due date, then address; per grid worker', async () => {
    const a = await w.household({ members: [{ name: '孙一', birth: '1980-01-01' }] });
    const b = await w.household({ grid: w.gridB, members: [{ name: '孙二', birth: '1981-01-01' }] });
    const c = await w.household({ members: [{ name: '孙三', birth: '1982-01-01' }] });
    // Never visited: all due today (from the day they came under screening), ordered by address.
    const whole = await w.h.call('screening.dueList', { list: 'today' });
    expect(whole).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    const addresses = whole.rows.map((r) => r.address);
    expect(addresses).toEqual([...addresses].sort(new Intl.Collator('zh').compare));
    const p1 = await w.h.call('screening.dueList', { list: 'today', page: 1, pageSize: 2 });
    const p2 = await w.h.call('screening.dueList', { list: 'today', page: 2, pageSize: 2 });
    expect(p1.total).toBe(3);
    expect(p1.rows).toHaveLength(2);
    expect(p2.rows).toHaveLength(1);
    expect([...p1.rows, ...p2.rows].map((r) => r.householdId)).toEqual(whole.rows.map((r) => r.householdId));
    expect((await w.h.call('screening.dueList', { list: 'today', page: 3, pageSize: 2 })).rows).toEqual([]);
    // A visit moves a household down (due later) and off today's list.
    await w.h.call('screening.recordVisit', { householdId: a, visitedOn: '2020-07-08', method: 'home', visitorName: '刘网格' });
    expect((await w.h.call('screening.dueList', { list: 'today' })).total).toBe(2);
    const byWorker = await w.h.call('screening.dueList', { list: 'today', worker: '陈网格' });
    expect(byWorker.rows.map((r) => r.householdId)).toEqual([b]);
    expect((await w.h.call('screening.dueList', { list: 'today', worker: '刘网格' })).rows.map((r) => r.householdId)).toEqual([c]);
  });

  test('a list read again is not stale after any write, whichever path it took', async () => {
    const a = await w.household({ members: [{ name: '李一', birth: '1980-01-01' }] });
    await w.h.call('screening.recordVisit', { householdId: a, visitedOn: '2020-07-08', method: 'home', visitorName: '刘网格' });
    expect((await w.h.call('screening.dueList', { list: 'today' })).total).toBe(0);
    expect((await w.h.call('screening.coverage', { period: 'month', date: '2020-07-08' })).total.done).toBe(1);
    expect((await w.h.call('screening.dueList', { list: 'today' })).total).toBe(0); // read again: same
    // A write outside the Store's write path (as a repair or a sync apply might do) is seen at once.
    w.h.backend.store.sqlite.prepare('DELETE FROM household_last_visit').run();
    expect((await w.h.call('screening.dueList', { list: 'today' })).rows.map((r) => r.householdId)).toEqual([a]);
    expect((await w.h.call('screening.coverage', { period: 'month', date: '2020-07-08' })).total.done).toBe(0);
  });

  test('the page size is bounded, with a Chinese message naming the field', async () => {
    const err = await w.h.call('screening.dueList', { list: 'week', pageSize: 5000 }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toContain('每页条数');
  });
});
