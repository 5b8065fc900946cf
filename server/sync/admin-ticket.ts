/**
 * Tickets that carry a signed-in user's authority into a device's pushes (authority.ts).
 *
 * Design: a PC cannot prove a sign-in by itself — it holds its street's password hashes, so a
 * stolen PC could forge anything derived from them. The password itself goes to the server once,
 * at sign-in when online (POST /v1/ticket, with the device's token), and is checked against the
 * hash the server holds; the server answers a ticket: device, user and expiry signed with a
 * secret that never leaves the server (server_meta), valid for TICKET_TTL_MS. The PC sends it with
 * its pushes (header x-sync-ticket); each use checks the user again (live, not disabled, same
 * role and partition). Offline, user changes wait in the PC's outbox until the next online sign-in.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { ServerDb } from '../db/open';
import { serverMeta, syncRows } from '../db/schema';
import { verifyPassword } from '../../shared/auth/password-hash';
import { SyncRefusal } from '../../shared/sync/rejections';
import type { Scope } from '../../shared/sync/wire';
import type { Voucher } from './authority';

export const TICKET_HEADER = 'x-sync-ticket';
export const TICKET_TTL_MS = 12 * 3600 * 1000;

async function secretOf(db: ServerDb): Promise<Buffer> {
  await db.insert(serverMeta).values({ key: 'ticket_secret', value: randomBytes(32).toString('hex') }).onConflictDoNothing();
  const [r] = await db.select().from(serverMeta).where(eq(serverMeta.key, 'ticket_secret'));
  return Buffer.from(r!.value, 'hex');
}

function sign(secret: Buffer, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

async function liveUser(db: ServerDb, where: ReturnType<typeof and>) {
  const [row] = await db.select().from(syncRows).where(and(eq(syncRows.tableName, 'users'), where)).limit(1);
  const f = row?.fields;
  if (!row || !f || f.deleted_at != null || f.disabled === 1) return null;
  return { id: row.rowId, partition: row.partition, role: String(f.role), hash: String(f.password_hash ?? '') };
}

/** Wrong passwords per device: a stolen PC may not guess a street admin's password at scrypt speed. */
const MAX_FAILURES = 5;
const FAILURE_WINDOW_MS = 15 * 60 * 1000;
const failures = new Map<string, { count: number; since: number }>();

function tooManyFailures(deviceId: string, nowMs: number): boolean {
  const f = failures.get(deviceId);
  if (f && nowMs - f.since > FAILURE_WINDOW_MS) failures.delete(deviceId);
  return (failures.get(deviceId)?.count ?? 0) >= MAX_FAILURES;
}

function noteFailure(deviceId: string, nowMs: number): void {
  const f = failures.get(deviceId) ?? { count: 0, since: nowMs };
  failures.set(deviceId, { ...f, count: f.count + 1 });
}

export async function issueTicket(
  db: ServerDb,
  device: { id: string; scope: Scope },
  input: { username: string; password: string },
  now: Date,
): Promise<{ ticket: string; expiresAt: string }> {
  if (tooManyFailures(device.id, now.getTime())) {
    throw new SyncRefusal('admin-proof-required', '本设备密码错误次数过多，请15分钟后再登录以取得上传用户修改的凭证', 429);
  }
  const user = await liveUser(
    db,
    // A device's users are those of its partition: its street's, or the district's.
    and(eq(syncRows.partition, device.scope.partition), sql`lower(${syncRows.fields}->>'username') = lower(${input.username})`),
  );
  // Same answer for an unknown user and a wrong password.
  if (!user || !verifyPassword(input.password, user.hash)) {
    noteFailure(device.id, now.getTime());
    throw new SyncRefusal('admin-proof-required', '用户名或密码不正确，未取得上传用户修改的凭证', 403);
  }
  failures.delete(device.id);
  const exp = now.getTime() + TICKET_TTL_MS;
  const body = `${device.id}.${user.id}.${exp}`;
  return { ticket: `${body}.${sign(await secretOf(db), body)}`, expiresAt: new Date(exp).toISOString() };
}

/** The user a push's ticket vouches for, or null (no ticket, forged, expired, another device's, user gone). */
export async function voucherOf(db: ServerDb, device: { id: string }, ticket: string | undefined, now: Date): Promise<Voucher | null> {
  const m = ticket ? /^([^.]+)\.([^.]+)\.(\d+)\.([\w-]+)$/.exec(ticket) : null;
  if (!m || m[1] !== device.id || Number(m[3]) < now.getTime()) return null;
  const want = Buffer.from(sign(await secretOf(db), `${m[1]}.${m[2]}.${m[3]}`));
  const got = Buffer.from(m[4]!);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
  const user = await liveUser(db, eq(syncRows.rowId, m[2]!));
  return user ? { userId: user.id, role: user.role, partition: user.partition } : null;
}
