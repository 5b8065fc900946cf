/**
 * The 应补尽补 work list (filters by problem, community and grid; counts per problem) and the 临时救助
 * payment list (by period of payment, type and community; totals), and their Excel exports read back.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeIdNumber } from '../../../shared/id-number';
import { ADMIN, makeHarness, TEST_STREET, type Harness } from '../testing/harness';
import { enrolThroughSteps } from '../testing/enrolment';
import { readWorkbook } from '../testing/read-workbook';

let h: Harness;
let now: Date;
let token: string | undefined;
let communityA: string;
let communityB: string;

/** Moves the clock (an instant) and signs in again: the session may have expired. */
async function at(iso: string) {
  now = new Date(iso);
  token = (await h.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, null)).token;
}
const call: Harness['call'] = (p, input) => h.call(p, input, token);
const raw = (p: string, input: unknown) => h.raw(p, input, token);
const changeCount = () => (h.backend.store.sqlite.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
const auditCount = (action: string) =>
  (h.backend.store.sqlite.prepare('SELECT count(*) AS n FROM audit_events WHERE action = ?').get(action) as { n: number }).n;

beforeEach(async () => {
  now = new Date('2026-03-15T02:00:00Z');
  h = await makeHarness({ now: () => now });
  token = undefined;
  const communities = await call('org.listCommunities', {});
  communityA = communities[0]!.id;
  communityB = communities[1]!.id;
});
afterEach(() => h.close());

let seq = 300;
async function household(name: string, communityId: string, opts: { birth?: string; categories?: 'orphan'[]; gridId?: string } = {}) {
  const idNumber = makeIdNumber('120110', opts.birth ?? '19800101', seq++ * 2 + 1);
  const hh = await call('registry.createHousehold', {
    household: { communityId, gridId: opts.gridId, address: `詹滨西里${seq}号`, hukouType: 'urban', categories: opts.categories ?? [] },
    members: [{ name, relation: '02', idNumber }],
  });
  return { ...hh, idNumber };
}

describe('应补尽补 list', () => {
  /** Two orphans without the allowance (A in a grid, B elsewhere) and one aged out, still enrolled (A). */
  async function seedGaps() {
    const grid = await call('org.saveGrid', { communityId: communityA, name: '第一网格' });
    const a = await household('韩甲', communityA, { birth: '20120101', categories: ['orphan'], gridId: grid.id });
    const b = await household('韩乙', communityB, { birth: '20130101', categories: ['orphan'] });
    const old = await household('韩丙', communityA, { birth: '20080410', categories: ['orphan'] });
    await enrolThroughSteps(h, { programme: 'orphan-allowance', householdId: old.id, personId: old.members[0]!.id }, '2026-03', token);
    return { grid, a, b, old };
  }
  const names = (rows: { name: string; problem: string }[]) => rows.map((r) => `${r.name}:${r.problem}`).sort();

  test('filters by problem, community and grid; the counts per problem follow the place, not the problem chosen', async () => {
    const { grid } = await seedGaps();
    const onDate = '2026-05-02';
    const all = await call('assistance.gapList', { onDate });
    expect(all.onDate).toBe(onDate);
    expect(names(all.rows)).toEqual(['韩丙:should-exit', '韩乙:missing', '韩甲:missing']);
    expect(all.counts).toEqual({ missing: 2, 'off-standard': 0, 'should-exit': 1, review: 0 });
    // Listed by problem: 应享未享 before 应退尽退.
    expect(all.rows.map((r) => r.problem)).toEqual(['missing', 'missing', 'should-exit']);

    const exits = await call('assistance.gapList', { onDate, problem: 'should-exit' });
    expect(names(exits.rows)).toEqual(['韩丙:should-exit']);
    expect(exits.counts).toEqual(all.counts);

    const inA = await call('assistance.gapList', { onDate, communityId: communityA });
    expect(names(inA.rows)).toEqual(['韩丙:should-exit', '韩甲:missing']);
    expect(inA.counts).toEqual({ missing: 1, 'off-standard': 0, 'should-exit': 1, review: 0 });

    const inGrid = await call('assistance.gapList', { onDate, gridId: grid.id });
    expect(inGrid.rows).toMatchObject([{ name: '韩甲', gridName: '第一网格', problem: 'missing', subsidy: 'orphan-allowance' }]);
    expect(inGrid.counts.missing).toBe(1);

    const missingInB = await call('assistance.gapList', { onDate, communityId: communityB, problem: 'missing' });
    expect(names(missingInB.rows)).toEqual(['韩乙:missing']);
  });

  test('an unknown problem type is refused naming the field, and nothing is written', async () => {
    await at('2026-03-15T02:00:00Z');
    const before = changeCount();
    expect(await raw('assistance.gapList', { problem: 'late' })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'problem' } });
    expect(await raw('assistance.exportGaps', { gridId: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'gridId' } });
    expect(changeCount()).toBe(before);
  });

  test('the export: street and day in the title row, Chinese headers, full ID numbers, counts sheet; audited; the same day gives the same bytes', async () => {
    const { a } = await seedGaps();
    await at('2026-05-02T01:00:00Z');
    const f = await call('assistance.exportGaps', { problem: 'missing' });
    expect(f.fileName).toBe(`${TEST_STREET.name}应享未享核查清单（2026-05-02）.xlsx`);
    const wb = await readWorkbook(f.base64);
    const ws = wb.getWorksheet('核查清单')!;
    expect(ws.getCell('A1').value).toBe(`${TEST_STREET.name}应享未享核查清单（2026-05-02）`);
    expect(ws.getRow(2).values).toEqual([undefined, '序号', '问题类型', '社区', '网格', '姓名', '身份证号', '救助项目', '情况说明', '标准（元/月）', '实际领取（元/月）']);
    const row = [3, 4].map((n) => ws.getRow(n)).find((r) => r.getCell(5).value === '韩甲')!;
    expect(row.getCell(2).value).toBe('应享未享');
    expect(row.getCell(4).value).toBe('第一网格');
    expect(row.getCell(6).value).toBe(a.idNumber);
    expect(row.getCell(7).value).toBe('孤儿基本生活费');
    expect(row.getCell(9).value).toBe(600);
    expect(ws.getRow(5).getCell(5).value ?? null).toBeNull();
    const counts = wb.getWorksheet('分类汇总')!;
    expect([3, 4, 5, 6].map((n) => [counts.getRow(n).getCell(1).value, counts.getRow(n).getCell(2).value])).toEqual([
      ['应享未享', 2],
      ['未按标准发放', 0],
      ['应退尽退', 1],
      ['须复核', 0],
    ]);
    expect(auditCount('assistance.exportGaps')).toBe(1);
    await at('2026-05-02T08:30:00Z');
    expect((await call('assistance.exportGaps', { problem: 'missing' })).base64).toBe(f.base64);
    expect(auditCount('assistance.exportGaps')).toBe(2);
  });
});

