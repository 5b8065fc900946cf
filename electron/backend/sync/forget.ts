/**
 * A change log that forgets what the server has (issue 19): a change the server acknowledged leaves
 * change_log, so the log holds only the outbox and refused changes (kept for the 同步 page) and never
 * grows with the street's history. What replica-behind recovery needs of the acknowledged changes
 * (recover.ts) is kept in local_meta: the highest stamp of them (ownCheck); the changes themselves
 * the server sends back with own=1.
 */
import type { Store } from '../store/store';

/** The highest stamp of this replica's changes the server acknowledged. */
export const OWN_KNOWN_META = 'sync_own_known';

const ACKNOWLEDGED = `pushed_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sync_rejections r WHERE r.hlc = change_log.hlc)`;

export function ownKnown(store: Store): string | null {
  return store.getMeta(OWN_KNOWN_META) || null;
}

/**
 * Drops acknowledged changes from the log (at most `limit`, oldest first), their highest stamp
 * kept first; returns how many were dropped. Run inside the transaction that acknowledged them.
 */
export function forgetAcknowledged(store: Store, limit = Number.MAX_SAFE_INTEGER): number {
  const top = store
    .prepare(`SELECT max(hlc) FROM (SELECT hlc FROM change_log WHERE ${ACKNOWLEDGED} ORDER BY seq LIMIT ?)`)
    .pluck()
    .get(limit) as string | null;
  if (top === null) return 0;
  const known = ownKnown(store);
  if (!known || top > known) store.setMeta(OWN_KNOWN_META, top);
  return store.prepare(`DELETE FROM change_log WHERE seq IN (SELECT seq FROM change_log WHERE ${ACKNOWLEDGED} ORDER BY seq LIMIT ?)`).run(limit)
    .changes;
}
