/**
 * The report's speed work (issue 15) keeps every answer: on the demo street with its generated year
 * (injected clock), the 应补尽补 check narrowed by its SQL pre-filter lists exactly what the
 * whole-street check lists — also after deaths, a removed member and a withdrawn certificate put
 * people on the 应退尽退 and 复核 lists — and the trend, built from the measures' tables only,
 * equals the measures of the full monthly reports.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { EntitlementGap } from '../../../shared/assistance/types';
import type { MonthlyReport } from '../../../shared/reports/monthly-report';
import type { TrendPoint } from '../../../shared/reports/trend';
import { DEMO_PASSWORD, DEMO_USERS } from '../demo/load';
import { entitlementGaps } from '../services/assistance/gaps';
import { gapCounts } from '../services/assistance/gap-list';
import { makeHarness, type Harness } from '../testing/harness';

const clock = new Date('2026-06-15T04:00:00Z'); // 12:00 in Shanghai
let h: Harness;
let token: string;
let street: string;

const call = <T>(procedure: string, input: unknown): Promise<T> => h.call(procedure as never, input as never, token) as Promise<T>;
const all = <T>(sql: string, ...args: unknown[]) => h.backend.store.sqlite.prepare(sql).all(...args) as T[];
/** The rules list in the order of community and name; names repeat, so compare as sorted lines. */
const lines = (gs: EntitlementGap[]) => gs.map((g) => JSON.stringify(g)).sort();
const DAYS = ['2026-06-15', '2026-05-31', '2026-05-15', '2026-04-30', '2026-01-31', '2025-12-31'];

beforeAll(async () => {
  h = await makeHarness({ setUp: false, now: () => clock });
  await h.call('setup.loadDemo', {}, null);
  const admin = DEMO_USERS.find((u) => u.role === 'street-admin')!;
  const s = await h.call('auth.login', { username: admin.username, password: DEMO_PASSWORD }, null);
  token = s.token;
  street = s.street.code;
}, 300_000);
afterAll(() => h?.close());

describe('应补尽补: the pre-filtered check lists what the whole-street check lists', () => {
  const same = (day: string) => {
    const narrowed = entitlementGaps(h.backend.store, street, day);
    expect(lines(narrowed), day).toEqual(lines(entitlementGaps(h.backend.store, street, day, 'everyone')));
    return narrowed;
  };

  test('on the demo street as generated, on several days', () => {
    const found = DAYS.map(same);
    expect(found[0]!.length).toBeGreaterThan(10);
  });

  test('after deaths, a removed member and a withdrawn certificate', async () => {
    /** Open 低保 households with their members, largest first. */
    const households = all<{ id: string; n: number }>(
      `SELECT e.household_id AS id, (SELECT count(*) FROM persons p WHERE p.household_id = e.household_id AND p.deleted_at IS NULL) AS n
         FROM enrolments e WHERE e.street_code = ? AND e.programme = 'dibao' AND e.status = 'active' AND e.person_id IS NULL AND e.deleted_at IS NULL
        ORDER BY n DESC, e.household_id`,
      street,
    );
    const members = (id: string) => all<{ id: string; relation: string }>('SELECT id, relation FROM persons WHERE household_id = ? AND deleted_at IS NULL ORDER BY id', id);
    const [big, second, third] = households.filter((x) => x.n >= 3);
    const single = households.find((x) => x.n === 1)!;
    // The head of one dies (复核: head died); a whole household dies (应退: death); a member leaves the record.
    await call('registry.recordDeath', { personId: members(big!.id).find((m) => m.relation === '02')!.id, diedOn: '2026-05-20' });
    await call('registry.recordDeath', { personId: members(single.id)[0]!.id, diedOn: '2026-04-03' });
    await call('registry.deletePerson', { id: members(second!.id).find((m) => m.relation !== '02')!.id, reason: '测试：户籍迁出，删除成员' });
    await call('registry.recordDeath', { personId: members(third!.id).find((m) => m.relation !== '02')!.id, diedOn: '2026-06-01' });
    // A person with an allowance of their own dies; a certificate holder's certificate is withdrawn.
    const own = all<{ person_id: string }>(
      "SELECT person_id FROM enrolments WHERE street_code = ? AND person_id IS NOT NULL AND status = 'active' AND deleted_at IS NULL ORDER BY id LIMIT 2",
      street,
    );
    await call('registry.recordDeath', { personId: own[0]!.person_id, diedOn: '2026-05-02' });
    const holder = all<{ id: string }>(
      `SELECT p.id FROM persons p WHERE p.street_code = ? AND p.deleted_at IS NULL AND p.died_on IS NULL AND p.disability_grade IS NOT NULL
         AND EXISTS (SELECT 1 FROM enrolments e WHERE e.person_id = p.id AND e.status = 'active') ORDER BY p.id LIMIT 1`,
      street,
    );
    if (holder[0]) await call('registry.updatePerson', { id: holder[0].id, patch: { disabilityCategory: null, disabilityGrade: null } });

    // States the rules exist for that the app's own paths resolve at once (a death recorded on another
    // PC arrives by sync before its exit; a 低保 record covering more than its members): written as is.
    const sql = h.backend.store.sqlite;
    sql.prepare("UPDATE persons SET died_on = '2026-03-10' WHERE id = ?").run(own[1]!.person_id);
    sql.prepare("UPDATE persons SET died_on = '2026-02-10' WHERE household_id = ?").run(households.find((x) => x.n === 1 && x.id !== single.id)!.id);
    sql.prepare('UPDATE enrolments SET covered_persons = covered_persons + 1 WHERE household_id = ? AND person_id IS NULL').run(households.at(-1)!.id);

    const today = same('2026-06-15');
    for (const day of DAYS.slice(1)) same(day);
    const problems = new Set(today.map((g) => `${g.problem}:${g.reason ?? ''}`));
    expect(problems).toEqual(new Set(['missing:', 'review:head-died', 'review:covered-exceeds-living', 'should-exit:death']));
  });

  test('the count variant counts the list: the whole street and each community', async () => {
    const communities = all<{ id: string }>('SELECT id FROM communities WHERE street_code = ? AND deleted_at IS NULL', street);
    for (const filter of [{}, ...communities.map((c) => ({ communityId: c.id }))]) {
      const list = await call<{ counts: Record<string, number>; rows: unknown[] }>('assistance.gapList', filter);
      expect(gapCounts(h.backend.store, street, filter)).toEqual(list.counts);
      expect(Object.values(list.counts).reduce((a, b) => a + b, 0)).toBe(list.rows.length);
    }
  });
});

test('the trend equals the measures of the full monthly reports, month by month (the last 3 months)', async () => {
  const trend = await call<TrendPoint[]>('reports.trend', { months: 6 });
  expect(trend).toHaveLength(6);
  for (const point of trend.slice(-3)) {
    const full = await call<MonthlyReport>('reports.monthly', { month: point.month });
    expect(point, point.month).toEqual({ month: full.month, complete: full.complete, measures: full.measures });
  }
  expect(trend.at(-1)!.month).toBe('2026-06');
});
