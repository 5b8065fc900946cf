/**
 * The monthly 调度 report (issue 15): on the demo street with its generated year (injected clock),
 * every figure equals a count made a second way — through the list procedures the figure stands
 * for, or rows read plainly and counted in the test — table by table, for a past month and for the
 * current month so far; plus the month's edges in Asia/Shanghai.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MonthlyReport, ReportTable } from '../../../shared/reports/monthly-report';
import { DEMO_PASSWORD, DEMO_USERS } from '../demo/load';
import { failure, makeHarness, type Harness } from '../testing/harness';
import { forgetKeptResults, keptTables } from '../store/since-last-change';

let clock = new Date('2026-06-15T04:00:00Z'); // 12:00 in Shanghai
let h: Harness;
let token: string;
let street: string;
const PAST = '2026-05';
const NOW = '2026-06';

const ms = (iso: string | null) => (iso === null ? NaN : Date.parse(iso));
const within = (iso: string | null, from: string, to: string) => ms(iso) >= ms(from) && ms(iso) <= ms(to);
/** The month's instants: from its first 00:00 in Shanghai to its end (or now, for the current month). */
function bounds(month: string): { from: string; to: string; first: string; last: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const first = `${month}-01`;
  const last = `${month}-${String(lastDay).padStart(2, '0')}`;
  const end = new Date(Date.parse(`${last}T23:59:59.999+08:00`));
  const to = end < clock ? end.toISOString() : clock.toISOString();
  const todayShanghai = new Date(clock.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return { from: new Date(Date.parse(`${first}T00:00:00+08:00`)).toISOString(), to, first, last: last < todayShanghai ? last : todayShanghai };
}

const call = <T>(procedure: string, input: unknown): Promise<T> => h.call(procedure as never, input as never, token) as Promise<T>;
const report = (month: string) => call<MonthlyReport>('reports.monthly', { month });
const table = (r: MonthlyReport, key: ReportTable['key']) => r.tables.find((t) => t.key === key)!;
const cell = (t: ReportTable, row: string, col: string) => (row === 'total' ? t.total! : t.rows.find((r) => r.key === row)!).cells[col];
const all = <T>(sql: string, ...args: unknown[]) => h.backend.store.sqlite.prepare(sql).all(...args) as T[];

beforeAll(async () => {
  h = await makeHarness({ setUp: false, now: () => clock });
  await h.call('setup.loadDemo', {}, null);
  const admin = DEMO_USERS.find((u) => u.role === 'street-admin')!;
  const s = await h.call('auth.login', { username: admin.username, password: DEMO_PASSWORD }, null);
  token = s.token;
  street = s.street.code;
}, 300_000);
afterAll(() => h?.close());

describe.each([PAST, NOW])('month %s: every figure counted a second way', (month) => {
  let r: MonthlyReport;
  beforeAll(async () => {
    r = await report(month);
  });

  test('the frame: the month, whether it is over, every table with its 口径', () => {
    expect(r.month).toBe(month);
    expect(r.complete).toBe(month === PAST);
    expect(r.tables.map((t) => t.key)).toEqual(['screening', 'problems', 'ledger', 'temporary', 'programmes', 'entitlements', 'care', 'left-behind']);
    for (const t of r.tables) expect(t.definition.length).toBeGreaterThan(40);
  });

  test('screening: planned = covered households with members, done = visited in the month, by community (SQL) and as the coverage procedure', async () => {
    const b = bounds(month);
    const t = table(r, 'screening');
    // Under the demo's policy everyone covered is visited at least monthly: every covered household is due.
    const hs = all<{ id: string; community: string; visited: number }>(
      `SELECT h.id, c.name AS community,
         EXISTS (SELECT 1 FROM visits v WHERE v.household_id = h.id AND v.deleted_at IS NULL AND v.visited_on >= ? AND v.visited_on <= ?) AS visited
       FROM households h JOIN communities c ON c.id = h.community_id
       WHERE h.street_code = ? AND h.deleted_at IS NULL AND h.status IN ('active','watch') AND h.created_at <= ?
         AND EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id AND p.deleted_at IS NULL)`,
      b.first, b.last, street, b.to,
    );
    expect(hs.length).toBeGreaterThan(100);
    const communities = [...new Set(hs.map((x) => x.community))];
    for (const c of communities) {
      const mine = hs.filter((x) => x.community === c);
      const done = mine.filter((x) => x.visited === 1).length;
      expect(cell(t, `community:${c}`, 'planned'), c).toBe(mine.length);
      expect(cell(t, `community:${c}`, 'done'), c).toBe(done);
      expect(cell(t, `community:${c}`, 'overdue'), c).toBe(month === PAST ? mine.length - done : 0);
    }
    expect(t.rows.filter((x) => x.key.startsWith('community:'))).toHaveLength(communities.length);
    expect(cell(t, 'total', 'planned')).toBe(hs.length);
    expect(cell(t, 'group:covered', 'planned')).toBe(hs.length);
    const cov = await call<{ total: { due: number; done: number; overdue: number } }>('screening.coverage', { period: 'month', date: b.first });
    expect([cell(t, 'total', 'planned'), cell(t, 'total', 'done'), cell(t, 'total', 'overdue')]).toEqual([cov.total.due, cov.total.done, cov.total.overdue]);
    expect(r.measures.coverageBp).toBe(Math.round((cov.total.done * 10000) / cov.total.due));
  });

  test('problems and ledger flow: counted from the items, events and referrals read plainly', async () => {
    const b = bounds(month);
    const items = all<{
      id: string; category: string; urgency: string; source: string; status: string; registered_at: string;
      closed_at: string | null; due_at: string; verify_due_at: string; reviewed_at: string | null; review_result: string | null;
    }>('SELECT * FROM ledger_items WHERE street_code = ? AND deleted_at IS NULL', street);
    const found = items.filter((i) => within(i.registered_at, b.from, b.to) && i.status !== 'duplicate');
    const p = table(r, 'problems');
    expect(cell(p, 'total', 'found')).toBe(found.length);
    for (const c of ['living', 'medical', 'care']) expect(cell(p, `category:${c}`, 'found')).toBe(found.filter((i) => i.category === c).length);
    for (const g of ['1', '2']) expect(cell(p, `grade:${g}`, 'found')).toBe(found.filter((i) => i.urgency === g).length);
    expect(cell(p, 'source:visit', 'found')).toBe(found.filter((i) => i.source === 'visit').length);
    const openAt = (i: (typeof items)[number]) => i.closed_at === null || ms(i.closed_at) > ms(b.to);
    expect(cell(p, 'total', 'open')).toBe(found.filter(openAt).length);

    const l = table(r, 'ledger');
    const closing = ['closed', 'reviewed', 'unfounded', 'duplicate'];
    const closed = items.filter((i) => closing.includes(i.status) && within(i.closed_at, b.from, b.to));
    expect(cell(l, 'total', 'opened')).toBe(items.filter((i) => within(i.registered_at, b.from, b.to)).length);
    expect(cell(l, 'total', 'closed')).toBe(closed.length);
    expect(cell(l, 'grade:1', 'closed')).toBe(closed.filter((i) => i.urgency === '1').length);
    expect(cell(l, 'total', 'withinLimit')).toBe(closed.filter((i) => ms(i.closed_at) <= ms(i.due_at)).length);
    const reviewed = items.filter((i) => within(i.reviewed_at, b.from, b.to));
    expect(cell(l, 'total', 'lookBack')).toBe(reviewed.length);
    expect(cell(l, 'total', 'lookBackProblems')).toBe(reviewed.filter((i) => i.review_result === 'needs-follow-up').length);
    const referred = new Set(
      all<{ item_id: string }>('SELECT item_id FROM referrals WHERE street_code = ? AND deleted_at IS NULL AND sent_on >= ? AND sent_on <= ?', street, b.first, b.last).map((x) => x.item_id),
    );
    expect(cell(l, 'total', 'referred')).toBe(items.filter((i) => referred.has(i.id)).length);
    // Overdue at the cut-off: still pending then (no step out of 待核查 by then) runs against the earlier deadline.
    const leftPending = new Map(
      all<{ item_id: string; at: string }>("SELECT item_id, at FROM ledger_events WHERE from_status = 'pending' AND to_status IS NOT NULL AND to_status <> 'pending' AND deleted_at IS NULL").map(
        (e) => [e.item_id, e.at],
      ),
    );
    const overdue = items.filter((i) => {
      if (ms(i.registered_at) > ms(b.to) || !openAt(i)) return false;
      const left = leftPending.get(i.id);
      const pending = left === undefined || ms(left) > ms(b.to);
      const deadline = pending ? Math.min(ms(i.verify_due_at), ms(i.due_at)) : ms(i.due_at);
      return deadline < ms(b.to);
    });
    expect(cell(l, 'total', 'overdue')).toBe(overdue.length);
    expect(r.measures.overdueItems).toBe(overdue.length);
    if (month === NOW) {
      // The current month's overdue items are the ledger list's 超期 filter.
      const list = await call<{ total: number }>('ledger.list', { status: 'open', overdueOnly: true });
      expect(cell(l, 'total', 'overdue')).toBe(list.total);
    }
    expect(cell(l, 'total', 'opened')).toBeGreaterThan(0);
  });

  test('temporary assistance: the applications received in the month, as the application list shows them', async () => {
    const b = bounds(month);
    const rows = (await call<{ type: string; status: string; amountFen: number; receivedAt: string; approvedAt: string | null; deadline: string | null; withinDeadline: boolean | null; papersOwed: unknown[] | null; papersCompletedAt: string | null }[]>(
      'assistance.listTemporary', {},
    )).filter((x) => within(x.receivedAt, b.from, b.to));
    const t = table(r, 'temporary');
    const approvedBy = (x: (typeof rows)[number]) => x.approvedAt !== null && ms(x.approvedAt) <= ms(b.to);
    for (const type of ['urgent', 'expenditure']) {
      const mine = rows.filter((x) => x.type === type);
      const approved = mine.filter((x) => approvedBy(x) && (x.status === 'approved' || x.status === 'paid'));
      expect(cell(t, `type:${type}`, 'applications')).toBe(mine.length);
      expect(cell(t, `type:${type}`, 'approved')).toBe(approved.length);
      expect(cell(t, `type:${type}`, 'approvedFen')).toBe(approved.reduce((s, x) => s + x.amountFen, 0));
      const timed = mine.filter((x) => x.deadline !== null);
      expect(cell(t, `type:${type}`, 'timed')).toBe(timed.length);
      const inTime = timed.filter((x) => (approvedBy(x) ? ms(x.approvedAt) <= ms(x.deadline) : ms(b.to) <= ms(x.deadline)));
      expect(cell(t, `type:${type}`, 'withinDeadline')).toBe(inTime.length);
      if (month === NOW) expect(inTime.length).toBe(timed.filter((x) => x.withinDeadline === true).length);
      const advance = mine.filter((x) => (x.papersOwed?.length ?? 0) > 0 && approvedBy(x));
      expect(cell(t, `type:${type}`, 'advance')).toBe(advance.length);
      expect(cell(t, `type:${type}`, 'papersOwed')).toBe(advance.filter((x) => x.papersCompletedAt === null || ms(x.papersCompletedAt) > ms(b.to)).length);
    }
    const urgent = t.rows.find((x) => x.key === 'type:urgent')!;
    expect(r.measures.urgentWithin24hBp).toBe(urgent.cells.timed ? Math.round((urgent.cells.withinDeadline! * 10000) / urgent.cells.timed) : null);
  });

  test('programmes: in force as the payment list, paid as the confirmed batch records', async () => {
    const t = table(r, 'programmes');
    for (const programme of ['dibao', 'dibao-edge', 'tekun-home']) {
      const list = await call<{ rows: { enrolmentId: string; coveredPersons: number }[] }>('assistance.paymentList', { programme, month });
      expect(cell(t, `programme:${programme}`, 'inForce'), programme).toBe(new Set(list.rows.map((x) => x.enrolmentId)).size);
      const { batch } = await call<{ batch: { status: string; rowCount: number; totalFen: number } | null }>('batches.forMonth', { programme, month });
      const confirmed = batch && batch.status !== 'pending' ? batch : null;
      expect(cell(t, `programme:${programme}`, 'paidRows'), programme).toBe(confirmed?.rowCount ?? 0);
      expect(cell(t, `programme:${programme}`, 'paidFen'), programme).toBe(confirmed?.totalFen ?? 0);
    }
    const enrolments = all<{ programme: string; start_month: string | null; end_month: string | null }>(
      "SELECT programme, start_month, end_month FROM enrolments WHERE street_code = ? AND deleted_at IS NULL AND programme = 'dibao'", street,
    );
    expect(cell(t, 'programme:dibao', 'enrolled')).toBe(enrolments.filter((e) => e.start_month === month).length);
    expect(cell(t, 'programme:dibao', 'exited')).toBe(enrolments.filter((e) => e.end_month === month && e.start_month! <= month).length);
    if (month === PAST) expect(cell(t, 'programme:dibao', 'paidFen')).toBeGreaterThan(0);
  });

  test('entitlements: the gap lists at the two ends of the month', async () => {
    const b = bounds(month);
    const dayBefore = new Date(Date.parse(`${b.first}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const key = (g: { personId: string; subsidy: string; problem: string; enrolmentId?: string }) => `${g.personId}|${g.subsidy}|${g.problem}|${g.enrolmentId ?? ''}`;
    const before = new Set((await call<Parameters<typeof key>[0][]>('assistance.entitlementGaps', { onDate: dayBefore })).map(key));
    const after = new Set((await call<Parameters<typeof key>[0][]>('assistance.entitlementGaps', { onDate: b.last })).map(key));
    const t = table(r, 'entitlements');
    expect(cell(t, 'total', 'atStart')).toBe(before.size);
    expect(cell(t, 'total', 'open')).toBe(after.size);
    expect(cell(t, 'total', 'found')).toBe([...after].filter((k) => !before.has(k)).length);
    expect(cell(t, 'total', 'closed')).toBe([...before].filter((k) => !after.has(k)).length);
  });

  test('care: persons, agreements, cards and 四有 as the 四有 board; visits from the visit records', async () => {
    const t = table(r, 'care');
    const b = bounds(month);
    const persons = all<{ id: string }>(
      `SELECT p.id FROM persons p JOIN households h ON h.id = p.household_id WHERE p.street_code = ? AND p.deleted_at IS NULL AND h.deleted_at IS NULL
         AND (EXISTS (SELECT 1 FROM enrolments e WHERE e.person_id = p.id AND e.programme = 'tekun-home' AND e.deleted_at IS NULL AND e.status IN ('active','suspended','gradual-exit'))
              OR EXISTS (SELECT 1 FROM care_profiles cp WHERE cp.person_id = p.id AND cp.deleted_at IS NULL AND cp.supply_mode = 'home'))
         AND NOT EXISTS (SELECT 1 FROM care_profiles cp WHERE cp.person_id = p.id AND cp.deleted_at IS NULL AND cp.supply_mode = 'institution')`,
      street,
    );
    const ids = new Set(persons.map((p) => p.id));
    const visits = all<{ person_id: string; visitor_kind: string; services: string }>(
      'SELECT person_id, visitor_kind, services FROM care_visits WHERE street_code = ? AND deleted_at IS NULL AND visit_date >= ? AND visit_date <= ?', street, b.first, b.last,
    ).filter((v) => ids.has(v.person_id) && (v.visitor_kind !== 'social-org' || /"(follow-up|visit)"/.test(v.services)));
    expect(cell(t, 'total', 'visits')).toBe(visits.length);
    expect(cell(t, 'total', 'visited')).toBe(new Set(visits.map((v) => v.person_id)).size);
    if (month === NOW) {
      const board = await call<{ personId: string; ok: Record<string, boolean>; gaps: { code: string }[] }[]>('care.board', {});
      expect(board.map((x) => x.personId).sort()).toEqual([...ids].sort());
      expect(cell(t, 'total', 'persons')).toBe(board.length);
      expect(cell(t, 'total', 'agreements')).toBe(board.filter((x) => x.ok.agreement).length);
      expect(cell(t, 'total', 'cards')).toBe(board.filter((x) => !x.gaps.some((g) => g.code === 'card-missing' || g.code === 'card-expired')).length);
      expect(cell(t, 'total', 'fourHaves')).toBe(board.filter((x) => x.gaps.length === 0).length);
      expect(r.measures.careFourHasBp).toBe(board.length ? Math.round((board.filter((x) => x.gaps.length === 0).length * 10000) / board.length) : null);
    } else expect(cell(t, 'total', 'persons')).toBe(ids.size);
  });

  test('留守: persons from the 留守 records (none invented from household tags), as a plain count', () => {
    const b = bounds(month);
    const t = table(r, 'left-behind');
    const n = all<{ n: number }>(
      `SELECT count(DISTINCT person_id) AS n FROM left_behind_records WHERE street_code = ? AND deleted_at IS NULL
         AND opened_on <= ? AND (closed_on IS NULL OR closed_on > ?)`,
      street, b.last, b.last,
    )[0]!.n;
    expect(cell(t, 'total', 'persons')).toBe(n);
  });
});

describe('the month’s edges (Asia/Shanghai)', () => {
  test('an item registered at 23:59 on the month’s last day counts in that month, one at 00:00 the next day in the next; a visit dated the last day counts in it', async () => {
    const household = all<{ id: string }>("SELECT id FROM households WHERE street_code = ? AND deleted_at IS NULL AND status = 'active' LIMIT 1", street)[0]!.id;
    const saved = clock;
    try {
      const before = { may: await report(PAST), june: await report(NOW) };
      clock = new Date('2026-05-31T15:59:00Z'); // 2026-05-31 23:59 in Shanghai
      token = (await h.call('auth.login', { username: DEMO_USERS.find((u) => u.role === 'street-admin')!.username, password: DEMO_PASSWORD }, null)).token;
      await call('ledger.create', { householdId: household, source: 'hotline', category: 'living', urgency: '2', description: '月末最后一分钟登记' });
      await call('screening.recordVisit', { householdId: household, visitedOn: '2026-05-31', method: 'phone', visitorName: '王社工' });
      clock = new Date('2026-05-31T16:00:00Z'); // 2026-06-01 00:00 in Shanghai
      await call('ledger.create', { householdId: household, source: 'hotline', category: 'living', urgency: '2', description: '次月第一分钟登记' });
      clock = saved;
      token = (await h.call('auth.login', { username: DEMO_USERS.find((u) => u.role === 'street-admin')!.username, password: DEMO_PASSWORD }, null)).token;
      const may = await report(PAST);
      const june = await report(NOW);
      const opened = (r: MonthlyReport) => cell(table(r, 'ledger'), 'total', 'opened')!;
      expect(opened(may)).toBe(opened(before.may) + 1);
      expect(opened(june)).toBe(opened(before.june) + 1);
      expect(cell(table(may, 'problems'), 'source:hotline', 'found')).toBe(cell(table(before.may, 'problems'), 'source:hotline', 'found')! + 1);
      const visitedMay = (r: MonthlyReport) => cell(table(r, 'screening'), 'total', 'done')!;
      const hadVisit = all<{ n: number }>("SELECT count(*) AS n FROM visits WHERE household_id = ? AND visited_on >= '2026-05-01' AND visited_on <= '2026-05-30' AND deleted_at IS NULL", household)[0]!.n > 0;
      expect(visitedMay(may)).toBe(visitedMay(before.may) + (hadVisit ? 0 : 1));
    } finally {
      clock = saved;
    }
  });

  test('the current month counts up to today; a month not yet begun is refused, naming the field', async () => {
    const r = await report(NOW);
    expect(r.complete).toBe(false);
    expect(r.asOf).toBe(clock.toISOString());
    const err = await failure(call('reports.monthly', { month: '2026-07' }));
    expect(err.code).toBe('invalid-input');
    expect(err.field).toBe('month');
    expect(err.message).toContain('统计月份');
  });

  test('a street user naming another street still gets their own street', async () => {
    const r = await call<MonthlyReport>('reports.monthly', { month: NOW, streetCode: '120110002000' });
    expect(r.street.code).toBe(street);
  });
});

describe('tables kept until a table they read changes', () => {
  /** The report worked out from nothing: every kept table dropped first. */
  const cold = async (month: string) => {
    forgetKeptResults(h.backend.store);
    return report(month);
  };

  test('after a visit the tables that read no visits are as they were, and kept equals cold', async () => {
    const before = await report(NOW);
    const due = await call<{ rows: { householdId: string }[] }>('screening.dueList', { list: 'today', pageSize: 1 });
    const household = due.rows[0]!.householdId;
    await call('screening.recordVisit', { householdId: household, visitedOn: '2026-06-15', method: 'home', visitorName: '刘网格' });
    const after = await report(NOW);
    expect(after).toEqual(await cold(NOW));
    for (const key of ['ledger', 'temporary', 'programmes'] as const) expect(table(after, key)).toEqual(table(before, key));
  });

  test('after a ledger write the ledger tables move with it, kept equals cold for both months', async () => {
    await report(PAST);
    const before = await report(NOW);
    const pending = await call<{ rows: { id: string }[] }>('ledger.list', { status: 'pending', pageSize: 1 });
    await call('ledger.transition', { id: pending.rows[0]!.id, action: 'start-verify' });
    const after = await report(NOW);
    expect(after).toEqual(await cold(NOW));
    expect(await report(PAST)).toEqual(await cold(PAST));
    expect(table(after, 'screening')).toEqual(table(before, 'screening'));
  });

  test('the screening table keeps its due households across visits: a visit recounts who was visited, the due list is not worked out again', async () => {
    await report(NOW);
    const dueKey = `report-screening-due|${street}|2026-06-01|2026-06-15`;
    const read = keptTables(h.backend.store, dueKey);
    expect(read).toBeDefined();
    expect(read).not.toContain('visits');
    expect(read).not.toContain('household_last_visit');
    const due = await call<{ rows: { householdId: string }[] }>('screening.dueList', { list: 'week', pageSize: 1 });
    await call('screening.recordVisit', { householdId: due.rows[0]!.householdId, visitedOn: '2026-06-15', method: 'home', visitorName: '刘网格' });
    const after = await report(NOW);
    expect(keptTables(h.backend.store, dueKey)).toBe(read); // the same kept entry: not worked out again
    expect(after).toEqual(await cold(NOW));
  });

  test('after a temporary assistance application and after a household leaves the registry, kept equals cold for both months', async () => {
    await report(PAST);
    await report(NOW);
    const free = all<{ id: string }>(
      `SELECT h.id FROM households h WHERE h.street_code = ? AND h.deleted_at IS NULL AND h.status IN ('active','watch')
         AND NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.household_id = h.id AND e.deleted_at IS NULL)
         AND NOT EXISTS (SELECT 1 FROM temporary_assistance t WHERE t.household_id = h.id)
         AND EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id AND p.deleted_at IS NULL AND p.died_on IS NULL) ORDER BY h.id LIMIT 2`,
      street,
    );
    await call('assistance.receiveTemporary', { householdId: free[0]!.id, type: 'expenditure', reason: '医疗支出', amountFen: 50000 });
    expect(await report(NOW)).toEqual(await cold(NOW));
    expect(await report(PAST)).toEqual(await cold(PAST));
    const planned = cell(table(await report(NOW), 'screening'), 'total', 'planned')!;
    await call('registry.deleteHousehold', { id: free[1]!.id, reason: '重复登记' });
    const after = await report(NOW);
    expect(cell(table(after, 'screening'), 'total', 'planned')).toBe(planned - 1); // every covered household is due at least monthly
    expect(after).toEqual(await cold(NOW));
    expect(await report(PAST)).toEqual(await cold(PAST));
  });
});
