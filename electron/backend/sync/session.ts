/**
 * One sync session: bootstrap from a snapshot if this replica never has, push the outbox in
 * batches (halving a batch the server finds too large), then pull until up to date. A replica the
 * server finds behind its own pushes (restored from an older copy) recovers first (recover.ts). Each step
 * commits as it goes, so an interrupted session resumes where it stopped.
 */
import { CLOCK_SKEW_META, type Store } from '../store/store';
import { SyncRefusal } from '../../../shared/sync/rejections';
import type { Scope, SnapshotResponse } from '../../../shared/sync/wire';
import { outboxBatch, recordPushResult } from './encode';
import { applyPullPage, applySnapshotPage, finishSnapshot, pullCursor, snapshotProgress } from './pull';
import { retryPendingInTurns } from './apply';
import { runWithTurns, turnTaker } from '../store/turns';
import { indexNotedInTurns } from '../store/search-index';
import { withCacheMiB, withWalCheckpointEvery } from '../db/open';
import { dropIndexesForBootstrap, restoreBootstrapIndexes } from '../db/bootstrap-indexes';
import { httpTransport, type SyncTransport } from './http';
import { DEVICE_NO_META, enrolledScope, SCOPE_META } from '../store/enrollment';
import { restampFutureChanges } from './restamp';
import { ownCheck, recoverOwnChanges, recoveryUnderWay } from './recover';
import { isDemoData, replicaOf } from '../demo/marker';
import { supersedeRefused } from './supersede';
import { currentTicket, holdUsersChanges, keepTicket, noteTicketRequest, ticketRequested, usersHeld } from './ticket';

export const SYNC_META = {
  server: 'sync_server_url',
  token: 'sync_token',
  deviceId: 'sync_device_id',
  scope: SCOPE_META,
  lastSuccess: 'sync_last_success',
  lastError: 'sync_last_error',
  clockSkew: CLOCK_SKEW_META,
} as const;

export interface SyncConfig {
  serverUrl: string;
  token: string;
  scope: Scope;
}

export function syncConfig(store: Store): SyncConfig | null {
  const serverUrl = store.getMeta(SYNC_META.server);
  const token = store.getSecretMeta(SYNC_META.token);
  const scope = enrolledScope(store);
  if (!serverUrl || !token || !scope) return null;
  return { serverUrl, token, scope };
}

/**
 * A device token is stored but cannot be opened here: sealed by another PC's key store (a backup
 * restored on another PC, a data folder copied to another account). Such a PC is enrolled again.
 */
export function credentialUnopenable(store: Store): boolean {
  return !!store.getMeta(SYNC_META.token) && store.getSecretMeta(SYNC_META.token) === null;
}

/** Trades a one-time code for a device token and records the server, token and scope locally. */
export async function enrollDevice(
  store: Store,
  transport: SyncTransport,
  input: { serverUrl: string; code: string; deviceName: string },
): Promise<Scope> {
  if (isDemoData(store)) throw new SyncRefusal('demo-replica');
  const res = await transport.enroll({ code: input.code, deviceName: input.deviceName, node: store.nodeId, replica: replicaOf(store) });
  store.tx(() => {
    // Before anything is stamped: a PC whose clock runs fast stamps with the server's time from now on.
    store.noteClockSkew(store.nowDate().getTime() - Date.parse(res.serverTime));
    store.setMeta(SYNC_META.server, input.serverUrl);
    store.setSecretMeta(SYNC_META.token, res.token);
    store.setMeta(SYNC_META.deviceId, res.deviceId);
    store.setMeta(SYNC_META.scope, JSON.stringify(res.scope));
    if (res.deviceNo) store.setMeta(DEVICE_NO_META, String(res.deviceNo));
    // A district device's "street" is the district: it signs in district users and sees every street.
    store.setMeta('street_code', res.scope.partition);
  });
  return res.scope;
}

/**
 * At a sign-in on an enrolled PC: asks the server, in the background, for the ticket that lets
 * this user's authority carry users changes (ticket.ts). Offline it fails quietly; users changes
 * then wait in the outbox until a sign-in while online.
 */
export function requestTicket(store: Store, user: { username: string; password: string; role: string }): void {
  const cfg = syncConfig(store);
  const t = cfg && httpTransport(cfg.serverUrl, cfg.token, { timeoutMs: 15_000 });
  if (!t?.ticket) return;
  noteTicketRequest(
    store,
    t.ticket({ username: user.username, password: user.password }).then((r) => keepTicket(store, { ticket: r.ticket, expiresAt: r.expiresAt, role: user.role })),
  );
}

