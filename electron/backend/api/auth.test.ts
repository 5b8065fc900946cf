import { afterEach, describe, expect, test } from 'vitest';
import { ADMIN, makeHarness, type Harness } from '../testing/harness';
import { MAX_FAILURES } from '../services/auth/login';

let h: Harness;
afterEach(() => h?.close());

describe('set-up and sign-in', () => {
  test('a fresh data directory reports empty and not set up; set-up signs the administrator in', async () => {
    h = await makeHarness({ setUp: false });
    expect(await h.call('setup.status', {}, null)).toEqual({ isSetUp: false, street: null, isEmpty: true, isDemo: false });
    const s = await h.call(
      'setup.initialize',
      {
        streetCode: '120110002000',
        streetName: '丰年村街道',
        officeName: '丰年村街道公共服务办公室',
        admin: { username: 'fnadmin', displayName: '李管理', password: 'secret-123' },
      },
      null,
    );
    expect(s.user.role).toBe('street-admin');
    expect(s.street.name).toBe('丰年村街道');
    const communities = await h.call('org.listCommunities', {}, s.token);
    expect(communities.map((c) => c.name)).toContain('丰年村社区');
    const again = await h.raw('setup.initialize', { streetCode: '120110002000', streetName: 'x', officeName: 'x', admin: { username: 'abc', displayName: 'x', password: 'abc-pass-2026' } }, null);
    expect(again).toMatchObject({ ok: false, error: { code: 'already-set-up' } });
  });

  test('procedures refuse callers who are not signed in', async () => {
    h = await makeHarness();
    expect(await h.raw('registry.listHouseholds', {}, null)).toMatchObject({ ok: false, error: { code: 'not-signed-in', message: '请先登录' } });
    expect(await h.raw('registry.listHouseholds', {}, 'made-up-token')).toMatchObject({ ok: false, error: { code: 'session-invalid' } });
  });

  test('wrong passwords count down and lock the account; the admin can unlock it', async () => {
    h = await makeHarness();
    await h.call('users.create', { username: 'clerk', displayName: '赵经办', role: 'caseworker', password: 'clerk-pass-1' });
    for (let i = 1; i < MAX_FAILURES; i++) {
      const r = await h.raw('auth.login', { username: 'clerk', password: 'wrong' }, null);
      expect(r).toMatchObject({ ok: false, error: { code: 'bad-credentials', field: 'password' } });
      if (!r.ok) expect(r.error.message).toContain(`还可尝试${MAX_FAILURES - i}次`);
    }
    const locked = await h.raw('auth.login', { username: 'clerk', password: 'wrong' }, null);
    expect(locked).toMatchObject({ ok: false, error: { code: 'account-locked' } });
    const stillLocked = await h.raw('auth.login', { username: 'clerk', password: 'clerk-pass-1' }, null);
    expect(stillLocked).toMatchObject({ ok: false, error: { code: 'account-locked' } });
    const users = await h.call('users.list', {});
    const clerk = users.find((u) => u.username === 'clerk')!;
    expect(clerk.lockedUntil).not.toBeNull();
    await h.call('users.update', { id: clerk.id, unlock: true });
    const ok = await h.call('auth.login', { username: 'clerk', password: 'clerk-pass-1' }, null);
    expect(ok.user.displayName).toBe('赵经办');
  });

  test('roles are enforced by the router', async () => {
    h = await makeHarness();
    await h.call('users.create', { username: 'clerk', displayName: '赵经办', role: 'caseworker', password: 'clerk-pass-1' });
    const s = await h.call('auth.login', { username: 'clerk', password: 'clerk-pass-1' }, null);
    const r = await h.raw('users.list', {}, s.token);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden', message: '您的角色（经办人）无权执行此操作' } });
    expect((await h.raw('registry.listHouseholds', {}, s.token)).ok).toBe(true);
  });

  test('sign-out ends the session; a disabled user is signed out and cannot sign in', async () => {
    h = await makeHarness();
    const u = await h.call('users.create', { username: 'clerk', displayName: '赵经办', role: 'caseworker', password: 'clerk-pass-1' });
    const s = await h.call('auth.login', { username: 'clerk', password: 'clerk-pass-1' }, null);
    await h.call('auth.logout', {}, s.token);
    expect((await h.raw('auth.me', {}, s.token)).ok).toBe(false);
    const s2 = await h.call('auth.login', { username: 'clerk', password: 'clerk-pass-1' }, null);
    await h.call('users.update', { id: u.id, disabled: true });
    expect((await h.raw('auth.me', {}, s2.token)).ok).toBe(false);
    expect(await h.raw('auth.login', { username: 'clerk', password: 'clerk-pass-1' }, null)).toMatchObject({
      ok: false,
      error: { code: 'account-disabled' },
    });
  });

  test('changing the password needs the old one', async () => {
    h = await makeHarness();
    expect(await h.raw('auth.changePassword', { oldPassword: 'nope', newPassword: 'another-pass' })).toMatchObject({
      ok: false,
      error: { code: 'bad-credentials', field: 'oldPassword' },
    });
    await h.call('auth.changePassword', { oldPassword: ADMIN.password, newPassword: 'another-pass' });
    expect((await h.raw('auth.login', { username: ADMIN.username, password: ADMIN.password }, null)).ok).toBe(false);
    expect((await h.raw('auth.login', { username: ADMIN.username, password: 'another-pass' }, null)).ok).toBe(true);
  });

  test('a street administrator cannot create a district administrator (nor make one), but can create a street administrator', async () => {
    h = await makeHarness();
    const r = await h.raw('users.create', { username: 'boss', displayName: '钱区级', role: 'district-admin', password: 'boss-pass-1' });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'role' } });
    if (!r.ok) expect(r.error.message).toContain('区级管理员');
    expect(h.backend.store.sqlite.prepare("SELECT count(*) AS n FROM users WHERE username = 'boss'").get()).toEqual({ n: 0 });
    const ok = await h.call('users.create', { username: 'admin2', displayName: '孙管理', role: 'street-admin', password: 'admin2-pass' });
    expect(ok.role).toBe('street-admin');
    expect(await h.raw('users.update', { id: ok.id, role: 'district-admin' })).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'role' } });
  });

  test('a password chosen on the PC meets the one strength rule: 10 characters, two kinds, not the user name', async () => {
    h = await makeHarness();
    const create = (username: string, password: string) => h.raw('users.create', { username, displayName: '赵经办', role: 'caseworker', password });
    for (const [username, password, text] of [
      ['zhaojb', 'abc-12', '密码至少10位'],
      ['zhaojb', 'abcdefghijk', '密码不能只由一类字符组成'],
      ['zhaojb-2026', 'ZHAOJB-2026', '密码不能与用户名相同'],
    ] as const) {
      const r = await create(username, password);
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'password' } });
      if (!r.ok) expect(r.error.message).toContain(text);
    }
    expect(await create('zhaojb', 'zhao-pass-2026')).toMatchObject({ ok: true });
    const weak = await h.raw('auth.changePassword', { oldPassword: 'admin-pass-1', newPassword: '1234567890' });
    expect(weak).toMatchObject({ ok: false, error: { field: 'newPassword' } });
    // Reset by an administrator or changed by the user: not the user name either; nothing written.
    const u = await h.call('users.create', { username: 'zhaojb-2026', displayName: '赵二', role: 'caseworker', password: 'zhao-pass-2026' });
    const changes = () => (h.backend.store.sqlite.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
    const before = changes();
    const reset = await h.raw('users.update', { id: u.id, resetPassword: 'Zhaojb-2026' });
    expect(reset).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'resetPassword', message: '密码不能与用户名相同' } });
    expect(changes()).toBe(before);
    const own = (await h.call('auth.login', { username: 'zhaojb-2026', password: 'zhao-pass-2026' }, null)).token;
    const afterLogin = changes();
    const mine = await h.raw('auth.changePassword', { oldPassword: 'zhao-pass-2026', newPassword: 'ZHAOJB-2026' }, own);
    expect(mine).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'newPassword', message: '密码不能与用户名相同' } });
    expect(changes()).toBe(afterLogin);
  });

  test('bad input is refused with a Chinese message naming the field', async () => {
    h = await makeHarness();
    const r = await h.raw('users.create', { username: 'a', displayName: '', role: 'boss', password: '1' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'username' } });
    if (!r.ok) expect(r.error.message).toMatch(/用户名/);
    const extra = await h.raw('auth.login', { username: 'x', password: 'y', admin: true }, null);
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!extra.ok) expect(extra.error.message).toContain('admin');
    expect(await h.raw('no.such', {}, null)).toMatchObject({ ok: false, error: { code: 'unknown-procedure' } });
  });
});
