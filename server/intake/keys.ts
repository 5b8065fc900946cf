/**
 * Intake keys: the bearer keys with which the grid system (网格系统) or the city bureau posts clues.
 * Issued by the admin CLI (shown once), stored only as sha256, revocable; separate from device
 * tokens, so a sender can never pull or push sync data and a device can never post clues.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { ServerDb } from '../db/open';
import { intakeKeys } from '../db/schema';
import { sha256 } from '../sync/devices';
import { uuidv7 } from '../../shared/uuid';
import { AdminError } from '../admin/errors';

export const INTAKE_KEY_PREFIX = 'ddk_';

export interface IntakeKey {
  id: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** Refusal of a clue post: stable kebab-case code, Chinese message, HTTP status. */
export class IntakeRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

export async function issueIntakeKey(db: ServerDb, name: string, now: Date): Promise<{ id: string; key: string }> {
  const trimmed = name.trim();
  if (!trimmed) throw new AdminError('name-missing', '请用 --name 指定接收线索的系统名称，如 网格系统');
  if (trimmed.length > 60) throw new AdminError('name-too-long', '--name 系统名称不能超过60个字');
  const key = INTAKE_KEY_PREFIX + randomBytes(32).toString('base64url');
  const id = uuidv7(now.getTime());
  await db.insert(intakeKeys).values({ id, name: trimmed, keyHash: sha256(key), createdAt: now.toISOString() });
  return { id, key };
}

export async function listIntakeKeys(db: ServerDb): Promise<IntakeKey[]> {
  const rows = await db.select().from(intakeKeys).orderBy(asc(intakeKeys.createdAt));
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.createdAt, revokedAt: r.revokedAt, lastUsedAt: r.lastUsedAt }));
}

export async function revokeIntakeKey(db: ServerDb, id: string, now: Date): Promise<boolean> {
  const r = await db
    .update(intakeKeys)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(intakeKeys.id, id), isNull(intakeKeys.revokedAt)))
    .returning({ id: intakeKeys.id });
  return r.length > 0;
}

/** The key of a bearer value; refuses a missing, unknown or revoked key. */
export async function authenticateIntake(db: ServerDb, key: string | null, now: Date): Promise<IntakeKey> {
  if (!key) throw new IntakeRefusal('intake-key-missing', '缺少线索接收密钥：请在请求头 Authorization: Bearer <密钥> 中提供', 401);
  const [row] = await db.select().from(intakeKeys).where(eq(intakeKeys.keyHash, sha256(key)));
  if (!row) throw new IntakeRefusal('intake-key-invalid', '线索接收密钥无效：请向区级管理员索取密钥', 401);
  if (row.revokedAt) throw new IntakeRefusal('intake-key-revoked', '线索接收密钥已停用：请向区级管理员索取新的密钥', 403);
  await db.update(intakeKeys).set({ lastUsedAt: now.toISOString() }).where(eq(intakeKeys.id, row.id));
  return { id: row.id, name: row.name, createdAt: row.createdAt, revokedAt: row.revokedAt, lastUsedAt: now.toISOString() };
}