/**
 * Rows of a snapshot page. A page is applied in one transaction, one stretch of the backend's thread:
 * 1,000 rows held it for about 200 ms of CPU (a 2,000-household street), 250 for about a quarter of that;
 * the next page is fetched while one is applied, so smaller pages cost little time.
 */
const SNAPSHOT_PAGE = 250;

/**
 * Snapshot pages committed together (Store.groupStep): each page is still applied in a stretch of its
 * own, with its cursor, but a commit every page rewrote the tables' last pages and the unique indexes'
 * leaves it touched to the WAL, 4.4 pages written a page of the final file at 40,000 households.
 */
export const SNAPSHOT_PAGES_PER_COMMIT = 4;

/** The bootstrap's WAL checkpoints (db/open.ts withWalCheckpointEvery): every 10,000 pages (about 40 MB of WAL). */
const BOOTSTRAP_CHECKPOINT_PAGES = 10_000;

/**
 * The bootstrap's page cache (db/open.ts withCacheMiB), above the everyday 64 MiB (store.ts): a
 * 40,000-household street is about 200 MiB of pages, so the rows' pages stay in memory while they
 * arrive instead of being evicted and deciphered again. Taken only as pages are used, given back after.
 */
const BOOTSTRAP_CACHE_MIB = 256;

export interface SyncSummary {
  snapshotRows: number;
  pushed: number;
  rejected: number;
  pulled: number;
  /** Own changes fetched back because this replica runs on an older copy of its data (recover.ts). */
  recovered?: number;
  notice?: string;
}

export async function syncOnce(
  store: Store,
  t: SyncTransport,
  opts: { batch?: number; page?: number; snapshotPage?: number; progress?: SyncSummary } = {},
): Promise<SyncSummary> {
  // Counted into the caller's object when given, so a run that fails half-way still shows what it did.
  const summary: SyncSummary = opts.progress ?? { snapshotRows: 0, pushed: 0, rejected: 0, pulled: 0 };
  const page = opts.page ?? 500;
  try {
    // demo data enrolled before demos were refused: nothing is sent, nothing real fetched into it
    if (isDemoData(store)) throw new SyncRefusal('demo-replica');
    await bootstrap(store, t, opts.snapshotPage ?? opts.page ?? SNAPSHOT_PAGE, summary);
    // Once a run: a server still finding this replica behind after a recovery is not asked again.
    let recoveries = 0;
    const recover = async (err?: unknown) => {
      if (recoveries++ > 0 && err) throw err;
      const { recovered, notice } = await recoverOwnChanges(store, t, { page });
      summary.recovered = (summary.recovered ?? 0) + recovered;
      summary.notice = notice.message;
    };
    if (recoveryUnderWay(store)) await recover();
    await pushOutbox(store, t, opts.batch ?? 500, summary, recover);
    await pullAll(store, t, page, summary, recover);
    store.tx(() => {
      store.setMeta(SYNC_META.lastSuccess, store.nowIso());
      store.setMeta(SYNC_META.lastError, '');
    });
    return summary;
  } catch (err) {
    const code = err instanceof SyncRefusal ? err.code : 'network';
    store.setMeta(SYNC_META.lastError, JSON.stringify({ code, message: (err as Error).message, at: store.nowIso() }));
    throw err;
  }
}

type Recover = (err: unknown) => Promise<void>;

const refused = (err: unknown, code: SyncRefusal['code']): boolean => err instanceof SyncRefusal && err.code === code;

/**
 * A replica that never has: the snapshot of current state, page by page (resumes where it stopped).
 * Built after the rows rather than page by page: the synced tables' secondary indexes
 * (db/bootstrap-indexes.ts) and the search index (store/search-index.ts withSearchIndexNoted); and
 * the WAL is checkpointed less often meanwhile (db/open.ts withWalCheckpointEvery).
 */
