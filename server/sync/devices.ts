/**
 * Office devices: one-time enrollment codes (stored hashed, expiring), enrollment that trades a
 * code for a bearer token (stored hashed), authentication, listing and revocation.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { and, asc, eq, gt, isNull, max, ne, or, sql } from 'drizzle-orm';
import type { ServerDb } from '../db/open';
import { devices, enrollmentCodes, syncChanges } from '../db/schema';
import { uuidv7 } from '../../shared/uuid';
import { SyncRefusal } from '../../shared/sync/rejections';
import type { Scope } from '../../shared/sync/wire';

const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CODE_TTL_MS = 7 * 24 * 3600 * 1000;

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

export async function issueCode(db: ServerDb, scope: Scope, now: Date): Promise<{ code: string; expiresAt: string }> {
  let raw = '';
  for (let i = 0; i < 12; i++) raw += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS).toISOString();
  await db.insert(enrollmentCodes).values({
    codeHash: sha256(raw),
    scopeKind: scope.kind,
    partition: scope.partition,
    createdAt: now.toISOString(),
    expiresAt,
  });
  return { code: raw.match(/.{4}/g)!.join('-'), expiresAt };
}

export interface Device {
  id: string;
  name: string;
  scope: Scope;
  node: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  createdAt: string;
  /** Number of the device within its partition (1, 2, …); null for devices enrolled before it existed. */
  deviceNo: number | null;
}

export function toDevice(r: typeof devices.$inferSelect): Device {
  return {
    id: r.id,
    name: r.name,
    scope: { kind: r.scopeKind, partition: r.partition },
    node: r.node,
    revokedAt: r.revokedAt,
    lastSeenAt: r.lastSeenAt,
    createdAt: r.createdAt,
    deviceNo: r.deviceNo ?? null,
  };
}

export async function enroll(
  db: ServerDb,
  input: { code: string; deviceName: string; node: string },
  now: Date,
): Promise<{ device: Device; token: string }> {
  const hash = sha256(normaliseCode(input.code));
  return db.transaction(async (tx) => {
    const [code] = await tx
      .select()
      .from(enrollmentCodes)
      .where(and(eq(enrollmentCodes.codeHash, hash), isNull(enrollmentCodes.usedAt), gt(enrollmentCodes.expiresAt, now.toISOString())))
      .for('update');
    const token = randomBytes(32).toString('base64url');
    const recent = recentOf(db);
    if (!code) {
      const again = await retriedEnrollment(tx, hash, input.node, now);
      if (!again) throw new SyncRefusal('enrollment-code-invalid', undefined, 403);
      // the device never received its answer: the same answer again if this process still has
      // it (a duplicated request must not void the token of the first), else a new token
      const kept = recent.get(hash);
      if (kept && kept.deviceId === again.id) return { device: toDevice(again), token: kept.token };
      const [row] = await tx.update(devices).set({ tokenHash: sha256(token) }).where(eq(devices.id, again.id)).returning();
      recent.set(hash, { deviceId: again.id, token, at: now.getTime() });
      return { device: toDevice(row!), token };
    }
    const id = uuidv7(now.getTime());
    // Numbered in order within the partition; the lock keeps two enrollments from taking one number.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`devices:${code.partition}`}))`);
    const [{ last } = { last: null }] = await tx.select({ last: max(devices.deviceNo) }).from(devices).where(eq(devices.partition, code.partition));
    const [row] = await tx
      .insert(devices)
      .values({
        id,
        name: input.deviceName,
        scopeKind: code.scopeKind,
        partition: code.partition,
        node: input.node,
        tokenHash: sha256(token),
        createdAt: now.toISOString(),
        deviceNo: (last ?? 0) + 1,
      })
      .returning();
    await tx.update(enrollmentCodes).set({ usedAt: now.toISOString(), deviceId: id }).where(eq(enrollmentCodes.codeHash, hash));
    for (const [k, v] of recent) if (now.getTime() - v.at > ENROLL_RETRY_MS) recent.delete(k);
    recent.set(hash, { deviceId: id, token, at: now.getTime() }); // before commit: a duplicate waits on the code's row lock
    return { device: toDevice(row!), token };
  });
}

