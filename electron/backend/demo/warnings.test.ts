/**
 * The demo street's 预警: a few dozen warnings from its department files, across the rules, open
 * and disposed, some overdue; every one explained by its trigger and raised from a kept record;
 * running the rules again raises nothing.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { shanghaiDate } from '../../../shared/time/shanghai';
import { makeHarness, type Harness } from '../testing/harness';
import { raiseIncomeWarnings, raiseWarningsFor } from '../services/warnings/raise';

const NOW = new Date('2026-11-19T06:30:00Z');
let h: Harness;

beforeAll(async () => {
  h = await makeHarness({ setUp: false, now: () => NOW });
  await h.call('setup.loadDemo', {}, null);
}, 240_000);
afterAll(() => h?.close());

test('a few dozen warnings across the rules and statuses, some overdue, each with its trigger; nothing new on a second run', () => {
  const db = h.backend.store.sqlite;
  const warnings = db.prepare('SELECT rule, status, due_date, trigger, record_ids, disposition FROM warnings').all() as {
    rule: string;
    status: string;
    due_date: string;
    trigger: string;
    record_ids: string;
    disposition: string | null;
  }[];
  expect(warnings.length).toBeGreaterThanOrEqual(24);
  expect(warnings.length).toBeLessThanOrEqual(120);
  const rules = new Set(warnings.map((w) => w.rule));
  for (const r of ['medical-month', 'medical-year', 'medical-rise', 'disability-severe', 'unemployment-marginal', 'death-paid', 'income-over-line']) expect(rules, r).toContain(r);
  expect(warnings.filter((w) => w.status === 'disposed').length).toBeGreaterThanOrEqual(3);
  expect(new Set(warnings.map((w) => w.disposition).filter(Boolean)).size).toBe(3);
  const today = shanghaiDate(NOW);
  expect(warnings.some((w) => w.status === 'open' && w.due_date < today)).toBe(true);
  expect(warnings.some((w) => w.status === 'open' && w.due_date >= today)).toBe(true);
  for (const w of warnings) expect((JSON.parse(w.trigger) as { summary: string }).summary.length).toBeGreaterThan(10);
  const recordIds = new Set((db.prepare('SELECT id FROM department_records').all() as { id: string }[]).map((r) => r.id));
  for (const w of warnings.filter((x) => x.rule !== 'income-over-line')) for (const id of JSON.parse(w.record_ids) as string[]) expect(recordIds.has(id)).toBe(true);
  expect(db.prepare('SELECT count(*) AS n FROM department_imports').get()).toEqual({ n: 4 });

  const persons = (db.prepare('SELECT DISTINCT person_id FROM department_records').all() as { person_id: string }[]).map((r) => r.person_id);
  expect(raiseWarningsFor(h.backend.store, persons)).toEqual({ raised: 0 });
  expect(raiseIncomeWarnings(h.backend.store)).toEqual({ raised: 0 });
});
