/**
 * Sessions (issue 13, item 10): lifetimes, background polling, password changes, forged tokens.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ADMIN, makeHarness, type Harness } from '../testing/harness';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../services/auth/sessions';

let h: Harness;
let now: Date;
const MIN = 60_000;

beforeEach(async () => {
  now = new Date('2026-05-11T01:00:00Z');
  h = await makeHarness({ now: () => now });
});
afterEach(() => h.close());

function advance(ms: number) {
  now = new Date(now.getTime() + ms);
}
async function clerk(password = 'clerk-pass-1') {
  const u = await h.call('users.create', { username: 'clerk', displayName: '赵经办', role: 'caseworker', password });
  return { user: u, token: (await h.call('auth.login', { username: 'clerk', password }, null)).token };
}

describe('session lifetime', () => {
  test('a forged token is told apart from an expired session', async () => {
    const forged = await h.raw('registry.listHouseholds', {}, 'made-up-token');
    expect(forged).toMatchObject({ ok: false, error: { code: 'session-invalid', message: '登录状态无效，请重新登录' } });
    advance(SESSION_IDLE_MS + MIN);
    expect(await h.raw('registry.listHouseholds', {}, h.token)).toMatchObject({
      ok: false,
      error: { code: 'session-expired', message: '登录已超时，请重新登录' },
    });
  });

  test('background polling (sync.status, app.clock) does not keep an idle session alive', async () => {
    for (let t = 0; t < SESSION_IDLE_MS - 2 * MIN; t += 5 * MIN) {
      advance(5 * MIN);
      expect((await h.raw('sync.status', {}, h.token)).ok).toBe(true);
      expect((await h.raw('app.clock', {}, h.token)).ok).toBe(true);
    }
    advance(3 * MIN); // the last user action was SESSION_IDLE_MS + a minute ago
    expect(await h.raw('registry.listHouseholds', {}, h.token)).toMatchObject({ ok: false, error: { code: 'session-expired' } });
  });

  test('user actions extend a session up to its absolute lifetime, not beyond', async () => {
    const step = SESSION_IDLE_MS - MIN;
    let elapsed = 0;
    while (elapsed + step < SESSION_ABSOLUTE_MS) {
      advance(step);
      elapsed += step;
      expect((await h.raw('registry.listHouseholds', {}, h.token)).ok).toBe(true);
    }
    advance(SESSION_ABSOLUTE_MS - elapsed + MIN);
    expect(await h.raw('registry.listHouseholds', {}, h.token)).toMatchObject({ ok: false, error: { code: 'session-expired' } });
  });
});

describe('password changes end the other sessions', () => {
  test('changing one’s own password signs out the other sessions and keeps this one', async () => {
    const other = (await h.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, null)).token;
    await h.call('auth.changePassword', { oldPassword: ADMIN.password, newPassword: 'another-pass-2' });
    expect((await h.raw('auth.me', {}, h.token)).ok).toBe(true);
    expect(await h.raw('auth.me', {}, other)).toMatchObject({ ok: false, error: { code: 'session-expired' } });
  });

  test('an administrator’s reset signs the user out everywhere, and the administrator stays signed in', async () => {
    const { user, token } = await clerk();
    await h.call('users.update', { id: user.id, resetPassword: 'reset-pass-9' });
    expect((await h.raw('auth.me', {}, token)).ok).toBe(false);
    expect((await h.raw('auth.me', {}, h.token)).ok).toBe(true);
    const me = await h.call('auth.me', {});
    const second = (await h.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, null)).token;
    await h.call('users.update', { id: me.user.id, resetPassword: 'admin-pass-2' });
    expect((await h.raw('auth.me', {}, h.token)).ok).toBe(true);
    expect((await h.raw('auth.me', {}, second)).ok).toBe(false);
  });
});
