/**
 * The 工作台 (issue 15): on the demo street with its year of history, every figure equals the
 * length or total of the list it opens, called through the router with the same filter and the
 * same user; the 24-hour items shown are the first of that list; a role sees only its sections.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Workbench, WorkbenchFigure } from '../../../shared/home/procedures';
import { DEMO_PASSWORD } from '../demo/load';
import { makeHarness, type Harness } from '../testing/harness';
import { forgetKeptResults } from '../store/since-last-change';

/** A Thursday afternoon in Shanghai (the tests never read the runner's clock). */
const NOW = new Date('2026-11-19T06:30:00Z');

let h: Harness;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  h = await makeHarness({ setUp: false, now: () => NOW });
  await h.call('setup.loadDemo', {}, null);
  for (const u of ['caseworker', 'supervisor', 'demo']) {
    tokens[u] = (await h.call('auth.login', { username: u, password: DEMO_PASSWORD }, null)).token;
  }
}, 300_000);
afterAll(() => h?.close());

/** The number of rows the list procedure lists for the figure's filter. */
async function listed(f: WorkbenchFigure, token: string): Promise<number> {
  const env = await h.raw(f.list.procedure, f.list.input, token);
  if (!env.ok) throw new Error(`${f.list.procedure}: ${JSON.stringify(env.error)}`);
  const r = env.result as unknown;
  if (Array.isArray(r)) return r.length;
  if (f.list.procedure === 'ledger.escalations') return (r as { referralsToChase: unknown[] }).referralsToChase.length;
  if (f.list.procedure === 'assistance.gapList' || f.list.procedure === 'assistance.reviewsDue' || f.list.procedure === 'leftBehind.list') return (r as { rows: unknown[] }).rows.length;
  return (r as { total: number }).total;
}

const figures = (w: Workbench) => w.sections.flatMap((s) => s.figures);
const byKey = (w: Workbench, key: string) => figures(w).find((f) => f.key === key)!;

describe('the 工作台 counts what its lists list', () => {
  for (const user of ['caseworker', 'supervisor', 'demo']) {
    test(`${user}: each figure equals its list`, async () => {
      const w = await h.call('home.workbench', {}, tokens[user]);
      expect(figures(w).length).toBeGreaterThan(5);
      for (const f of figures(w)) expect({ key: f.key, count: f.count }).toEqual({ key: f.key, count: await listed(f, tokens[user]!) });
      // The demo's year leaves work on every desk: due and overdue visits, open 24-hour items.
      for (const key of ['visits-today', 'visits-overdue', 'ledger-urgent', 'ledger-open', 'mine-verify']) expect(byKey(w, key).count, key).toBeGreaterThan(0);
    });
  }

  test('the 24-hour items shown are the first of the urgent list, in its order, with their deadlines', async () => {
    const w = await h.call('home.workbench', {}, tokens.caseworker);
    const ledger = w.sections.find((s) => s.key === 'ledger')!;
    const list = await h.call('ledger.list', { status: 'open', urgency: '1' }, tokens.caseworker);
    expect(ledger.deadlines!.map((d) => [d.id, d.deadline])).toEqual(list.rows.slice(0, 5).map((r) => [r.id, r.currentDueAt]));
  });

  test('a caseworker sees no batches or 应补尽补 and no 审核; a supervisor sees them', async () => {
    const keys = (w: Workbench) => w.sections.map((s) => s.key);
    const cw = await h.call('home.workbench', {}, tokens.caseworker);
    const sv = await h.call('home.workbench', {}, tokens.supervisor);
    expect(keys(cw)).toEqual(['visits', 'ledger', 'mine', 'temporary', 'reviews', 'care', 'left-behind', 'warnings']);
    expect(keys(sv)).toEqual(['visits', 'ledger', 'mine', 'temporary', 'reviews', 'care', 'left-behind', 'batches', 'gaps', 'warnings']);
    expect(figures(cw).map((f) => f.key)).not.toContain('mine-review');
    expect(figures(sv).map((f) => f.key)).toEqual(expect.arrayContaining(['mine-review', 'mine-lookback', 'mine-chase']));
    expect(cw.sync).toMatchObject({ enrolled: false });
  });

  test('a write moves the figure and its list together', async () => {
    const before = await h.call('home.workbench', {}, tokens.caseworker);
    const pending = await h.call('ledger.list', { status: 'pending', pageSize: 1 }, tokens.caseworker);
    await h.call('ledger.transition', { id: pending.rows[0]!.id, action: 'start-verify' }, tokens.caseworker);
    const after = await h.call('home.workbench', {}, tokens.caseworker);
    expect(byKey(after, 'mine-verify').count).toBe(byKey(before, 'mine-verify').count - 1);
    expect(byKey(after, 'mine-verify').count).toBe(await listed(byKey(after, 'mine-verify'), tokens.caseworker!));
  });
  test('after a visit only the figures that read visits move; after a ledger write the ledger figures move; each equals its list', async () => {
    const token = tokens.supervisor!;
    const all = async (w: Workbench) => {
      for (const f of figures(w)) expect({ key: f.key, count: f.count }).toEqual({ key: f.key, count: await listed(f, token) });
    };
    const counts = (w: Workbench) => Object.fromEntries(figures(w).map((f) => [f.key, f.count]));
    const before = await h.call('home.workbench', {}, token);
    const due = await h.call('screening.dueList', { list: 'today', pageSize: 1 }, token);
    await h.call('screening.recordVisit', { householdId: due.rows[0]!.householdId, visitedOn: '2026-11-19', method: 'home', visitorName: '刘网格' }, token);
    const afterVisit = await h.call('home.workbench', {}, token);
    await all(afterVisit);
    forgetKeptResults(h.backend.store);
    expect(counts(await h.call('home.workbench', {}, token))).toEqual(counts(afterVisit)); // kept equals cold
    expect(counts(afterVisit)['visits-today']).toBe(counts(before)['visits-today']! - 1);
    const untouched = (c: Record<string, number>) => Object.fromEntries(Object.entries(c).filter(([k]) => /^(ledger|mine|temporary|reviews|batches|warnings)-/.test(k)));
    expect(untouched(counts(afterVisit))).toEqual(untouched(counts(before)));
    const pending = await h.call('ledger.list', { status: 'pending', pageSize: 1 }, token);
    await h.call('ledger.transition', { id: pending.rows[0]!.id, action: 'start-verify' }, token);
    const afterLedger = await h.call('home.workbench', {}, token);
    expect(counts(afterLedger)['mine-verify']).toBe(counts(afterVisit)['mine-verify']! - 1);
    await all(afterLedger);
  });
});
