/**
 * Pulled pages and snapshot pages are applied each with its cursor in ONE transaction, so an app
 * closed mid-sync resumes from the last page it fully applied and never skips or half-applies one.
 */
import type { Store } from '../store/store';
import { enrolledScope } from '../store/enrollment';
import type { PullResponse, SnapshotResponse } from '../../../shared/sync/wire';
import { applyRemote, fromChange, retryPending, type ApplyStats } from './apply';
import { withSearchIndexDeferred, withSearchIndexNoted } from '../store/search-index';
import { settleDistrictBatches } from './district-batch';

export const META = {
  cursor: 'sync_cursor',
  snapshotAfter: 'sync_snapshot_after',
  snapshotCursor: 'sync_snapshot_cursor',
  bootstrapped: 'sync_bootstrapped',
  lastPull: 'sync_last_pull',
} as const;

export function pullCursor(store: Store): number {
  return Number(store.getMeta(META.cursor) ?? '0');
}

export function applyPullPage(store: Store, page: PullResponse): ApplyStats {
  return withSearchIndexDeferred(store, () => {
    const stats = applyRemote(store, page.changes.map(fromChange));
    settleDistrictBatches(store);
    store.setMeta(META.cursor, String(page.cursor));
    store.setMeta(META.lastPull, store.nowIso());
    return stats;
  });
}

/** Where an interrupted bootstrap resumes: the keyset position and the pull cursor of its first page. */
export function snapshotProgress(store: Store): { after: string | null; cursor: number | null; done: boolean } {
  const c = store.getMeta(META.snapshotCursor);
  return {
    after: store.getMeta(META.snapshotAfter),
    cursor: c === null ? null : Number(c),
    done: store.getMeta(META.bootstrapped) === '1',
  };
}

/** An enrolled PC whose snapshot is not all in (a bootstrap under way or interrupted): its tables are still filling. */
export function bootstrapPending(store: Store): boolean {
  return enrolledScope(store) !== null && !snapshotProgress(store).done;
}

/**
 * A snapshot page with its cursor. On the last page the rows parked for their parents are retried
 * and the snapshot is marked done, in the same transaction, unless `parkedLater` (the bootstrap
 * retries them in chunks with turns, then calls finishSnapshot). With `parkedLater` the page's rows
 * are also left noted for the search index, which the bootstrap builds once after the last page
 * (store/search-index.ts indexNotedInTurns): indexed page by page, FTS5 wrote a small segment per
 * page and merged them again and again (bench encryption-overhead: every page written costs the
 * encrypted file its cipher and HMAC).
 */
export function applySnapshotPage(store: Store, page: SnapshotResponse, opts: { parkedLater?: boolean } = {}): ApplyStats {
  const indexing = opts.parkedLater ? withSearchIndexNoted : withSearchIndexDeferred;
  return indexing(store, () => {
    // A page row is a RemoteRow: a clock per field, or one for all. Tables come parents first, so
    // nothing parks; rows parked all the same (pages of an older server's name order, a child whose
    // parent is another partition's) are retried once, when the last page has brought every parent.
    const stats = applyRemote(store, page.rows, { retry: false });
    if (page.next === null && !opts.parkedLater) retryPending(store);
    store.setMeta(META.snapshotCursor, String(page.cursor));
    if (page.next !== null) store.setMeta(META.snapshotAfter, page.next);
    else if (!opts.parkedLater) finishSnapshot(store, page.cursor);
    return stats;
  });
}

/** The snapshot is in: pulls go on from its cursor. */
export function finishSnapshot(store: Store, cursor: number): void {
  store.tx(() => {
    store.setMeta(META.bootstrapped, '1');
    store.setMeta(META.cursor, String(cursor));
    store.setMeta(META.lastPull, store.nowIso());
  });
}
