/**
 * The demo street's generated year (history.ts), loaded through setup.loadDemo on an injected
 * clock: visits by cadence with some overdue, ledger items in every state, enrolments through their
 * steps with confirmed monthly batches and one 渐退, temporary assistance, care files with a 四有
 * gap, 耿淑兰's household, 复审 on schedule, 留守 records kept current; and the same clock gives the
 * same street again.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LEDGER_STATUSES } from '../../../shared/ledger/codes';
import { addMonths, monthOf } from '../../../shared/policy/months';
import { shanghaiDate } from '../../../shared/time/shanghai';
import { makeHarness, type Harness } from '../testing/harness';
import { GENG_SHULAN } from './history-geng';
import { PROGRAMME_TAGS } from './history';
import { generateStreet } from './generate';
import { loadStreetData } from './load';

/** A Thursday afternoon in Shanghai (the tests never read the runner's clock). */
const NOW = new Date('2026-11-19T06:30:00Z');

async function loadDemo(): Promise<{ h: Harness; token: string; ms: number }> {
  const h = await makeHarness({ setUp: false, now: () => NOW });
  const t0 = performance.now();
  await h.call('setup.loadDemo', {}, null);
  const ms = performance.now() - t0;
  const { token } = await h.call('auth.login', { username: 'demo', password: 'demo' }, null);
  return { h, token, ms };
}