async function bootstrap(store: Store, t: SyncTransport, limit: number, summary: SyncSummary): Promise<void> {
  const snap = snapshotProgress(store);
  if (snap.done) return;
  const turn = turnTaker();
  store.tx(() => dropIndexesForBootstrap(store.sqlite));
  await withCacheMiB(store.sqlite, BOOTSTRAP_CACHE_MIB, () => withWalCheckpointEvery(store.sqlite, BOOTSTRAP_CHECKPOINT_PAGES, async () => {
    try {
      await snapshotPages(store, t, limit, summary, snap);
    } finally {
      // also when a page failed to come: the app goes on with its indexes until the next try
      await runWithTurns(restoreBootstrapIndexes(store.sqlite), undefined, turn);
    }
    // the search index first: a retried chunk's own indexing would index every noted row at once
    await indexNotedInTurns(store, turn);
    await retryPendingInTurns(store, turn);
    finishSnapshot(store, snapshotProgress(store).cursor!);
  }));
}

async function snapshotPages(
  store: Store,
  t: SyncTransport,
  limit: number,
  summary: SyncSummary,
  snap: { after: string | null; cursor: number | null },
): Promise<void> {
  // Each page is asked for before the one before it is applied, so the district server reads it
  // while this PC writes (a page that fails to come is only awaited, and thrown, after that).
  let next: Promise<SnapshotResponse> | null = inFlight(t.snapshot({ after: snap.after, cursor: snap.cursor, limit }));
  try {
    while (next) {
      const res: SnapshotResponse = await next;
      next = res.next === null ? null : inFlight(t.snapshot({ after: res.next, cursor: res.cursor, limit }));
      store.groupStep(SNAPSHOT_PAGES_PER_COMMIT, () => applySnapshotPage(store, res, { parkedLater: true }));
      summary.snapshotRows += res.rows.length;
      // A page that came while this one was applied would follow at once: the calls waiting go first.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    // the pages applied are kept also when the next failed to come (each has its cursor)
    store.commitGroup();
  }
}

/** The outbox in batches, halving a batch the server finds too large. */
async function pushOutbox(store: Store, t: SyncTransport, firstBatch: number, summary: SyncSummary, recover: Recover): Promise<void> {
  let batch = firstBatch;
  // With the drift measured, stamps already in the future (or refused for it) are repaired first.
  const noted = store.getMeta(SYNC_META.clockSkew);
  const skew = noted === null ? NaN : Number(noted);
  let restamped = Number.isFinite(skew) && restampFutureChanges(store, store.nowDate().getTime() - skew) > 0;
  await ticketRequested(store);
  for (;;) {
    supersedeRefused(store);
    const changes = outboxBatch(store, batch, { holdUsers: usersHeld(store) });
    if (changes.length === 0) break;
    let res;
    try {
      res = await t.push(changes, ownCheck(store), replicaOf(store), currentTicket(store));
    } catch (err) {
      if (refused(err, 'payload-too-large') && batch > 1) {
        batch = Math.max(1, Math.floor(batch / 2));
        continue;
      }
      if (refused(err, 'replica-behind')) {
        await recover(err);
        continue;
      }
      throw err;
    }
    recordPushResult(store, changes, res);
    if (res.rejected.some((r) => r.code === 'admin-proof-required')) holdUsersChanges(store);
    summary.pushed += res.accepted.length;
    noteServerTime(store, res.serverTime);
    // Stamps a fast clock put in the future get the server's time and go out again (once a run).
    const aheadRefused = res.rejected.filter((r) => r.code === 'clock-ahead').length;
    if (aheadRefused > 0 && !restamped && restampFutureChanges(store, Date.parse(res.serverTime)) > 0) {
      restamped = true;
      summary.rejected += res.rejected.length - aheadRefused;
      continue;
    }
    summary.rejected += res.rejected.length;
  }
}

/**
 * Pulls until up to date. Every page checks that the server holds no push of this device the
 * replica lacks, before the cursor passes over it (a pull never returns the device's own changes).
 */
async function pullAll(store: Store, t: SyncTransport, page: number, summary: SyncSummary, recover: Recover): Promise<void> {
  for (;;) {
    let res;
    try {
      res = await t.pull(pullCursor(store), page, { check: ownCheck(store) });
    } catch (err) {
      if (refused(err, 'replica-behind')) {
        await recover(err);
        continue;
      }
      throw err;
    }
    applyPullPage(store, res);
    summary.pulled += res.changes.length;
    noteServerTime(store, res.serverTime);
    if (!res.hasMore) break;
  }
}

/** A request awaited later: its failure is not reported as unhandled meanwhile. */
function inFlight<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

/** Remembers how far this PC's clock is from the server's, for the clock-drift warning. */
function noteServerTime(store: Store, serverTime: string): void {
  store.noteClockSkew(store.nowDate().getTime() - Date.parse(serverTime));
}
