/**
 * Sync by file (USB) on the office PC (format: shared/sync/bundle.ts). 导出同步包 writes the outbox,
 * as a push would send it, with the pull cursor and what the PC knows of its own pushes; the district
 * imports it (`npm run server -- import-bundle`) and answers. 导入同步包 applies the answer through
 * the same code as a network sync: the push result as recordPushResult records it (acknowledged
 * changes leave the log, refused ones go to the 同步 page), the pull pages as applyPullPage applies
 * them, all in one transaction. An answer is imported once; an older one is refused.
 */
import type { Store } from '../store/store';
import { AppError } from '../../../shared/errors';
import {
  AnswerPayloadSchema,
  bundleFileName,
  openBundle,
  readBundleHeader,
  sealBundle,
  tokenDigest,
  type BundleHeader,
} from '../../../shared/sync/bundle';
import type { Change } from '../../../shared/sync/wire';
import type { BundleImportResult } from '../../../shared/sync/status';
import { shanghaiDate } from '../../../shared/time/shanghai';
import { replicaOf } from '../demo/marker';
import { currentStreet } from '../services/setup/street';
import { outboxBatch, recordPushResult } from './encode';
import { applyPullPage, pullCursor, snapshotProgress } from './pull';
import { keepNotice, ownCheck } from './recover';
import { SYNC_META, syncConfig } from './session';
import { supersedeRefused } from './supersede';
import { currentTicket, holdUsersChanges, usersHeld } from './ticket';

/** The number of the last bundle exported, and of the last answer imported. */
const EXPORTED_META = 'sync_bundle_seq';
const ANSWERED_META = 'sync_bundle_answered';
/** Bundle numbers count seconds from here (they fit the server's integer column until 2092). */
const SEQ_EPOCH_MS = Date.UTC(2024, 0, 1);

/**
 * The next bundle's number: one more than the last, and never below the seconds of the clock. The
 * stored number goes back with a restored backup (or is gone with a dead disk) while the district
 * keeps the highest it imported; the clock does not go back, so the next bundle is still newer.
 */
export function nextBundleSeq(stored: number, now: Date): number {
  return Math.max(stored + 1, Math.floor((now.getTime() - SEQ_EPOCH_MS) / 1000));
}

export interface ExportedBundle {
  fileName: string;
  bytes: Uint8Array;
  seq: number;
  changes: number;
}

function enrolled(store: Store) {
  const cfg = syncConfig(store);
  const deviceId = store.getMeta(SYNC_META.deviceId);
  if (!cfg || !deviceId) throw new AppError('not-enrolled', '本设备尚未登记到区级服务器，不能用文件同步：请先在“同步”页面登记本设备');
  return { ...cfg, deviceId };
}

export async function exportBundle(store: Store): Promise<ExportedBundle> {
  const cfg = enrolled(store);
  if (!snapshotProgress(store).done) {
    throw new AppError('prerequisite-missing', '本机尚未完成首次同步，不能导出同步包：请先联网同步一次，取回本街道的数据');
  }
  const { header, payload } = store.tx(() => {
    // as before a push: an edit of a refused record carries the refused fields again
    supersedeRefused(store);
    const seq = nextBundleSeq(Number(store.getMeta(EXPORTED_META) ?? '0'), store.nowDate());
    store.setMeta(EXPORTED_META, String(seq));
    const header: BundleHeader = { kind: 'outbox', street: cfg.scope.partition, deviceId: cfg.deviceId, seq, createdAt: store.nowIso() };
    const payload = {
      changes: outboxBatch(store, -1, { holdUsers: usersHeld(store) }),
      cursor: pullCursor(store),
      check: ownCheck(store),
      replica: replicaOf(store),
      ticket: currentTicket(store),
    };
    return { header, payload };
  });
  const bytes = await sealBundle(await tokenDigest(cfg.token), header, payload);
  const street = currentStreet(store)?.name ?? cfg.scope.partition;
  return { fileName: bundleFileName(header, street, shanghaiDate(store.nowDate())), bytes, seq: header.seq, changes: payload.changes.length };
}

export async function importAnswer(store: Store, bytes: Uint8Array): Promise<BundleImportResult> {
  const cfg = enrolled(store);
  const header = readBundleHeader(bytes);
  if (header.kind !== 'answer') {
    throw new AppError('bundle-invalid', '这是办公电脑导出的同步包，应交给区级服务器导入；本机只能导入区级服务器写出的应答包（同步应答-….doudi）');
  }
  if (header.street !== cfg.scope.partition) {
    throw new AppError('bundle-other-street', `应答包属于街道 ${header.street}，本机登记在 ${cfg.scope.partition}；未导入任何内容`);
  }
  if (header.deviceId !== cfg.deviceId) throw new AppError('bundle-other-device', '应答包是写给另一台电脑的，不能导入本机；未导入任何内容');
  const { payload } = await openBundle(await tokenDigest(cfg.token), bytes, AnswerPayloadSchema);
  const last = Number(store.getMeta(ANSWERED_META) ?? '0');
  if (header.seq < last) throw new AppError('bundle-old', `该应答包对应序号 ${header.seq} 的同步包，本机已导入序号 ${last} 的应答包；未导入任何内容`);
  const { result, pages } = payload;
  if (header.seq === last) {
    return { already: true, seq: header.seq, acknowledged: 0, rejected: 0, pulled: 0, more: false, message: `该应答包（序号 ${header.seq}）已导入过，本次没有任何改动` };
  }
  return store.tx(() => {
    // The changes answered that still wait in the outbox (some may have gone by network meanwhile).
    const answered = new Set([...result.accepted, ...result.rejected.map((r) => r.hlc)]);
    const sent = outboxBatch(store, -1).filter((c: Change) => answered.has(c.hlc));
    const waiting = new Set(sent.map((c) => c.hlc));
    recordPushResult(store, sent, result);
    if (result.rejected.some((r) => r.code === 'admin-proof-required')) holdUsersChanges(store);
    let pulled = 0;
    for (const page of pages) {
      // pages the PC has passed by network since the export are skipped; the rest apply as pulled
      if (page.cursor <= pullCursor(store)) continue;
      applyPullPage(store, page);
      pulled += page.changes.length;
    }
    const acknowledged = result.accepted.filter((h) => waiting.has(h)).length;
    const rejected = result.rejected.filter((r) => waiting.has(r.hlc) && r.code !== 'admin-proof-required').length;
    const more = payload.more;
    const message =
      `已导入应答包（序号 ${header.seq}）：区级服务器接收本机修改 ${acknowledged} 条${rejected ? `，拒收 ${rejected} 条（见下方“被服务器拒收的修改”）` : ''}，带回本机缺少的修改 ${pulled} 条` +
      (more ? '；服务器上还有更多修改，联网同步或下次导入应答包时取回' : '');
    store.setMeta(ANSWERED_META, String(header.seq));
    keepNotice(store, { at: store.nowIso(), code: 'bundle-imported', message, recovered: 0 });
    return { already: false, seq: header.seq, acknowledged, rejected, pulled, more, message };
  });
}