describe('the demo street lives a year before it opens', () => {
  let h: Harness;
  let token: string;
  const today = shanghaiDate(NOW);
  const call: Harness['call'] = (p, input) => h.call(p, input, token);

  beforeAll(async () => {
    ({ h, token } = await loadDemo());
  }, 600_000); // a hang guard: a demo year loads in ~60 s alone, four times that on a loaded 2-core machine
  afterAll(() => h?.close());

  test('visits follow the cadence: some households overdue, most not due today, many not due this week', async () => {
    const visits = (h.backend.store.sqlite.prepare('SELECT count(*) AS n, max(visited_on) AS last FROM visits').get() as { n: number; last: string });
    expect(visits.n).toBeGreaterThan(10_000);
    expect(visits.last < today).toBe(true);
    const overdue = await call('screening.dueList', { list: 'overdue' });
    const dueToday = await call('screening.dueList', { list: 'today' });
    const dueThisWeek = await call('screening.dueList', { list: 'week' });
    expect(overdue.total).toBeGreaterThan(0);
    // Daily-cadence households (独居老人, 重病, 重残…) are due every day; the others are not.
    expect(dueToday.total).toBeLessThan(2000 * 0.6);
    expect(dueThisWeek.total).toBeLessThan(2000);
    expect(overdue.rows.every((r) => r.daysOverdue > 0 && r.lastVisitOn !== null)).toBe(true);
  });

  test('ledger items in every state, some overdue, 24-hour items still running, a repeat closed as 重复', async () => {
    for (const s of LEDGER_STATUSES) {
      const page = await call('ledger.list', { status: s.code });
      expect(page.total, s.label).toBeGreaterThan(0);
    }
    const overdue = await call('ledger.list', { overdueOnly: true });
    expect(overdue.total).toBeGreaterThan(0);
    const urgent = await call('ledger.list', { urgency: '1', status: 'open' });
    const running = urgent.rows.filter((r) => !r.overdue && Date.parse(r.dueAt) - NOW.getTime() <= 24 * 3_600_000);
    expect(running.length).toBeGreaterThanOrEqual(2);
    expect(urgent.rows.some((r) => r.overdue)).toBe(true);
    const dup = (await call('ledger.list', { status: 'duplicate' })).rows[0]!;
    const detail = await call('ledger.get', { id: dup.id });
    expect(detail.duplicateOfId).not.toBeNull();
  });

  test('a street five times bigger gets about five times the ledger, with every fate, source and urgency', async () => {
    const small = await makeHarness({ setUp: false, now: () => NOW });
    try {
      loadStreetData(small.backend.store, generateStreet({ households: 400, referenceDate: today }), { history: true });
      const few = ledgerMix(small);
      const many = ledgerMix(h);
      // The year's 二级 items in proportion to the households; the street's few fixed cases on top.
      const ratio = many.urgency['2']! / few.urgency['2']!;
      expect(ratio).toBeGreaterThan(4);
      expect(ratio).toBeLessThan(6);
      expect(many.total / few.total).toBeGreaterThan(3);
      for (const s of LEDGER_STATUSES) expect(many.status[s.code] ?? 0, s.label).toBeGreaterThan(0);
      for (const src of ['grid-report', 'hotline', 'visit', 'department']) expect(many.source[src] ?? 0, src).toBeGreaterThan(0);
      // 一级 items on both: handled within the day over the year, and open ones on the load's day.
      expect(many.urgency['1']).toBeGreaterThan(few.urgency['1']!);
      expect(few.urgency['1']).toBeGreaterThanOrEqual(3);
      // Referrals answered and still waiting.
      expect(many.referralsOpen).toBeGreaterThan(0);
      expect(many.referralsAnswered).toBeGreaterThan(0);
    } finally {
      await small.close();
    }
  }, 600_000); // a hang guard: a demo year loads in ~60 s alone, four times that on a loaded 2-core machine

  test('enrolments through 申请→调查→审核→公示→审批, never of a household tagged with a programme; one in 渐退', async () => {
    const all = await call('assistance.listEnrolments', {});
    const inPayment = all.filter((e) => e.status === 'active' || e.status === 'gradual-exit');
    expect(inPayment.length).toBeGreaterThanOrEqual(24);
    expect(all.filter((e) => e.status === 'gradual-exit')).toHaveLength(1);
    expect(all.some((e) => ['applied', 'investigated', 'reviewed', 'published'].includes(e.status))).toBe(true);
    expect(all.some((e) => e.status === 'rejected')).toBe(true);
    const tags = h.backend.store.sqlite.prepare('SELECT categories FROM households WHERE id = ?');
    for (const e of all) {
      const cats = JSON.parse((tags.get(e.householdId) as { categories: string }).categories) as string[];
      expect(cats.some((c) => PROGRAMME_TAGS.includes(c))).toBe(false);
    }
    const one = await call('assistance.getEnrolment', { id: inPayment[0]!.id });
    expect(one.steps.map((s) => s.step)).toEqual(expect.arrayContaining(['apply', 'investigate', 'street-review', 'publish', 'approve']));
    expect(new Set(one.steps.map((s) => s.username))).toEqual(new Set(['caseworker', 'supervisor']));
  });

  test('each past month since the first approvals has a confirmed 低保 batch, none for this month', async () => {
    const batches = await call('batches.list', { programme: 'dibao' });
    const months = batches.filter((b) => b.status === 'confirmed').map((b) => b.month).sort();
    expect(months.length).toBeGreaterThanOrEqual(9);
    expect(months.at(-1)).toBe(addMonths(monthOf(today), -1));
    for (let i = 1; i < months.length; i++) expect(months[i]).toBe(addMonths(months[i - 1]!, 1));
    expect(batches.some((b) => b.month === monthOf(today))).toBe(false);
  });

  test('temporary assistance: paid and refused over the year, an urgent case within 24 hours, a 先行救助 with papers owed', async () => {
    const rows = await call('assistance.listTemporary', {});
    expect(rows.filter((r) => r.status === 'paid').length).toBeGreaterThanOrEqual(3);
    expect(rows.some((r) => r.status === 'rejected')).toBe(true);
    const open = rows.filter((r) => r.type === 'urgent' && r.status === 'received');
    expect(open).toHaveLength(1);
    expect(NOW.getTime() - Date.parse(open[0]!.receivedAt)).toBeLessThan(24 * 3_600_000);
    const owed = rows.filter((r) => r.papersOwed?.some((p) => !p.receivedOn));
    expect(owed).toHaveLength(1);
    expect(owed[0]!.status).toBe('paid');
  });

  test('care files with signed agreements, cards and visits; one without a card (a 四有 gap), one card with blanks', async () => {
    const board = await call('care.board', { gapsOnly: false });
    const files = board.filter((r) => r.caregiverName);
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(files.filter((r) => r.gaps.some((g) => g.code === 'card-missing'))).toHaveLength(1);
    expect(files.filter((r) => r.lastVisitDate).length).toBeGreaterThanOrEqual(9);
    const cards = h.backend.store.sqlite.prepare('SELECT street_contact FROM care_cards').all() as { street_contact: string | null }[];
    expect(cards).toHaveLength(9);
    expect(cards.filter((c) => c.street_contact === null)).toHaveLength(1);
  });

  test('耿淑兰: 低保边缘 with confirmed payments, and one problem registered twice, not yet closed', async () => {
    const hits = await call('registry.search', { q: GENG_SHULAN, limit: 10 });
    const hit = hits.find((x) => x.title.startsWith(GENG_SHULAN))!;
    expect(hit).toBeDefined();
    const person = h.backend.store.sqlite.prepare('SELECT household_id FROM persons WHERE name = ?').get(GENG_SHULAN) as { household_id: string };
    const file = await call('household.file', { id: person.household_id });
    expect(file.enrolments.map((e) => [e.programme, e.status])).toEqual([['dibao-edge', 'active']]);
    expect(file.payments.filter((p) => p.batchStatus === 'confirmed').length).toBeGreaterThanOrEqual(9);
    const open = file.ledger.filter((r) => !['closed', 'reviewed', 'unfounded', 'duplicate'].includes(r.status));
    expect(open).toHaveLength(2);
    expect(new Set(open.map((r) => r.category))).toEqual(new Set(['care']));
    expect(file.ledger.some((r) => r.status === 'reviewed')).toBe(true);
    expect(file.visits.length).toBeGreaterThan(0);
  });

  test('复审 on schedule: most reviewed within their cycle, a few overdue, some due in the coming days', async () => {
    const all = await call('assistance.reviewsDue', {});
    const total = all.counts.overdue + all.counts.due + all.counts.later;
    expect(total).toBeGreaterThan(500);
    expect(all.counts.overdue).toBeGreaterThan(0);
    expect(all.counts.overdue).toBeLessThan(total * 0.06);
    expect(all.counts.due).toBeGreaterThan(0);
    const reviews = h.backend.store.sqlite.prepare("SELECT count(*) AS n, count(DISTINCT enrolment_id) AS e FROM enrolment_steps WHERE step = 'periodic-review'").get() as { n: number; e: number };
    expect(reviews.e).toBeGreaterThan(total * 0.9);
    expect(reviews.n).toBeGreaterThan(reviews.e);
  });

  test('留守 records for the persons the rules name, kept current each quarter, a few not updated in time, one child aged out', async () => {
    const open = await call('leftBehind.list', { filter: 'open' });
    expect(open.openCount).toBeGreaterThan(20);
    expect(new Set(open.rows.map((r) => r.kind))).toEqual(new Set(['child', 'woman', 'elderly']));
    expect(open.staleCount).toBeGreaterThan(0);
    expect(open.staleCount).toBeLessThan(open.openCount * 0.2);
    // Only the person concerned: a 留守妇女 is a woman, never the whole household.
    expect(open.rows.filter((r) => r.kind === 'woman').every((r) => r.sex === 'female')).toBe(true);
    expect(open.rows.filter((r) => r.kind === 'child').every((r) => r.age < 16 && r.guardianName)).toBe(true);
    const updates = h.backend.store.sqlite.prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'leftBehind.update'").get() as { n: number };
    expect(updates.n).toBeGreaterThan(open.openCount);
    expect(open.pending.length).toBeGreaterThan(0);
  });

  test('the same clock gives the same street and year again', async () => {
    const other = await loadDemo();
    try {
      expect(digest(other.h)).toEqual(digest(h));
      console.log(`demo load with its year: ${Math.round(other.ms)} ms`);
    } finally {
      await other.h.close();
    }
  }, 600_000); // a hang guard: a demo year loads in ~60 s alone, four times that on a loaded 2-core machine
});

