/**
 * Sign-in (issue 13, item 10): an unknown user name costs the same scrypt work as a known one and
 * gets the same answer; scrypt parameters and re-hashing; the only administrator's lock-out.
 */
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ADMIN, makeHarness, type Harness } from '../testing/harness';
import { MAX_FAILURES } from '../services/auth/login';
import { DUMMY_HASH, hashPassword, kdfRuns, needsRehash, SCRYPT_N } from '../../../shared/auth/password-hash';

let h: Harness;

beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

function passwordHashOf(username: string): string {
  return (h.backend.store.sqlite.prepare('SELECT password_hash FROM users WHERE username = ?').get(username) as { password_hash: string })
    .password_hash;
}
async function clerk(password = 'clerk-pass-1') {
  return h.call('users.create', { username: 'clerk', displayName: '赵经办', role: 'caseworker', password });
}

describe('sign-in', () => {
  test('an unknown user name costs the same scrypt work as a wrong password, with the same answer', async () => {
    await clerk();
    let before = kdfRuns();
    const known = await h.raw('auth.login', { username: 'clerk', password: 'wrong-one' }, null);
    const knownWork = kdfRuns() - before;
    before = kdfRuns();
    const unknown = await h.raw('auth.login', { username: 'nobody', password: 'wrong-one' }, null);
    const unknownWork = kdfRuns() - before;
    expect(knownWork).toBe(1);
    expect(unknownWork).toBe(knownWork);
    expect(unknown).toEqual(known);
    expect(needsRehash(DUMMY_HASH)).toBe(false);
  });

  test('new hashes use N ≥ 2^15; an older hash is re-hashed at the next successful sign-in', async () => {
    expect(SCRYPT_N).toBeGreaterThanOrEqual(2 ** 15);
    const user = await clerk();
    expect(passwordHashOf('clerk').split('$')[1]).toBe(String(SCRYPT_N));
    // A hash written by an older version of the app (N = 2^14) for 'old-pass-1'.
    const old = 'scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA==$XAJAGYTCmBQIUgezwdJP3F08+8/KRa9GmbcLE8sgCno=';
    h.backend.store.sqlite.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(old, user.id);
    expect((await h.raw('auth.login', { username: 'clerk', password: 'wrong-one' }, null)).ok).toBe(false);
    expect(passwordHashOf('clerk')).toBe(old);
    expect((await h.raw('auth.login', { username: 'clerk', password: 'old-pass-1' }, null)).ok).toBe(true);
    expect(passwordHashOf('clerk').split('$')[1]).toBe(String(SCRYPT_N));
    expect((await h.raw('auth.login', { username: 'clerk', password: 'old-pass-1' }, null)).ok).toBe(true);
  });

  test('hashPassword keeps its one-argument signature (the district server uses it)', () => {
    expect(hashPassword('x-password')).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[^$]+\$[^$]+$/);
  });

  test('a stored hash with absurd parameters (a synced row) is refused without running the KDF', async () => {
    const user = await clerk();
    h.backend.store.sqlite
      .prepare('UPDATE users SET password_hash = ? WHERE id = ?')
      .run('scrypt$1073741824$64$16$c2FsdA==$XAJAGYTCmBQIUgezwdJP3F08+8/KRa9GmbcLE8sgCno=', user.id);
    const before = kdfRuns();
    expect(await h.raw('auth.login', { username: 'clerk', password: 'clerk-pass-1' }, null)).toMatchObject({
      ok: false,
      error: { code: 'bad-credentials' },
    });
    expect(kdfRuns()).toBe(before);
  });
});

describe('the only administrator cannot be locked out of the PC', () => {
  test('five wrong passwords lock the admin; the README’s recovery command unlocks it on this PC', async () => {
    for (let i = 0; i < MAX_FAILURES; i++) await h.raw('auth.login', { username: ADMIN.username, password: 'guess' }, null);
    expect(await h.raw('auth.login', { username: ADMIN.username, password: ADMIN.password }, null)).toMatchObject({
      ok: false,
      error: { code: 'account-locked' },
    });
    // The README's command, run while the app is running, as the PC's operator would.
    const out = execFileSync('npm', ['run', '--silent', 'recover', '--', 'unlock-admin', '--data-dir', h.dataDir], { encoding: 'utf8' });
    expect(out).toContain('已解除锁定的管理员：admin');
    expect((await h.raw('auth.login', { username: ADMIN.username, password: ADMIN.password }, null)).ok).toBe(true);
  });
});
