import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SCREENING_LEDGER_DEFAULTS } from '../../../shared/screening/policy-defaults';
import { expectRefused, makeWorld, type World } from '../testing/screening-fixtures';

let w: World;
// Wednesday 2020-07-08 09:00 Shanghai.
beforeEach(async () => {
  w = await makeWorld('2020-07-08T01:00:00.000Z');
});
afterEach(() => w.h.close());

const refused = (code: string, fn: () => Promise<unknown>) => expectRefused(w, code, fn);

const visit = (householdId: string, visitedOn: string, extra: Record<string, unknown> = {}) =>
  w.h.call('screening.recordVisit', { householdId, visitedOn, method: 'home', visitorName: '刘网格', ...extra });

describe('screening', () => {
  test('the street starts with the dated default cadence, urgency limits and holiday calendar', async () => {
    const p = await w.h.call('screening.policy', {});
    expect(p.inForce.map((r) => r.key)).toEqual(['screening.cadence', 'ledger.urgencyLimits', 'calendar.holidays']);
    expect(p.inForce[0]).toMatchObject({ effectiveFrom: '2020-06-12', value: SCREENING_LEDGER_DEFAULTS[0].value });
  });

  test('due lists: a household takes its tightest member; visits move it off the lists', async () => {
    const adults = await w.household({ members: [{ name: '钱一', birth: '1980-01-01' }] }); // monthly
    const withChild = await w.household({ members: [{ name: '钱二', birth: '1985-01-01' }, { name: '钱小', birth: '2012-03-01' }] }); // weekly
    const ill = await w.household({ members: [{ name: '钱三', birth: '1975-01-01', health: 'serious' }] }); // daily
    await visit(adults, '2020-06-20'); // next due 07-20: later
    await visit(withChild, '2020-07-03'); // next due 07-10 (Friday): this week
    await visit(ill, '2020-07-06'); // next due 07-07: overdue by one day
    const overdue = await w.h.call('screening.dueList', { list: 'overdue' });
    expect(overdue.today).toBe('2020-07-08');
    expect(overdue.rows).toMatchObject([{ householdId: ill, cadence: 'daily', because: ['seriously-ill'], daysOverdue: 1, lastVisitOn: '2020-07-06', workerName: '刘网格' }]);
    const week = await w.h.call('screening.dueList', { list: 'week' });
    expect(week.rows.map((r) => [r.householdId, r.cadence, r.dueOn])).toEqual([
      [ill, 'daily', '2020-07-07'],
      [withChild, 'weekly', '2020-07-10'],
    ]);
    expect((await w.h.call('screening.dueList', { list: 'today' })).rows.map((r) => r.householdId)).toEqual([ill]);
    await visit(ill, '2020-07-08');
    expect((await w.h.call('screening.dueList', { list: 'overdue' })).rows).toEqual([]);
    // Next day (injected clock): the daily household is due again today.
    await w.moveClock('2020-07-09T01:00:00.000Z');
    expect((await w.h.call('screening.dueList', { list: 'today' })).rows.map((r) => r.householdId)).toEqual([ill]);
  });

  test('lists per grid and community', async () => {
    const a = await w.household({ members: [{ name: '周一', birth: '1940-01-01' }] });
    const b = await w.household({ grid: w.gridB, members: [{ name: '周二', birth: '1941-01-01' }] });
    const rows = async (gridId?: string) => (await w.h.call('screening.dueList', { list: 'week', gridId })).rows.map((r) => r.householdId);
    expect(await rows(w.gridA)).toEqual([a]);
    expect(await rows(w.gridB)).toEqual([b]);
    expect((await rows()).sort()).toEqual([a, b].sort());
    expect((await w.h.call('screening.dueList', { list: 'week', communityId: w.communityId })).rows).toHaveLength(2);
  });

  test('a visit with a problem creates a ledger item in the same step', async () => {
    const hid = await w.household({ members: [{ name: '吴奶奶', birth: '1938-02-02' }] });
    const r = await visit(hid, '2020-07-08', {
      note: '老人摔伤',
      problems: [{ category: 'care', urgency: '1', description: '摔伤卧床，无人照料' }],
    });
    expect(r.itemIds).toHaveLength(1);
    const item = await w.h.call('ledger.get', { id: r.itemIds[0]! });
    expect(item).toMatchObject({ source: 'visit', urgency: '1', visitId: r.visitId, dueAt: '2020-07-09T01:00:00.000Z' });
    const visits = await w.h.call('screening.listVisits', { householdId: hid });
    expect(visits.rows[0]).toMatchObject({ situation: 'problem', itemIds: r.itemIds, method: 'home' });
  });

  test('a visit dated in the future, or with a bad problem, is refused and writes nothing', async () => {
    const hid = await w.household({ members: [{ name: '郑一', birth: '1950-01-01' }] });
    await refused('invalid-input', () => visit(hid, '2020-07-09'));
    // The problem's person must belong to the household: the visit is not written either.
    const other = await w.household({ members: [{ name: '郑二', birth: '1950-01-01' }] });
    const otherPerson = (await w.h.call('registry.getHousehold', { id: other })).members[0]!.id;
    await refused('invalid-input', () =>
      visit(hid, '2020-07-08', { problems: [{ personId: otherPerson, category: 'living', urgency: '2', description: 'x' }] }),
    );
    expect((await w.h.call('screening.listVisits', { householdId: hid })).total).toBe(0);
  });

  test('batch round: all normal except one with a problem, which becomes a 一级 item', async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await w.household({ members: [{ name: `冯${i}`, birth: '1945-01-01' }] }));
    const r = await w.h.call('screening.recordRound', {
      gridId: w.gridA,
      visitedOn: '2020-07-08',
      method: 'home',
      visitorName: '刘网格',
      householdIds: ids,
      exceptions: [{ householdId: ids[2]!, note: '断粮', problems: [{ category: 'living', urgency: '1', description: '家中断粮' }] }],
    });
    expect(r).toMatchObject({ visits: 5, problems: 1 });
    expect((await w.h.call('screening.listVisits', { gridId: w.gridA })).total).toBe(5);
    const item = await w.h.call('ledger.get', { id: r.itemIds[0]! });
    expect(item).toMatchObject({ householdId: ids[2], urgency: '1', status: 'pending' });
    expect((await w.h.call('screening.dueList', { list: 'week', gridId: w.gridA })).rows).toEqual([]);
    expect((await w.h.call('audit.list', { action: 'screening.recordRound' })).rows).toHaveLength(1);
  });

  test('a round naming a household of another grid is refused as a whole', async () => {
    const a = await w.household({ members: [{ name: '褚一', birth: '1945-01-01' }] });
    const b = await w.household({ grid: w.gridB, members: [{ name: '褚二', birth: '1945-01-01' }] });
    const err = await refused('invalid-input', () =>
      w.h.call('screening.recordRound', { gridId: w.gridA, visitedOn: '2020-07-08', method: 'phone', visitorName: '刘网格', householdIds: [a, b] }),
    );
    expect(err.field).toBe('householdIds.1');
    expect((await w.h.call('screening.listVisits', {})).total).toBe(0);
  });

  test('coverage of a day, week and month per grid and community', async () => {
    const daily = await w.household({ members: [{ name: '卫一', birth: '1960-01-01', health: 'serious' }] });
    const weekly = await w.household({ members: [{ name: '卫二', birth: '1945-01-01' }] });
    const monthly = await w.household({ grid: w.gridB, members: [{ name: '卫三', birth: '1980-01-01' }] });
    await visit(daily, '2020-07-07');
    await visit(weekly, '2020-07-06');
    // The households were registered today; backdate them so that the past periods count them.
    w.h.backend.store.sqlite.prepare("UPDATE households SET created_at = '2020-06-01T00:00:00.000Z'").run();
    const day = await w.h.call('screening.coverage', { period: 'day', date: '2020-07-08' });
    expect(day.total).toMatchObject({ due: 1, done: 0, pending: 1, overdue: 0 });
    const yesterday = await w.h.call('screening.coverage', { period: 'day', date: '2020-07-07' });
    expect(yesterday.total).toMatchObject({ due: 1, done: 1, coveragePermille: 1000 });
    const week = await w.h.call('screening.coverage', { period: 'week', date: '2020-07-08' });
    expect(week).toMatchObject({ start: '2020-07-06', end: '2020-07-12' });
    expect(week.total).toMatchObject({ due: 2, done: 2 });
    const month = await w.h.call('screening.coverage', { period: 'month', date: '2020-07-08' });
    expect(month.total).toMatchObject({ due: 3, done: 2, pending: 1, coveragePermille: 666 });
    expect(month.grids.map((g) => [g.name, g.due, g.done])).toEqual([
      ['第二网格', 1, 0],
      ['第一网格', 2, 2],
    ]);
    const june = await w.h.call('screening.coverage', { period: 'month', date: '2020-06-15' });
    expect(june.total).toMatchObject({ due: 3, done: 0, overdue: 3, coveragePermille: 0 });
  });

  test('a street admin changes a group rule from an effective date; a caseworker may not', async () => {
    const hid = await w.household({ members: [{ name: '蒋一', birth: '1955-01-01' }] }); // 65: weekly
    await visit(hid, '2020-07-06');
    const tightened = {
      ...SCREENING_LEDGER_DEFAULTS[0].value,
      rules: SCREENING_LEDGER_DEFAULTS[0].value.rules.map((r) => (r.group === 'elderly' ? { ...r, cadence: 'daily' as const } : r)),
    };
    const cw = await w.caseworkerToken();
    await refused('forbidden', () => w.h.call('screening.setPolicy', { key: 'screening.cadence', value: tightened, effectiveFrom: '2020-07-10' }, cw));
    await refused('invalid-input', () => w.h.call('screening.setPolicy', { key: 'screening.cadence', value: { rules: 'x' }, effectiveFrom: '2020-07-10' }));
    await refused('invalid-input', () => w.h.call('screening.setPolicy', { key: 'screening.cadence', value: tightened, effectiveFrom: '2020-07-01' }));
    await w.h.call('screening.setPolicy', { key: 'screening.cadence', value: tightened, effectiveFrom: '2020-07-10', note: '汛期加密排查' });
    expect((await w.h.call('screening.dueList', { list: 'week' })).rows).toEqual([]); // weekly until 07-10: due 07-13
    await w.moveClock('2020-07-10T01:00:00.000Z');
    expect((await w.h.call('screening.dueList', { list: 'overdue' })).rows[0]).toMatchObject({ householdId: hid, cadence: 'daily', dueOn: '2020-07-07' });
  });

  test('holiday calendar edits move 二级 deadlines', async () => {
    const hid = await w.household({ members: [{ name: '沈一', birth: '1955-01-01' }] });
    const p = await w.h.call('screening.policy', {});
    const cal = p.inForce.find((r) => r.key === 'calendar.holidays')!.value as { holidays: string[]; workdays: string[] };
    const before = await w.h.call('ledger.create', { source: 'hotline', householdId: hid, category: 'living', urgency: '2', description: 'a' });
    expect(before.dueAt).toBe('2020-07-13T15:59:59.999Z'); // Wed -> Thu, Fri, Mon
    await w.h.call('screening.setPolicy', {
      key: 'calendar.holidays',
      value: { holidays: [...cal.holidays, '2020-07-10'], workdays: cal.workdays },
      effectiveFrom: '2020-07-08',
    });
    const after = await w.h.call('ledger.create', { source: 'hotline', householdId: hid, category: 'living', urgency: '2', description: 'b' });
    expect(after.dueAt).toBe('2020-07-14T15:59:59.999Z');
  });

  test('the latest-visit index follows voided visits and the cadence cache follows registry edits', async () => {
    const hid = await w.household({ members: [{ name: '韩一', birth: '1980-01-01' }] });
    await visit(hid, '2020-06-01');
    const second = await visit(hid, '2020-07-01');
    const dueOn = async () => (await w.h.call('screening.dueList', { list: 'week' })).rows.find((r) => r.householdId === hid)?.dueOn ?? null;
    expect(await dueOn()).toBeNull(); // monthly, next due 08-01
    // Voiding the latest visit (soft deletion through the one write path) brings the earlier one back.
    const store = w.h.backend.store;
    store.softDelete('visits', second.visitId, { userId: null, username: 'test', streetCode: '120110001000' }, null);
    expect(await dueOn()).toBe('2020-07-01');
    // A new member aged 70 makes the household weekly at once (the cached cadences are rebuilt).
    await w.h.call('registry.addPerson', {
      householdId: hid,
      person: { name: '韩老', idNumber: (await import('../../../shared/id-number')).makeIdNumber('120110', '19500101', 777), relation: '50' },
    });
    expect((await w.h.call('screening.dueList', { list: 'overdue' })).rows.find((r) => r.householdId === hid)).toMatchObject({ cadence: 'weekly', dueOn: '2020-06-08' });
  });
});
