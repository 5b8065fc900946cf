/**
 * The 预警 inbox (issue 17): warnings grouped by household and paged by group, its filters, each
 * disposition and its refusals (nothing written), 转问题台账 opening exactly one ledger item linked
 * from every warning disposed with it, 核实死亡 through the registry's death path, and the
 * 工作台's figures counted by the inbox itself.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeWorld, expectRefused, type World } from '../testing/screening-fixtures';
import { seedWarnings } from '../../../tests/support/warnings';
import { makeIdNumber } from '../../../shared/id-number';

let w: World;
// Monday 2026-03-16 10:00 Shanghai.
const START = '2026-03-16T02:00:00.000Z';
let h1: string;
let h2: string;
let h3: string;
let community2: string;
const person = (hid: string, name: string) =>
  w.h.backend.store.prepare('SELECT id, id_number FROM persons WHERE household_id = ? AND name = ?').get(hid, name) as { id: string; id_number: string };
let ids: { sunMedical: string; xiaoDisability: string; liDeath: string; wangIncome: string };

beforeEach(async () => {
  w = await makeWorld(START);
  h1 = await w.household({ members: [{ name: '孙大爷', birth: '1950-05-01' }, { name: '孙小明', birth: '1990-02-03' }] });
  h2 = await w.household({ members: [{ name: '李奶奶', birth: '1938-09-09' }] });
  community2 = (await w.h.call('org.listCommunities', {}))[1]!.id;
  h3 = (
    await w.h.call('registry.createHousehold', {
      household: { communityId: community2, gridId: null, address: '先锋路12号', hukouType: 'urban', categories: ['dibao'] },
      members: [{ name: '王阿姨', idNumber: makeIdNumber('120110', '19650505', 27), relation: '02', health: 'healthy' }],
    })
  ).id;
  const [sunMedical, xiaoDisability, liDeath, wangIncome] = seedWarnings(w.h.backend, [
    { personId: person(h1, '孙大爷').id, rule: 'medical-month', key: '2026-02', summary: '2026年2月医疗自付 6,230.00 元，达到 5,000.00 元', dueDate: '2026-03-20' },
    { personId: person(h1, '孙小明').id, rule: 'disability-severe', key: '2026-03-02', summary: '新办残疾证：肢体二级（2026-03-02）', dueDate: '2026-03-25' },
    { personId: person(h2, '李奶奶').id, rule: 'death-paid', key: 'death', summary: '殡葬数据：2026-03-01 死亡，仍在享受低保', values: { diedOn: '2026-03-01' }, dueDate: '2026-03-10' },
    { personId: person(h3, '王阿姨').id, rule: 'income-over-line', key: '2026-02', summary: '家庭月人均收入 1,500.00 元，超过低保标准 1,010.00 元', dueDate: '2026-03-28' },
  ]);
  ids = { sunMedical: sunMedical!, xiaoDisability: xiaoDisability!, liDeath: liDeath!, wangIncome: wangIncome! };
});
afterEach(() => w.h.close());

const inbox = (input: Parameters<World['h']['call']>[1] = {}) => w.h.call('warnings.inbox', input as never);
const householdsOf = async (input = {}) => (await inbox(input)).groups.map((g) => g.householdId);
const ledgerCount = () => (w.h.backend.store.prepare('SELECT count(*) AS n FROM ledger_items').get() as { n: number }).n;

describe('预警 inbox', () => {
  test('one line per household, nearest due date first, paged by household', async () => {
    const all = await inbox();
    expect(all.total).toBe(3);
    expect(all.groups.map((g) => g.householdId)).toEqual([h2, h1, h3]);
    const sun = all.groups[1]!;
    expect(sun).toMatchObject({ headName: '孙大爷', dueDate: '2026-03-20', openCount: 2 });
    expect(sun.warnings.map((x) => [x.personName, x.rule, x.ruleLabel, x.ruleVersion, x.overdue])).toEqual([
      ['孙大爷', 'medical-month', '当月医疗自付费用较高', '2023-10-01', false],
      ['孙小明', 'disability-severe', '新增重度残疾', '2023-10-01', false],
    ]);
    expect(sun.warnings[0]!.trigger.summary).toMatch(/6,230\.00/);
    expect(all.groups[0]!.warnings[0]).toMatchObject({ rule: 'death-paid', dueDate: '2026-03-10', overdue: true, status: 'open' });
    const page2 = await inbox({ page: 2, pageSize: 2 });
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.groups.map((g) => g.householdId)).toEqual([h3]);
  });

  test('filters: rule, overdue, community, a member\'s name or ID number, status', async () => {
    expect(await householdsOf({ rule: 'death-paid' })).toEqual([h2]);
    expect(await householdsOf({ overdueOnly: true })).toEqual([h2]);
    expect(await householdsOf({ communityId: community2 })).toEqual([h3]);
    expect(await householdsOf({ search: '孙小明' })).toEqual([h1]);
    expect(await householdsOf({ search: person(h1, '孙小明').id_number })).toEqual([h1]);
    expect(await householdsOf({ search: '王' })).toEqual([h3]);
    expect(await householdsOf({ status: 'disposed' })).toEqual([]);
    expect((await inbox({ search: '无此人' })).total).toBe(0);
  });

  test('one month over the threshold and a rise: two warnings, the inbox line and the ledger item say the month once', async () => {
    const sun = person(h1, '孙大爷').id;
    const month = { month: '2026-02', selfPaidFen: 623000, totalFen: 900000, thresholdFen: 500000 };
    const rise = { month: '2026-02', selfPaidFen: 623000, averageFen: 100000, windowMonths: 12, risePercent: 523, thresholdPercent: 100 };
    const [sunRise] = seedWarnings(w.h.backend, [
      { personId: sun, rule: 'medical-rise', key: '2026-02', summary: '2026年2月医疗自付 6,230.00 元，前12个月月均 1,000.00 元，上升 523%，达到上升 100% 的预警线', values: rise, dueDate: '2026-03-20' },
    ]);
    w.h.backend.store.prepare('UPDATE warnings SET trigger = ? WHERE id = ?').run(JSON.stringify({ summary: '2026年2月医疗自付 6,230.00 元，达到 5,000.00 元', values: month }), ids.sunMedical);
    const group = (await inbox()).groups.find((g) => g.householdId === h1)!;
    expect(group.warnings.map((x) => x.rule).sort()).toEqual(['disability-severe', 'medical-month', 'medical-rise']);
    const r = await w.h.call('warnings.dispose', { warningIds: [ids.sunMedical, sunRise!], disposition: 'to-ledger' });
    expect(r.disposed).toBe(2);
    const item = await w.h.call('ledger.get', { id: r.ledgerItemId! });
    expect(item.description).toBe(
      '预警转入。孙大爷：当月医疗自付费用较高、医疗自付费用明显上升（2026年2月医疗自付 6,230.00 元，达到 5,000.00 元；前12个月月均 1,000.00 元，上升 523%，达到上升 100% 的预警线）',
    );
  });

  test('转问题台账 opens exactly one ledger item, prefilled and linked from every warning disposed with it', async () => {
    const before = ledgerCount();
    const r = await w.h.call('warnings.dispose', { warningIds: [ids.sunMedical, ids.xiaoDisability], disposition: 'to-ledger' });
    expect(r.disposed).toBe(2);
    expect(ledgerCount()).toBe(before + 1);
    const item = await w.h.call('ledger.get', { id: r.ledgerItemId! });
    expect(item).toMatchObject({ source: 'warning', householdId: h1, category: 'medical', status: 'pending' });
    expect(item.description).toMatch(/^预警转入。孙大爷：当月医疗自付费用较高（2026年2月医疗自付 6,230\.00 元.*孙小明：新增重度残疾/);
    const done = await inbox({ status: 'disposed' });
    expect(done.groups.map((g) => g.householdId)).toEqual([h1]);
    expect(done.groups[0]!.warnings.map((x) => [x.disposition, x.ledgerItemId, x.disposedByName])).toEqual([
      ['to-ledger', r.ledgerItemId, '王管理'],
      ['to-ledger', r.ledgerItemId, '王管理'],
    ]);
    expect(await householdsOf()).toEqual([h2, h3]);
    // one person's warning: the item names the person
    const one = await w.h.call('warnings.dispose', { warningIds: [ids.wangIncome], disposition: 'to-ledger' });
    expect(await w.h.call('ledger.get', { id: one.ledgerItemId! })).toMatchObject({ personName: '王阿姨', category: 'living' });
  });

  test('a disposed warning cannot be disposed again; nothing is written', async () => {
    await w.h.call('warnings.dispose', { warningIds: [ids.sunMedical], disposition: 'already-covered' });
    const err = await expectRefused(w, 'warning-disposed', () =>
      w.h.call('warnings.dispose', { warningIds: [ids.xiaoDisability, ids.sunMedical], disposition: 'to-ledger' }),
    );
    expect(err.message).toBe('孙大爷的“当月医疗自付费用较高”预警已处置（已在保），不能再次处置');
    expect((await inbox()).groups.find((g) => g.householdId === h1)!.warnings.map((x) => x.id)).toEqual([ids.xiaoDisability]);
  });

  test('已核实无需救助 and 信息有误 need a reason (naming 原因); 已在保 does not', async () => {
    for (const disposition of ['verified-no-need', 'data-wrong'] as const) {
      const err = await expectRefused(w, 'invalid-input', () => w.h.call('warnings.dispose', { warningIds: [ids.sunMedical], disposition, reason: '  ' }));
      expect(err.field).toBe('reason');
      expect(err.message).toMatch(/原因/);
    }
    await w.h.call('warnings.dispose', { warningIds: [ids.sunMedical], disposition: 'verified-no-need', reason: '费用已由大病保险报销' });
    await w.h.call('warnings.dispose', { warningIds: [ids.xiaoDisability], disposition: 'data-wrong', reason: '残疾证为旧证换发' });
    await w.h.call('warnings.dispose', { warningIds: [ids.wangIncome], disposition: 'already-covered' });
    const done = await inbox({ status: 'disposed' });
    const byId = new Map(done.groups.flatMap((g) => g.warnings).map((x) => [x.id, x]));
    expect(byId.get(ids.sunMedical)).toMatchObject({ disposition: 'verified-no-need', dispositionReason: '费用已由大病保险报销', ledgerItemId: null });
    expect(byId.get(ids.xiaoDisability)).toMatchObject({ disposition: 'data-wrong', dispositionReason: '残疾证为旧证换发' });
    expect(byId.get(ids.wangIncome)).toMatchObject({ disposition: 'already-covered', dispositionReason: null });
  });

  test('refusals: warnings of two households, an unknown warning, 核实死亡 of another rule; nothing written', async () => {
    await expectRefused(w, 'invalid-input', () => w.h.call('warnings.dispose', { warningIds: [ids.sunMedical, ids.liDeath], disposition: 'already-covered' }));
    await expectRefused(w, 'not-found', () => w.h.call('warnings.dispose', { warningIds: ['0190a000-0000-7000-8000-000000000000'], disposition: 'already-covered' }));
    const e = await expectRefused(w, 'invalid-input', () =>
      w.h.call('warnings.dispose', { warningIds: [ids.sunMedical], disposition: 'verified-no-need', confirmDeathOn: '2026-03-01' }),
    );
    expect(e.field).toBe('confirmDeathOn');
    await expectRefused(w, 'invalid-input', () => w.h.call('warnings.dispose', { warningIds: [ids.liDeath], disposition: 'already-covered', confirmDeathOn: '2026-03-01' }));
  });

  test('核实死亡 records the death through the registry (应退尽退) and disposes the warning', async () => {
    const li = person(h2, '李奶奶').id;
    await w.h.call('warnings.dispose', { warningIds: [ids.liDeath], disposition: 'verified-no-need', confirmDeathOn: '2026-03-01' });
    expect(w.h.backend.store.prepare('SELECT died_on FROM persons WHERE id = ?').get(li)).toEqual({ died_on: '2026-03-01' });
    const v = (await inbox({ status: 'disposed' })).groups[0]!.warnings[0]!;
    expect(v).toMatchObject({ id: ids.liDeath, disposition: 'verified-no-need', dispositionReason: expect.stringMatching(/核实死亡（2026-03-01）/) });
    // a date after today is refused by the death path itself, and nothing is written
    const again = seedWarnings(w.h.backend, [{ personId: person(h1, '孙大爷').id, rule: 'death-paid', key: 'death', summary: '殡葬数据', dueDate: '2026-03-30' }]);
    await expectRefused(w, 'invalid-input', () =>
      w.h.call('warnings.dispose', { warningIds: again, disposition: 'verified-no-need', confirmDeathOn: '2026-04-01' }),
    );
  });

  test('the 工作台 figures are the inbox totals, and open the inbox filtered', async () => {
    const figures = async () => {
      const wb = await w.h.call('home.workbench', {});
      return wb.sections.find((s) => s.key === 'warnings')!.figures;
    };
    let [open, overdue] = await figures();
    expect(open).toMatchObject({ key: 'warnings-open', count: 3, tone: 'warning', list: { procedure: 'warnings.inbox', input: { status: 'open' } } });
    expect(overdue).toMatchObject({ key: 'warnings-overdue', count: 1, tone: 'danger', list: { input: { overdueOnly: true } } });
    expect(open!.count).toBe((await inbox(open!.list.input)).total);
    expect(overdue!.count).toBe((await inbox(overdue!.list.input)).total);
    await w.h.call('warnings.dispose', { warningIds: [ids.liDeath], disposition: 'already-covered' });
    [open, overdue] = await figures();
    expect([open!.count, overdue!.count]).toEqual([2, 0]);
    expect(overdue!.tone).toBe('plain');
  });

  test('the district rates are the district\'s: a street user is refused them', async () => {
    await expectRefused(w, 'forbidden', () => w.h.call('warnings.districtRates', {}));
  });
});
