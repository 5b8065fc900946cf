/**
 * A device's push, received: the demo refusal, the ticket's authority over users rows, then the
 * change log (log.ts). One path for the HTTP push and for an outbox that came by file (bundle.ts),
 * so both are checked, refused and acknowledged alike.
 */
import type { ServerDb } from '../db/open';
import type { Device } from './devices';
import { pushChanges, type StoreFailure } from './log';
import { refuseDemoReplica } from './replica';
import { voucherOf } from './admin-ticket';
import { wireReason } from '../../shared/sync/rejections';
import type { Change, OwnCheck, PushResponse, Replica } from '../../shared/sync/wire';

export interface ReceivedPush {
  changes: Change[];
  replica?: Replica;
  check: Partial<OwnCheck>;
  ticket?: string;
  /** The client knows every refusal code (header x-sync-reasons: 2; a bundle always does). */
  knowsNew: boolean;
}

export interface PushLog {
  storeFailed(f: StoreFailure): void;
  /** Ids, codes and field names of refused changes; never their values. */
  pushed(accepted: number, refused: { hlc: string; code: string; field?: string }[]): void;
}

export async function receivePush(db: ServerDb, d: Device, p: ReceivedPush, now: Date, log: PushLog): Promise<PushResponse> {
  refuseDemoReplica(p.replica);
  const voucher = await voucherOf(db, d, p.ticket, now);
  const who = { deviceId: d.id, node: d.node, scope: d.scope, enrolledAt: d.createdAt, voucher };
  const res = await pushChanges(db, who, p.changes, now, p.check, (f) => log.storeFailed(f));
  log.pushed(
    res.accepted.length,
    res.rejected.map((r) => ({ hlc: r.hlc, code: r.code, field: r.field })),
  );
  return { ...res, rejected: res.rejected.map((r) => ({ ...r, code: wireReason(r.code, p.knowsNew) })) };
}
