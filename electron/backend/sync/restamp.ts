/**
 * Repairs changes a fast wall clock stamped in the future. The server refuses stamps more than five
 * minutes ahead of its time (clients' clocks are not trusted), and the hybrid clock never goes back,
 * so one stretch with a wrong clock would otherwise get every later change refused until real time
 * caught up (days, if the date was wrong). Changes the server has not accepted — still in the outbox,
 * or refused as clock-ahead — get new stamps from the server's time, in their original order; the
 * field clocks that carried the old stamps follow; the clock restarts just after every stamp this
 * replica holds that is not one of its own future ones (remote stamps are checked by the server).
 */
import { formatHlc } from '../../../shared/hlc';
import { REMOTE_HLC_META, type Store } from '../store/store';
import { ownKnown } from './forget';

/**
 * A stamp this far ahead of the server's time counts as future: under the server's five minutes by
 * the time a request takes. Stamps below it (remote ones included) are kept, and the new stamps
 * follow them, so a second pass finds nothing to do.
 */
const AHEAD_LIMIT_MS = 270_000;

function maxOf(...hlcs: (string | null | undefined)[]): string | null {
  let best: string | null = null;
  for (const h of hlcs) if (h && (!best || h > best)) best = h;
  return best;
}

/** Re-stamps the unaccepted changes stamped too far after `serverNowMs`; returns how many. */
export function restampFutureChanges(store: Store, serverNowMs: number): number {
  const limitMs = serverNowMs + AHEAD_LIMIT_MS;
  // Stamps sort as text: every stamp of a later millisecond is >= this prefix.
  const futurePrefix = String(limitMs + 1).padStart(15, '0');
  return store.tx(() => {
    // Two searches, each through an index (one query with an OR scanned the whole log at every
    // sync: bench sync-incremental): the outbox, and the changes refused as clock-ahead.
    const future = store
      .prepare(
        `SELECT seq, hlc, table_name, row_id FROM change_log WHERE pushed_at IS NULL AND hlc >= ?
         UNION
         SELECT c.seq, c.hlc, c.table_name, c.row_id FROM sync_rejections r JOIN change_log c ON c.hlc = r.hlc
         WHERE r.code = 'clock-ahead' AND r.resolved_at IS NULL AND r.hlc >= ?
         ORDER BY 1`,
      )
      .all(futurePrefix, futurePrefix) as { seq: number; hlc: string; table_name: string; row_id: string }[];
    if (future.length === 0) return 0;
    const held = store.prepare('SELECT max(hlc) AS h FROM field_clocks WHERE hlc < ?').get(futurePrefix) as { h: string | null };
    const logged = store.prepare('SELECT max(hlc) AS h FROM change_log WHERE hlc < ?').get(futurePrefix) as { h: string | null };
    const known = ownKnown(store);
    const floor = maxOf(held.h, logged.h, known !== null && known < futurePrefix ? known : null, store.getMeta(REMOTE_HLC_META), formatHlc({ millis: serverNowMs, counter: 0, node: store.nodeId }));
    store.clock.reset(floor!);
    const moveLog = store.prepare('UPDATE change_log SET hlc = ?, pushed_at = NULL WHERE seq = ?');
    // by the row's key (field_clocks has no index on hlc)
    const moveClocks = store.prepare('UPDATE field_clocks SET hlc = ? WHERE table_name = ? AND row_id = ? AND hlc = ?');
    const dropRefusal = store.prepare("DELETE FROM sync_rejections WHERE hlc = ? AND code = 'clock-ahead'");
    for (const c of future) {
      // The store's clock follows the server's time once the drift is measured (store.noteClockSkew).
      const stamp = store.clock.tick();
      moveLog.run(stamp, c.seq);
      moveClocks.run(stamp, c.table_name, c.row_id, c.hlc);
      dropRefusal.run(c.hlc);
    }
    store.setMeta('hlc', store.clock.current());
    return future.length;
  });
}
