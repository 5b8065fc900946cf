/** Admin operations of the district server (used by the CLI and by tests). */
import type { ServerDb } from '../db/open';
import { authorChange, findRows } from './author';
import { seedDistrictParams, seedStreetParams } from './seed-params';
import { DONGLI_STREETS, findStreet } from '../../shared/streets';
import { uuidv7 } from '../../shared/uuid';
import { hashPassword } from '../../electron/backend/services/auth/password';
import { issueCode, listDevices, revokeDevice, type Device } from '../sync/devices';
import { DISTRICT_PARTITION, type Scope } from '../../shared/sync/wire';
import { ROLES } from '../../shared/codes';

export async function createStreets(db: ServerDb, now: Date, codes?: string[]): Promise<string[]> {
  const existing = new Set((await findRows(db, 'streets')).map((r) => r.fields.code));
  const wanted = codes && codes.length > 0 ? codes : DONGLI_STREETS.map((s) => s.code);
  const created: string[] = [];
  for (const code of wanted) {
    const preset = findStreet(code);
    if (!preset) throw new Error(`未知的街道代码 ${code}`);
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
  if (!ROLES.some((r) => r.code === u.role)) throw new Error(`未知的角色 ${u.role}`);
  if (u.partition !== DISTRICT_PARTITION && !findStreet(u.partition)) throw new Error(`未知的街道代码 ${u.partition}`);
  const users = await findRows(db, 'users');
  if (users.some((r) => String(r.fields.username).toLowerCase() === u.username.toLowerCase())) throw new Error(`用户名 ${u.username} 已存在`);
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
  if (!row) throw new Error(`用户 ${username} 不存在`);
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
    if (!streets.some((s) => s.fields.code === partition)) throw new Error(`街道 ${partition} 尚未创建，请先执行 create-streets`);
  }
  return { scope, ...(await issueCode(db, scope, now)) };
}

export { listDevices, revokeDevice, type Device };