const TABLES = [
  'households', 'persons', 'visits', 'ledger_items', 'ledger_events', 'referrals', 'enrolments', 'enrolment_steps',
  'income_rise_decisions', 'temporary_assistance', 'payment_batches', 'payment_batch_rows', 'care_profiles', 'caregivers',
  'care_agreements', 'care_cards', 'care_visits', 'care_plans', 'left_behind_records', 'audit_events',
];

/**
 * Each table's rows without ids (random parts of UUIDs), without the replica's own mark in ledger
 * numbers (its node id) and without batch digests (taken over rows that hold ids), sorted: what the
 * history wrote, not how this database keyed it.
 */
function digest(h: Harness): Record<string, string[]> {
  const db = h.backend.store.sqlite;
  return Object.fromEntries(
    TABLES.map((t) => {
      const rows = db.prepare(`SELECT * FROM ${t}`).all() as Record<string, unknown>[];
      const out = rows.map((r) =>
        JSON.stringify(Object.entries(r).filter(([k, v]) => k !== 'id' && k !== 'digest' && !k.endsWith('_id') && !(typeof v === 'string' && UUID.test(v)))).replace(
          ITEM_NO_NODE,
          '$1',
        ),
      );
      return [t, out.sort()];
    }),
  );
}

const ITEM_NO_NODE = /(WT-\d{8}-\d{3})-[0-9A-F]{4}/g;
// Any version: rows made here are v7, ids derived from other ids (nameId: imported enrolments) v8.
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** The ledger's items counted by status, source and urgency, and its referrals by answer. */
function ledgerMix(h: Harness) {
  const db = h.backend.store.sqlite;
  const by = (col: string) =>
    Object.fromEntries((db.prepare(`SELECT ${col} AS k, count(*) AS n FROM ledger_items GROUP BY ${col}`).all() as { k: string; n: number }[]).map((r) => [r.k, r.n]));
  const refs = db.prepare('SELECT count(replied_on) AS answered, count(*) - count(replied_on) AS open FROM referrals').get() as { answered: number; open: number };
  const total = (db.prepare('SELECT count(*) AS n FROM ledger_items').get() as { n: number }).n;
  return { total, status: by('status'), source: by('source'), urgency: by('urgency'), referralsAnswered: refs.answered, referralsOpen: refs.open };
}
