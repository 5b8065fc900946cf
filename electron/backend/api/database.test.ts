/**
 * database.*: the recovery key is shown to an administrator who enters the password again, the
 * same key each time (it is the database key), audited without the key, and its showing recorded.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ADMIN, makeHarness, type Harness } from '../testing/harness';
import { parseRecoveryKey } from '../db/recovery-key';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const audits = () =>
  h.backend.store.sqlite.prepare(`SELECT summary, detail FROM audit_events WHERE action = 'database.recoveryKey'`).all() as { summary: string; detail: string | null }[];

describe('the recovery key', () => {
  test('a wrong password shows nothing and records nothing', async () => {
    const env = await h.raw('database.recoveryKey', { password: 'not-my-pass-1' });
    expect(env).toMatchObject({ ok: false, error: { code: 'bad-credentials', field: 'password' } });
    expect(audits()).toEqual([]);
    expect(await h.call('database.status', {})).toEqual({ encrypted: true, recoveryKeyShownAt: null });
  });

  test('with the password: the database key for paper, the street and the time, audited without the key, the showing recorded', async () => {
    const sheet = await h.call('database.recoveryKey', { password: ADMIN.password });
    expect(parseRecoveryKey(sheet.recoveryKey).equals(h.backend.store.databaseKey!)).toBe(true);
    expect(sheet).toMatchObject({ street: { code: '120110001000', name: '张贵庄街道' }, shownBy: ADMIN.displayName });
    const events = audits();
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(sheet.recoveryKey.slice(0, 9));
    expect(await h.call('database.status', {})).toEqual({ encrypted: true, recoveryKeyShownAt: sheet.shownAt });
    // the key is the key: shown again, the same one, audited again
    expect((await h.call('database.recoveryKey', { password: ADMIN.password })).recoveryKey).toBe(sheet.recoveryKey);
    expect(audits()).toHaveLength(2);
  });

  test('a caseworker cannot see it; database.unlock on an open database says whether a key is its own', async () => {
    await h.call('users.create', { username: 'worker1', displayName: '李社工', role: 'caseworker', password: 'worker-pass-1' });
    const w = await h.call('auth.login', { username: 'worker1', password: 'worker-pass-1' }, null);
    expect(await h.raw('database.recoveryKey', { password: 'worker-pass-1' }, w.token)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const { recoveryKey } = await h.call('database.recoveryKey', { password: ADMIN.password });
    expect(await h.raw('database.unlock', { recoveryKey }, null)).toEqual({ ok: true, result: { ok: true } });
    const other = `${recoveryKey.slice(0, -1)}${recoveryKey.endsWith('0') ? '1' : '0'}`;
    expect(await h.raw('database.unlock', { recoveryKey: other }, null)).toMatchObject({ ok: false, error: { code: 'recovery-key-invalid' } });
  });
});
