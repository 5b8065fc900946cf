/**
 * An office PC's outbox that came by file (sync by USB, shared/sync/bundle.ts), imported at the
 * district: opened with the device's key, checked (its street, once per sequence, never older
 * than the last), pushed through the same code as an HTTP push (push.ts: same validation, same
 * refusals, same acknowledgement), and answered with the push's result and the pull pages the PC
 * lacks after its cursor, up to a size limit (the PC fetches the rest by network or the next file).
 */
import { createHash } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { ServerDb } from '../db/open';
import { bundleImports, devices } from '../db/schema';
import { AppError } from '../../shared/errors';
import { SyncRefusal } from '../../shared/sync/rejections';
import { MAX_BATCH, type OwnCheck, type PullResponse, type PushResponse, type Rejection } from '../../shared/sync/wire';
import { openBundle, OutboxPayloadSchema, readBundleHeader, sealBundle, type BundleHeader, type OutboxPayload } from '../../shared/sync/bundle';
import { toDevice, type Device } from './devices';
import { pullChanges } from './log';
import { receivePush, type PushLog } from './push';

/** Changes an answer carries at most by default; the rest comes with the next sync. */
export const ANSWER_LIMIT = 20_000;

export interface BundleImport {
  header: BundleHeader;
  device: Device;
  /** The same bundle was imported before: nothing was applied again. */
  already: boolean;
  result: PushResponse;
  answer: Uint8Array;
  /** Changes the answer carries, and whether more wait on the server. */
  answerChanges: number;
  more: boolean;
}

const quiet: PushLog = { storeFailed: () => undefined, pushed: () => undefined };

/** The highest of two stamps ('none' below every stamp). */
const later = (a: string, b: string) => (a === 'none' || b > a ? b : a);

export async function importBundle(
  db: ServerDb,
  bytes: Uint8Array,
  now: Date,
  opts: { answerLimit?: number; log?: PushLog } = {},
): Promise<BundleImport> {
  const header = readBundleHeader(bytes);
  if (header.kind !== 'outbox') {
    throw new AppError('bundle-invalid', '这是区级服务器写给办公电脑的应答包，应在该办公电脑的“同步”页面点击“导入同步包”导入；未导入任何内容');
  }
  const [row] = await db.select().from(devices).where(eq(devices.id, header.deviceId));
  if (!row) throw new SyncRefusal('device-unknown', `同步包的设备（${header.deviceId}）未在本服务器登记；未导入任何内容`, 401);
  if (row.revokedAt) throw new SyncRefusal('device-revoked', `同步包的设备已于 ${row.revokedAt} 被停用；未导入任何内容`, 403);
  const device = toDevice(row);
  if (header.street !== device.scope.partition) {
    throw new AppError('bundle-other-street', `同步包写明的街道 ${header.street} 与该设备登记的 ${device.scope.partition} 不符；未导入任何内容`);
  }
  const { payload } = await openBundle(row.tokenHash, bytes, OutboxPayloadSchema);
  const digest = createHash('sha256').update(bytes).digest('hex');

  const [last] = await db.select().from(bundleImports).where(eq(bundleImports.deviceId, device.id)).orderBy(desc(bundleImports.seq)).limit(1);
  let already = false;
  let result: PushResponse;
  if (last && header.seq < last.seq) {
    throw new AppError('bundle-old', `该同步包序号为 ${header.seq}，本设备已导入序号 ${last.seq} 的同步包；未导入任何内容`);
  }
  if (last && header.seq === last.seq) {
    if (last.digest !== digest) throw new AppError('bundle-old', `本设备序号为 ${header.seq} 的同步包已导入过另一份；未导入任何内容`);
    already = true;
    result = { ...(last.result as { accepted: string[]; rejected: Rejection[] }), serverTime: now.toISOString() };
  } else {
    result = await pushOutbox(db, device, payload, now, opts.log ?? quiet);
    await db
      .insert(bundleImports)
      .values({ deviceId: device.id, seq: header.seq, digest, createdAt: header.createdAt, importedAt: now.toISOString(), result: { accepted: result.accepted, rejected: result.rejected } })
      .onConflictDoNothing();
  }
  // What the PC will know of its own pushes once it applies the result: the pull check then holds.
  const rejected = new Set(result.rejected.map((r) => r.hlc));
  const known = result.accepted.filter((h) => !rejected.has(h)).reduce(later, payload.check.known);
  const pages = await pullPages(db, device, payload.cursor, { known, node: payload.check.node }, now, opts.answerLimit ?? ANSWER_LIMIT);
  // The PC pushed more by network since it wrote the bundle: its pull pages wait for that network
  // sync (which checks what the PC holds first); the answer carries the push result only.
  const more = pages === null || (pages.at(-1)?.hasMore ?? false);
  const answerHeader: BundleHeader = { kind: 'answer', street: header.street, deviceId: device.id, seq: header.seq, createdAt: now.toISOString() };
  const answer = await sealBundle(row.tokenHash, answerHeader, { result, pages: pages ?? [], more });
  await db.update(devices).set({ lastSeenAt: now.toISOString() }).where(eq(devices.id, device.id));
  return {
    header,
    device,
    already,
    result,
    answer,
    answerChanges: (pages ?? []).reduce((n, p) => n + p.changes.length, 0),
    more,
  };
}

/** The outbox in batches, as the PC pushes it: each batch's check knows the batches before it. */
async function pushOutbox(
  db: ServerDb,
  device: Device,
  payload: OutboxPayload,
  now: Date,
  log: PushLog,
): Promise<PushResponse> {
  const accepted: string[] = [];
  const refused: Rejection[] = [];
  let known = payload.check.known;
  for (let i = 0; i === 0 || i < payload.changes.length; i += MAX_BATCH) {
    const batch = payload.changes.slice(i, i + MAX_BATCH);
    const res = await receivePush(
      db,
      device,
      { changes: batch, replica: payload.replica, check: { known, node: payload.check.node }, ticket: payload.ticket ?? undefined, knowsNew: true },
      now,
      log,
    );
    accepted.push(...res.accepted);
    refused.push(...res.rejected);
    const out = new Set(res.rejected.map((r) => r.hlc));
    known = res.accepted.filter((h) => !out.has(h)).reduce(later, known);
  }
  return { accepted, rejected: refused, serverTime: now.toISOString() };
}

/**
 * Pull pages after the cursor, as a network pull sends them, until up to date or the limit is
 * reached; null when the server holds pushes of the device the bundle does not know of.
 */
async function pullPages(db: ServerDb, device: Device, after: number, check: OwnCheck, now: Date, limit: number): Promise<PullResponse[] | null> {
  const pages: PullResponse[] = [];
  let cursor = after;
  let carried = 0;
  for (;;) {
    let page: PullResponse;
    try {
      page = await pullChanges(db, device, cursor, Math.max(1, Math.min(MAX_BATCH, limit - carried)), now, { check });
    } catch (err) {
      if (err instanceof SyncRefusal && err.code === 'replica-behind' && pages.length === 0) return null;
      throw err;
    }
    pages.push(page);
    carried += page.changes.length;
    cursor = page.cursor;
    if (!page.hasMore || carried >= limit) return pages;
  }
}