/** How long after enrolling a device may repeat it with the same code, if its answer was lost. */
export const ENROLL_RETRY_MS = 15 * 60 * 1000;

type Tx = Parameters<Parameters<ServerDb['transaction']>[0]>[0];

/** Forgets the remembered answers of recent enrollments, as a restarted server process has. */
export function forgetRecentEnrollments(db: ServerDb): void {
  recentEnrollments.delete(db);
}

/** Tokens of this process's recent enrollments, in memory only, by code hash. */
const recentEnrollments = new WeakMap<ServerDb, Map<string, { deviceId: string; token: string; at: number }>>();

function recentOf(db: ServerDb): Map<string, { deviceId: string; token: string; at: number }> {
  let m = recentEnrollments.get(db);
  if (!m) recentEnrollments.set(db, (m = new Map()));
  return m;
}

/**
 * The device a code was used for, if this is the same device (node) asking again soon after, the
 * device unrevoked and its token never used: its answer was lost on the way, so the code is not
 * spent for it (a one-time code is no use to anyone else, and neither is the token it replaces).
 */
async function retriedEnrollment(tx: Tx, codeHash: string, node: string, now: Date): Promise<typeof devices.$inferSelect | null> {
  const [used] = await tx
    .select()
    .from(enrollmentCodes)
    .innerJoin(devices, eq(devices.id, enrollmentCodes.deviceId))
    .where(eq(enrollmentCodes.codeHash, codeHash))
    .for('update');
  if (!used) return null;
  const { devices: d, enrollment_codes: c } = used;
  if (d.node !== node || d.revokedAt || d.lastSeenAt || !c.usedAt) return null;
  return now.getTime() - Date.parse(c.usedAt) <= ENROLL_RETRY_MS ? d : null;
}

/** The device of a bearer token; refuses unknown and revoked devices. */
export async function authenticate(db: ServerDb, token: string | null, now: Date): Promise<Device> {
  if (!token) throw new SyncRefusal('device-unknown', undefined, 401);
  const [row] = await db.select().from(devices).where(eq(devices.tokenHash, sha256(token)));
  if (!row) throw new SyncRefusal('device-unknown', undefined, 401);
  if (row.revokedAt) throw new SyncRefusal('device-revoked', undefined, 403);
  await db.update(devices).set({ lastSeenAt: now.toISOString() }).where(eq(devices.id, row.id));
  return toDevice(row);
}

export async function listDevices(db: ServerDb): Promise<Device[]> {
  return (await db.select().from(devices).orderBy(asc(devices.createdAt))).map(toDevice);
}

export async function revokeDevice(db: ServerDb, id: string, now: Date): Promise<boolean> {
  const r = await db.update(devices).set({ revokedAt: now.toISOString() }).where(and(eq(devices.id, id), isNull(devices.revokedAt))).returning({ id: devices.id });
  return r.length > 0;
}

/**
 * Gives the device a new node id (a replica restored from an older copy renews its node so that its
 * new stamps never repeat those it pushed before). Refused when another device uses or used the node.
 */
export async function renewNode(db: ServerDb, device: Device, node: string): Promise<Device> {
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: devices.id }).from(devices).where(and(eq(devices.node, node), ne(devices.id, device.id))).limit(1);
    const [used] = await tx
      .select({ hlc: syncChanges.hlc })
      .from(syncChanges)
      .where(and(eq(syncChanges.node, node), or(isNull(syncChanges.deviceId), ne(syncChanges.deviceId, device.id))))
      .limit(1);
    if (taken || used) throw new SyncRefusal('node-taken', undefined, 409);
    const [row] = await tx.update(devices).set({ node }).where(eq(devices.id, device.id)).returning();
    return toDevice(row!);
  });
}
