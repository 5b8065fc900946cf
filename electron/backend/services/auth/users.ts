/** Users of the street: reading, creating and updating accounts. */
import { AppError } from '../../../../shared/errors';
import type { Role } from '../../../../shared/codes';
import type { UserInfo } from '../../../../shared/auth/schemas';
import type { Actor, Store } from '../../store/store';
import { hashPassword } from '../../../../shared/auth/password-hash';
import { isDemoUsername } from '../../../../shared/demo';

export interface UserRow {
  id: string;
  street_code: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  phone: string | null;
  disabled: number;
  deleted_at: string | null;
}

export function findUserByName(store: Store, username: string): UserRow | undefined {
  return store.prepare('SELECT * FROM users WHERE username = ? COLLATE NOCASE AND deleted_at IS NULL').get(username) as
    | UserRow
    | undefined;
}

export function findUserById(store: Store, id: string): UserRow | undefined {
  return store.prepare('SELECT * FROM users WHERE id = ? AND deleted_at IS NULL').get(id) as UserRow | undefined;
}

export function toUserInfo(store: Store, u: UserRow): UserInfo {
  const attempt = store.prepare('SELECT locked_until FROM login_attempts WHERE username = ?').get(u.username.toLowerCase()) as
    | { locked_until: string | null }
    | undefined;
  const last = store
    .prepare("SELECT at FROM audit_events WHERE user_id = ? AND action = 'auth.login' ORDER BY at DESC LIMIT 1")
    .get(u.id) as { at: string } | undefined;
  const locked = attempt?.locked_until && attempt.locked_until > store.nowIso() ? attempt.locked_until : null;
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    streetCode: u.street_code,
    disabled: u.disabled === 1,
    lockedUntil: locked,
    lastLoginAt: last?.at ?? null,
  };
}

export function listUsers(store: Store, streetCode: string): UserInfo[] {
  const rows = store
    .prepare('SELECT * FROM users WHERE street_code = ? AND deleted_at IS NULL ORDER BY username')
    .all(streetCode) as UserRow[];
  return rows.map((u) => toUserInfo(store, u));
}

export function createUser(
  store: Store,
  actor: Actor,
  input: { username: string; displayName: string; role: Role; password: string; phone?: string | null },
): UserInfo {
  return store.tx(() => {
    // the demo's account exists only in demo data (loaded without this function)
    if (isDemoUsername(input.username)) throw new AppError('demo-account', '用户名 demo 只用于演示数据，请换一个用户名', { field: 'username' });
    if (findUserByName(store, input.username)) {
      throw new AppError('duplicate', `用户名“${input.username}”已被使用`, { field: 'username' });
    }
    const id = store.insert(
      'users',
      {
        streetCode: actor.streetCode,
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        passwordHash: hashPassword(input.password),
        phone: input.phone ?? null,
        disabled: false,
      },
      actor,
      { action: 'users.create', summary: `新建用户 ${input.username}（${input.displayName}）`, detail: { role: input.role } },
    );
    return toUserInfo(store, findUserById(store, id)!);
  });
}
