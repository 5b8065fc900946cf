/**
 * The 工作台 worked out before sign-in (services/home/warm-up.ts): on a street with a year of
 * history, the warm-up keeps every section not kept for the instant alone, so the first 工作台 of a
 * supervisor and of a caseworker reads them back, and reads what a cold computation gives. A PC not
 * set up, or a street whose params do not cover the day, has nothing to warm (no fault logged); the
 * app's backend (warmUp option) warms up on its own once opened, and a sign-in made meanwhile is
 * answered; left on overnight, it warms again after the first call of the new day.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { shanghaiDate } from '../../../shared/time/shanghai';
import { createBackend, type Backend, type BackendOptions } from '../app';
import { generateStreet } from '../demo/generate';
import { DEMO_PASSWORD, loadStreetData } from '../demo/load';
import { forgetKeptResults, keptTables } from '../store/since-last-change';
import { ADMIN, makeHarness, TEST_STREET, type Harness } from '../testing/harness';

/** A Thursday afternoon in Shanghai (the tests never read the runner's clock). */
const NOW = new Date('2026-11-19T06:30:00Z');
const now = () => NOW;
/** The sections kept until a table they read changes (the others are kept for the instant only). */
const STREET_SECTIONS = ['visits', 'reviews', 'care', 'left-behind', 'batches', 'gaps', 'warnings'];
const sectionKeys = (street: string) => STREET_SECTIONS.map((s) => `wb|${s}|${street}|`);

test('a PC not set up has nothing to warm', async () => {
  const h = await makeHarness({ setUp: false, now });
  try {
    expect(await h.backend.warmUp()).toBe(false);
  } finally {
    await h.close();
  }
});

describe('on a street with a year of history', () => {
  let h: Harness;
  let street: string;
  beforeAll(async () => {
    h = await makeHarness({ setUp: false, now });
    street = loadStreetData(h.backend.store, generateStreet({ households: 300, referenceDate: shanghaiDate(NOW) }), { history: true }).streetCode;
  }, 300_000);
  afterAll(async () => {
    await h?.close();
  });

  test("the warm-up keeps the street's sections, and each role's first 工作台 is what a cold one gives", async () => {
    const store = h.backend.store;
    forgetKeptResults(store);
    for (const k of sectionKeys(street)) expect(keptTables(store, k), k).toBeUndefined();
    expect(await h.backend.warmUp()).toBe(true);
    for (const k of sectionKeys(street)) expect(keptTables(store, k), k).toBeDefined();
    for (const username of ['supervisor', 'caseworker']) {
      const token = (await h.call('auth.login', { username, password: DEMO_PASSWORD }, null)).token;
      const warm = await h.call('home.workbench', {}, token);
      forgetKeptResults(store);
      const cold = await h.call('home.workbench', {}, token);
      expect(warm, username).toEqual(cold);
      // the street's work is there to see: due visits and 复审 counted
      expect(warm.sections.find((s) => s.key === 'visits')!.figures.some((f) => f.count > 0), username).toBe(true);
    }
  });
});

/** A backend on a street set up in a fresh data directory, opened again with `opts` for `fn`. */
async function onStreet(opts: Partial<BackendOptions>, fn: (b: Backend) => Promise<void>): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-warm-'));
  try {
    const first = createBackend({ dataDir, now, logError: () => undefined, sync: { autoStart: false } });
    const setUp = await first.call('setup.initialize', { streetCode: TEST_STREET.code, streetName: TEST_STREET.name, officeName: TEST_STREET.officeName, admin: ADMIN }, null);
    expect(setUp.ok).toBe(true);
    first.close();
    const b = createBackend({ dataDir, now, logError: () => undefined, sync: { autoStart: false }, ...opts });
    try {
      await fn(b);
    } finally {
      b.close();
      await b.idle();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(`${dataDir}.key`, { force: true });
  }
}

test("the app's backend warms up on its own once opened; a sign-in meanwhile is answered", async () => {
  await onStreet({ warmUp: { delayMs: 0 } }, async (b) => {
    const login = await b.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, null);
    expect(login.ok).toBe(true);
    const key = `wb|visits|${TEST_STREET.code}|`;
    for (let i = 0; i < 200 && !keptTables(b.store, key); i++) await new Promise((r) => setTimeout(r, 25));
    expect(keptTables(b.store, key)).toBeDefined();
  });
});

test("a street whose params do not cover the day has nothing to warm and logs no fault (the user's 工作台 says why); a real fault is logged", async () => {
  const logged: { what: string; err: unknown }[] = [];
  await onStreet({ logError: (what, err) => logged.push({ what, err }) }, async (b) => {
    b.store.sqlite.prepare("UPDATE policy_params SET deleted_at = ? WHERE key = 'screening.cadence'").run(NOW.toISOString());
    const token = (await b.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, null)) as { ok: true; result: { token: string } };
    const mine = await b.call('home.workbench', {}, token.result.token);
    expect(mine.ok).toBe(false);
    expect(!mine.ok && mine.error.message).toContain('走访排查频次');
    expect(await b.warmUp()).toBe(false);
    expect(logged).toEqual([]);
    // a value that cannot be read is a fault, not a refusal
    b.store.sqlite.prepare("UPDATE policy_params SET deleted_at = NULL, value = '{' WHERE key = 'screening.cadence'").run();
    expect(await b.warmUp()).toBe(false);
    expect(logged.map((l) => l.what)).toEqual(['home.warmUp']);
    expect(logged[0]!.err).toBeInstanceOf(SyntaxError);
  });
});

test('a PC left on overnight warms up again after the first call of the new Shanghai day, not on its path', async () => {
  let clock = NOW;
  await onStreet({ now: () => clock, warmUp: { delayMs: 0 } }, async (b) => {
    const key = `wb|visits|${TEST_STREET.code}|`;
    const keptOtherThan = async (before: string[] | undefined) => {
      for (let i = 0; i < 200 && keptTables(b.store, key) === before; i++) await new Promise((r) => setTimeout(r, 25));
      return keptTables(b.store, key);
    };
    const yesterday = await keptOtherThan(undefined);
    expect(yesterday).toBeDefined();
    // 00:05 the next day in Shanghai (16:05 UTC): yesterday's sections have expired
    clock = new Date('2026-11-19T16:05:00Z');
    await new Promise((r) => setTimeout(r, 50));
    expect(keptTables(b.store, key)).toBe(yesterday); // no call yet: nothing warmed
    const answer = await b.call('app.clock', {}, null);
    expect(answer.ok).toBe(true);
    expect(keptTables(b.store, key)).toBe(yesterday); // the call was answered before the warm-up began
    const today = await keptOtherThan(yesterday);
    expect(today).toBeDefined();
    expect(today).not.toBe(yesterday);
  });
});
