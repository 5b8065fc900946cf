/** Admin operations of the district server (used by the CLI and by tests). */
import type { ServerDb } from '../db/open';
import { authorChange, findRows } from './author';
import { seedDistrictParams, seedStreetParams } from './seed-params';
import { DONGLI_STREETS, findStreet } from '../../shared/streets';
import { uuidv7 } from '../../shared/uuid';
import { hashPassword } from '../../shared/auth/password-hash';
import { issueCode, listDevices, revokeDevice, type Device } from '../sync/devices';
import { DISTRICT_PARTITION, type Scope } from '../../shared/sync/wire';
import { ROLES } from '../../shared/codes';
import { passwordProblem } from '../../shared/auth/password-rule';
import { AdminError } from './errors';
import { isDemoUsername } from '../../shared/demo';
import { printable } from '../../shared/text/printable';

export async function createStreets(db: ServerDb, now: Date, codes?: string[]): Promise<string[]> {
  const existing = new Set((await findRows(db, 'streets')).map((r) => r.fields.code));
  const wanted = codes && codes.length > 0 ? codes : DONGLI_STREETS.map((s) => s.code);
  const created: string[] = [];
  for (const code of wanted) {
    const preset = findStreet(code);
    if (!preset) throw new AdminError('unknown-street', `未知的街道代码 ${printable(code)}：应为东丽区的街道代码`);
    if (existing.has(code)) continue;
    const at = now.toISOString();
    const id = uuidv7(now.getTime());
    await authorChange(db, now, {
      table: 'streets',
      rowId: id,
      partition: code,
      fields: { id, created_at: at, updated_at: at, deleted_at: null, street_code: code, code, name: preset.name, office_name: `${preset.name}公共服务办公室` },
    });
    for (const [i, name] of preset.communities.entries()) {
      const cid = uuidv7(now.getTime());
      await authorChange(db, now, {
        table: 'communities',
        rowId: cid,
        partition: code,
        fields: { id: cid, created_at: at, updated_at: at, deleted_at: null, street_code: code, name, kind: name.endsWith('村') ? 'village' : 'community', sort_order: i },
      });
    }
    created.push(code);
  }
  // Policy defaults the PCs need; kept when already there, so re-running init after an upgrade adds new keys.
  await seedDistrictParams(db, now);
  for (const code of wanted) await seedStreetParams(db, now, code);
  return created;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: string;
  password: string;
  /** Street code, or 'district' for district staff. */
  partition: string;
}

export async function createUser(db: ServerDb, now: Date, u: NewUser): Promise<string> {
  if (!/^[a-zA-Z0-9_.-]{3,32}$/.test(u.username)) throw new AdminError('bad-username', '--username 用户名应为3至32位字母、数字或 _ . -');
  if (isDemoUsername(u.username)) throw new AdminError('demo-account', `用户名 ${u.username} 只用于演示数据，请换一个`);
  if (!ROLES.some((r) => r.code === u.role)) throw new AdminError('unknown-role', `--role 未知的角色 ${printable(u.role)}`);
  if (u.partition !== DISTRICT_PARTITION && !findStreet(u.partition)) throw new AdminError('unknown-street', `--street 未知的街道代码 ${printable(u.partition)}`);
  const weak = passwordProblem(u.password, u.username);
  if (weak) throw new AdminError('weak-password', weak);
  const users = await findRows(db, 'users');
  if (users.some((r) => String(r.fields.username).toLowerCase() === u.username.toLowerCase())) throw new AdminError('username-taken', `用户名 ${u.username} 已存在`);
  const id = uuidv7(now.getTime());
  const at = now.toISOString();
  await authorChange(db, now, {
    table: 'users',
    rowId: id,
    partition: u.partition,
    fields: {
      id,
      created_at: at,
      updated_at: at,
      deleted_at: null,
      street_code: u.partition,
      username: u.username,
      display_name: u.displayName,
      role: u.role,
      password_hash: hashPassword(u.password),
      phone: null,
      disabled: 0,
    },
  });
  return id;
}

export async function setUserDisabled(db: ServerDb, now: Date, username: string, disabled: boolean): Promise<void> {
  const row = (await findRows(db, 'users')).find((r) => String(r.fields.username).toLowerCase() === username.toLowerCase());
  if (!row) throw new AdminError('user-not-found', `用户 ${printable(username)} 不存在`);
  await authorChange(db, now, {
    table: 'users',
    rowId: row.rowId,
    partition: row.partition,
    fields: { disabled: disabled ? 1 : 0, updated_at: now.toISOString() },
  });
}

export async function issueEnrollmentCode(db: ServerDb, now: Date, partition: string) {
  const scope: Scope = partition === DISTRICT_PARTITION ? { kind: 'district', partition } : { kind: 'street', partition };
  if (scope.kind === 'street') {
    const streets = await findRows(db, 'streets');
    if (!streets.some((s) => s.fields.code === partition)) throw new AdminError('street-not-created', `街道 ${printable(partition)} 尚未创建，请先执行 init 或 create-streets`);
  }
  return { scope, ...(await issueCode(db, scope, now)) };
}

export { listDevices, revokeDevice, type Device };
