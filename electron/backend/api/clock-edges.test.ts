/**
 * The app counts days in Asia/Shanghai whatever the runner's zone: at 23:30 and at 00:30 Shanghai
 * (when UTC is on the previous day), "today" for the window, the due lists and a visit's date is the
 * Shanghai day of the injected clock. .ci/run repeats the unit suite with TZ=Asia/Shanghai.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { expectRefused, makeWorld, type World } from '../testing/screening-fixtures';

let w: World | null = null;
afterEach(() => w?.h.close());

const cases = [
  { at: '2026-12-04T23:30:00+08:00', today: '2026-12-04', tomorrow: '2026-12-05' },
  { at: '2026-12-05T00:30:00+08:00', today: '2026-12-05', tomorrow: '2026-12-06' },
];

describe.each(cases)('with the clock at $at', ({ at, today, tomorrow }) => {
  test('the window, the due lists and visits count today as the Shanghai day', async () => {
    w = await makeWorld(new Date(at).toISOString());
    const world = w;
    expect(await world.h.call('app.clock', {})).toEqual({ now: new Date(at).toISOString(), today });
    expect((await world.h.call('screening.dueList', { list: 'today' })).today).toBe(today);
    const hid = await world.household({ members: [{ name: '郑秀梅', birth: '1942-05-06' }] });
    await expectRefused(world, 'invalid-input', () =>
      world.h.call('screening.recordVisit', { householdId: hid, visitedOn: tomorrow, method: 'home', visitorName: '刘网格' }),
    );
    const dueToday = async () => (await world.h.call('screening.dueList', { list: 'today' })).rows.map((r) => r.householdId);
    expect(await dueToday()).toContain(hid);
    await world.h.call('screening.recordVisit', { householdId: hid, visitedOn: today, method: 'home', visitorName: '刘网格' });
    expect(await dueToday()).not.toContain(hid);
  });
});
