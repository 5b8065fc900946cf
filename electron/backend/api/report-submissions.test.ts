/**
 * 报送 (issue 15) on a real street database: only a complete month is submitted; the copy is frozen
 * (the database refuses to change or delete it); a second submission of the month needs its reason
 * and becomes the next version; the district's lagging lines are read as dated policy data.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MonthlyReportSchema } from '../../../shared/reports/monthly-report';
import { LAGGING_LINES_KEY } from '../../../shared/reports/lagging';
import { rankingOf } from '../services/reports/district';
import { failure, makeHarness, TEST_STREET, type Harness } from '../testing/harness';

const NOW = new Date('2026-03-10T02:00:00.000Z'); // 2026-03-10 in Shanghai: February has ended, March has not
let h: Harness;
let caseworker: string;

beforeAll(async () => {
  h = await makeHarness({ now: () => NOW });
  await h.call('users.create', { username: 'jbr', displayName: '经办员', role: 'caseworker', password: 'case-pass-1' });
  caseworker = (await h.call('auth.login', { username: 'jbr', password: 'case-pass-1' }, null)).token;
});
afterAll(() => h?.close());

const count = () => (h.backend.store.sqlite.prepare('SELECT count(*) AS n FROM report_submissions').get() as { n: number }).n;

describe('报送', () => {
  test('the current month cannot be submitted yet, and a caseworker cannot submit; nothing is written', async () => {
    const open = await failure(h.call('reports.submit', { month: '2026-03' }));
    expect(open).toMatchObject({ code: 'report-month-incomplete', field: 'month' });
    expect(open.message).toMatch(/2026-03月尚未结束（统计至2026-03-10）/);
    const cw = await failure(h.call('reports.submit', { month: '2026-02' }, caseworker));
    expect(cw).toMatchObject({ code: 'forbidden' });
    expect(count()).toBe(0);
  });

  test('a complete month is frozen as version 1 with its report, and listed as the latest', async () => {
    const s = await h.call('reports.submit', { month: '2026-02' });
    expect(s).toMatchObject({ streetCode: TEST_STREET.code, streetName: TEST_STREET.name, month: '2026-02', version: 1, reason: null, submittedByName: '王管理', latest: true });
    expect(MonthlyReportSchema.parse(s.report)).toMatchObject({ month: '2026-02', complete: true, street: { code: TEST_STREET.code } });
    expect(s.report.asOf).toBe(NOW.toISOString());
    const list = await h.call('reports.submissions', { month: '2026-02' });
    expect(list.map((x) => [x.version, x.latest])).toEqual([[1, true]]);
  });

  test('the database refuses to change or delete a submitted report', () => {
    const db = h.backend.store.sqlite;
    const { id } = db.prepare('SELECT id FROM report_submissions').get() as { id: string };
    expect(() => db.prepare("UPDATE report_submissions SET payload = '{}' WHERE id = ?").run(id)).toThrow(/report_submissions are frozen/);
    expect(() => db.prepare("UPDATE report_submissions SET reason = '改' WHERE id = ?").run(id)).toThrow(/frozen/);
    expect(() => db.prepare('DELETE FROM report_submissions WHERE id = ?').run(id)).toThrow(/frozen/);
    expect(() => h.backend.store.softDelete('report_submissions', id, { userId: null, username: 'x', streetCode: TEST_STREET.code }, null)).toThrow(/frozen/);
    // a repeated remote row (the same values) is let through, as sync re-applies it
    expect(() => db.prepare('UPDATE report_submissions SET payload = payload WHERE id = ?').run(id)).not.toThrow();
  });

  test('a second submission of the month needs its reason and becomes version 2; version 1 stays', async () => {
    const noReason = await failure(h.call('reports.submit', { month: '2026-02' }));
    expect(noReason).toMatchObject({ code: 'invalid-input', field: 'reason' });
    expect(noReason.message).toBe('2026-02月已报送第1版，再次报送须填写更正原因');
    expect(count()).toBe(1);
    const v2 = await h.call('reports.submit', { month: '2026-02', reason: '补录2月漏登的走访记录' });
    expect(v2).toMatchObject({ version: 2, reason: '补录2月漏登的走访记录', latest: true });
    const list = await h.call('reports.submissions', {});
    expect(list.map((x) => [x.month, x.version, x.latest, x.reason])).toEqual([
      ['2026-02', 2, true, '补录2月漏登的走访记录'],
      ['2026-02', 1, false, null],
    ]);
    const v1 = await h.call('reports.submission', { id: list[1]!.id });
    expect(v1).toMatchObject({ version: 1, latest: false, report: { month: '2026-02' } });
    const audit = h.backend.store.sqlite.prepare("SELECT summary FROM audit_events WHERE action = 'reports.submit' ORDER BY rowid").all();
    expect(audit).toEqual([{ summary: '报送2026-02月度调度报表（第1版）' }, { summary: '报送2026-02月度调度报表（第2版），更正原因：补录2月漏登的走访记录' }]);
  });

  test('the database lets a 通报 draft change but refuses to change or delete a published one', () => {
    const store = h.backend.store;
    const db = store.sqlite;
    const actor = { userId: null, username: 'qu_admin', streetCode: 'district' };
    const id = store.insert('circulars', { streetCode: 'district', month: '2026-02', title: '通报', docNumber: '', body: '正文', streets: [TEST_STREET.code], status: 'draft', createdBy: 'qu_admin' }, actor, null);
    expect(store.update('circulars', id, { body: '改过的正文', docNumber: '东丽民通〔2026〕2号' }, actor, null)).toEqual(['body', 'docNumber']);
    store.update('circulars', id, { status: 'published', publishedAt: store.nowIso(), publishedBy: '区管理' }, actor, null);
    expect(() => db.prepare("UPDATE circulars SET body = '再改' WHERE id = ?").run(id)).toThrow(/published circular is frozen/);
    expect(() => db.prepare("UPDATE circulars SET status = 'draft' WHERE id = ?").run(id)).toThrow(/frozen/);
    expect(() => db.prepare('DELETE FROM circulars WHERE id = ?').run(id)).toThrow(/frozen/);
    expect(db.prepare('SELECT body FROM circulars WHERE id = ?').get(id)).toEqual({ body: '改过的正文' });
  });

  test('the district view, ranking and 通报 editing are refused to a street user', async () => {
    for (const p of ['reports.compare', 'reports.ranking', 'reports.circularDraft'] as const) {
      expect(await failure(h.call(p, { month: '2026-02' }))).toMatchObject({ code: 'forbidden' });
    }
    // the street reads the published 通报 naming it (the one stored above)
    expect((await h.call('reports.circulars', {})).map((c) => [c.title, c.status, c.docNumber])).toEqual([['通报', 'published', '东丽民通〔2026〕2号']]);
  });

  test('the lagging lines are the policy record in force on the month\'s last day', async () => {
    const s = h.backend.store;
    const before = rankingOf(s, '2026-02');
    expect(before.lines).toMatchObject({ coverageMinBp: 10000, overdueItemsMax: 0, effectiveFrom: '2020-06-12', note: expect.stringMatching(/津丽民发〔2020〕13号/) });
    await h.call('policy.setParam', {
      key: LAGGING_LINES_KEY,
      value: { coverageMinBp: 9000, overdueItemsMax: 2, urgentWithin24hMinBp: 9500, careFourHasMinBp: 9000 },
      effectiveFrom: '2026-04-01',
      note: '测试：二季度起的阶段目标',
    });
    expect(rankingOf(s, '2026-02').lines).toMatchObject({ coverageMinBp: 10000, effectiveFrom: '2020-06-12' });
    expect(rankingOf(s, '2026-04').lines).toMatchObject({ coverageMinBp: 9000, overdueItemsMax: 2, effectiveFrom: '2026-04-01', note: '测试：二季度起的阶段目标' });
    // this street's February: submitted, ranked; the other Dongli streets have not submitted
    const feb = rankingOf(s, '2026-02');
    expect(feb.rows).toHaveLength(11);
    expect(feb.rows[0]).toMatchObject({ street: { code: TEST_STREET.code }, submission: { version: 2 }, rank: 1 });
    expect(feb.rows.slice(1).every((r) => r.rank === null && r.submission === null && r.lagging[0] === '未报送本月调度报表')).toBe(true);
  });
});
