/**
 * Sign-in with lock-out: after MAX_FAILURES wrong passwords in a row, the user name is locked on
 * this device for LOCK_MINUTES. Throttling state is local (login_attempts), never synced; an
 * administrator locked out of the PC is unlocked with the recovery command (recovery.ts, README).
 * Unknown and known user names cost the same work and get the same answer.
 */
import { AppError } from '../../../../shared/errors';
import type { Store } from '../../store/store';
import type { SessionStore } from './sessions';
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from '../../../../shared/auth/password-hash';
import { findUserByName, type UserRow } from './users';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

interface AttemptRow {
  failed_count: number;
  locked_until: string | null;
}

function attempts(store: Store, key: string): AttemptRow {
  return (
    (store.prepare('SELECT failed_count, locked_until FROM login_attempts WHERE username = ?').get(key) as
      | AttemptRow
      | undefined) ?? { failed_count: 0, locked_until: null }
  );
}

function formatLocal(iso: string): string {
  // Asia/Shanghai wall clock, e.g. 14:05
  return new Date(iso).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });
}

export function login(store: Store, sessions: SessionStore, username: string, password: string): { user: UserRow; token: string } {
  const key = username.trim().toLowerCase();
  const now = store.nowIso();
  const a = attempts(store, key);
  if (a.locked_until && a.locked_until > now) {
    throw new AppError('account-locked', `密码连续输错${MAX_FAILURES}次，账号已锁定，请于 ${formatLocal(a.locked_until)} 后再试或联系街道管理员解锁`, {
      field: 'username',
    });
  }
  const user = findUserByName(store, key);
  // An unknown name is verified against a dummy hash, so its answer takes as long as a wrong password.
  const matches = verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !matches) {
    const failed = a.failed_count + 1;
    const lockedUntil =
      failed >= MAX_FAILURES ? new Date(store.nowDate().getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
    store
      .prepare(
        `INSERT INTO login_attempts (username, failed_count, locked_until, last_failed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(username) DO UPDATE SET failed_count = excluded.failed_count,
           locked_until = excluded.locked_until, last_failed_at = excluded.last_failed_at`,
      )
      .run(key, lockedUntil ? 0 : failed, lockedUntil, now);
    if (lockedUntil) {
      throw new AppError('account-locked', `密码连续输错${MAX_FAILURES}次，账号已锁定${LOCK_MINUTES}分钟`, { field: 'password' });
    }
    throw new AppError('bad-credentials', `用户名或密码错误（还可尝试${MAX_FAILURES - failed}次）`, { field: 'password' });
  }
  if (user.disabled) throw new AppError('account-disabled', '该账号已停用，请联系街道管理员', { field: 'username' });
  store.prepare('DELETE FROM login_attempts WHERE username = ?').run(key);
  const session = sessions.create(user.id);
  const actor = { userId: user.id, username: user.username, streetCode: user.street_code };
  store.tx(() => {
    // A hash made with older, weaker parameters is replaced now that the password is at hand.
    if (needsRehash(user.password_hash)) store.update('users', user.id, { passwordHash: hashPassword(password) }, actor, null);
    store.audit(actor, { action: 'auth.login', entity: 'users', entityId: user.id, summary: `${user.display_name} 登录` });
  });
  return { user, token: session.token };
}

export function unlock(store: Store, username: string): void {
  store.prepare('DELETE FROM login_attempts WHERE username = ?').run(username.toLowerCase());
}