describe('临时救助 payment list', () => {
  /** Received, approved and paid at `paidAt` (an instant). */
  async function paid(householdId: string, type: 'urgent' | 'expenditure', amountFen: number, paidAt: string) {
    const t = await call('assistance.receiveTemporary', { householdId, type, reason: type === 'urgent' ? '突发火灾' : '医疗支出', amountFen });
    await call('assistance.decideTemporary', { id: t.id, action: 'approve', note: '同意' });
    await at(paidAt);
    await call('assistance.decideTemporary', { id: t.id, action: 'pay' });
    return t;
  }

  async function seedPayments() {
    await at('2026-03-15T02:00:00Z');
    const a = await household('刘振华', communityA);
    const b = await household('张秀英', communityB);
    // 23:30 on 31 March in Shanghai is March; 00:10 on 1 April is April.
    await paid(a.id, 'urgent', 500000, '2026-03-31T15:30:00Z');
    await at('2026-03-31T15:40:00Z');
    await paid(b.id, 'expenditure', 120000, '2026-03-31T16:10:00Z');
    await paid(a.id, 'expenditure', 80000, '2026-04-20T03:00:00Z');
    // Approved but not paid, refused: not listed.
    const open = await call('assistance.receiveTemporary', { householdId: b.id, type: 'expenditure', reason: '医疗支出', amountFen: 50000 });
    await call('assistance.decideTemporary', { id: open.id, action: 'approve', note: '同意' });
    const refused = await call('assistance.receiveTemporary', { householdId: a.id, type: 'expenditure', reason: '医疗支出', amountFen: 70000 });
    await call('assistance.decideTemporary', { id: refused.id, action: 'reject', note: '不符合条件' });
    return { a, b };
  }

  test('paid in the period by the Shanghai day of payment, by type and community, with totals; masked on screen', async () => {
    await seedPayments();
    const march = await call('assistance.temporaryPayments', { fromMonth: '2026-03', toMonth: '2026-03' });
    expect(march.rows).toMatchObject([{ name: '刘振华', type: 'urgent', amountFen: 500000, paidOn: '2026-03-31', approver: 'street' }]);
    expect(march.rows[0]!.idMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(march.total).toEqual({ count: 1, totalFen: 500000 });

    const spring = await call('assistance.temporaryPayments', { fromMonth: '2026-03', toMonth: '2026-04' });
    expect(spring.rows.map((r) => [r.name, r.paidOn, r.amountFen])).toEqual([
      ['刘振华', '2026-03-31', 500000],
      ['张秀英', '2026-04-01', 120000],
      ['刘振华', '2026-04-20', 80000],
    ]);
    expect(spring.total).toEqual({ count: 3, totalFen: 700000 });
    expect(spring.byType).toEqual({ urgent: { count: 1, totalFen: 500000 }, expenditure: { count: 2, totalFen: 200000 } });
    expect(spring.byCommunity.map((c) => c.totalFen).sort()).toEqual([120000, 580000]);

    const expenditure = await call('assistance.temporaryPayments', { fromMonth: '2026-03', toMonth: '2026-04', type: 'expenditure' });
    expect(expenditure.rows.map((r) => r.amountFen)).toEqual([120000, 80000]);
    const inB = await call('assistance.temporaryPayments', { fromMonth: '2026-01', toMonth: '2026-12', communityId: communityB });
    expect(inB.rows.map((r) => r.name)).toEqual(['张秀英']);
    expect(inB.total).toEqual({ count: 1, totalFen: 120000 });
    expect((await call('assistance.temporaryPayments', { fromMonth: '2026-05', toMonth: '2026-05' })).rows).toEqual([]);
  });

  test('a period ending before it starts is refused naming 截止月份, and nothing is written', async () => {
    await at('2026-03-15T02:00:00Z');
    const before = changeCount();
    expect(await raw('assistance.temporaryPayments', { fromMonth: '2026-04', toMonth: '2026-03' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'toMonth', message: '截止月份不能早于起始月份' },
    });
    expect(await raw('assistance.exportTemporaryPayments', { fromMonth: '2026-04', toMonth: '2026-03' })).toMatchObject({ ok: false, error: { field: 'toMonth' } });
    expect(await raw('assistance.temporaryPayments', { fromMonth: '2026-13', toMonth: '2026-03' })).toMatchObject({ ok: false, error: { field: 'fromMonth' } });
    expect(changeCount()).toBe(before);
  });

  test('the export: title with street and period, full ID numbers, recorded amounts, totals and a summary sheet; audited; byte-stable', async () => {
    const { a } = await seedPayments();
    await at('2026-05-06T02:00:00Z');
    const f = await call('assistance.exportTemporaryPayments', { fromMonth: '2026-03', toMonth: '2026-04' });
    const title = `${TEST_STREET.name}临时救助发放明细（2026-03至2026-04）`;
    expect(f.fileName).toBe(`${title}.xlsx`);
    const wb = await readWorkbook(f.base64);
    const ws = wb.getWorksheet('发放明细')!;
    expect(ws.getCell('A1').value).toBe(title);
    expect(ws.getRow(2).values).toEqual([undefined, '序号', '发放日期', '社区', '姓名', '身份证号', '救助类型', '困难情形', '审批层级', '金额（元）']);
    expect(ws.getRow(3).values).toEqual([undefined, 1, '2026-03-31', expect.any(String), '刘振华', a.idNumber, '急难型', '突发火灾', '街道', 5000]);
    expect(ws.getRow(6).getCell(1).value).toBe('合计');
    expect(ws.getRow(6).getCell(9).value).toBe(7000);
    const sum = wb.getWorksheet('汇总')!;
    expect([3, 4].map((n) => [sum.getRow(n).getCell(1).value, sum.getRow(n).getCell(2).value, sum.getRow(n).getCell(3).value])).toEqual([
      ['急难型', 1, 5000],
      ['支出型', 2, 2000],
    ]);
    expect(auditCount('assistance.exportTemporaryPayments')).toBe(1);

    // A standard raised later changes no amount paid; the same payments give the same bytes.
    await call('policy.setParam', { key: 'dibao.standard', value: 120000, effectiveFrom: '2026-07-01' });
    await at('2026-06-01T02:00:00Z');
    expect((await call('assistance.exportTemporaryPayments', { fromMonth: '2026-03', toMonth: '2026-04' })).base64).toBe(f.base64);
    const urgent = await call('assistance.exportTemporaryPayments', { fromMonth: '2026-03', toMonth: '2026-04', type: 'urgent' });
    expect(urgent.fileName).toBe(`${TEST_STREET.name}急难型临时救助发放明细（2026-03至2026-04）.xlsx`);
  });
});
