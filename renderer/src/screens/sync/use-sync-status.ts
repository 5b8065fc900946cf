/**
 * The sync status for the header indicator and the 同步 page: read once, then kept current by the
 * backend's `sync` events (a run starting or ending, each applied page, each local write); read again
 * on demand and after the event stream comes back.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncStatus } from '../../../../shared/sync/status';
import { api } from '../../api/client';
import { useBackendEvent } from '../../hooks/use-backend-events';

export const SYNC_STATUS_EVENT = 'doudi:sync-status-changed';

/** Tells every status view to refresh now (after 立即同步, enrollment or a repair). */
export function announceSyncChange(): void {
  window.dispatchEvent(new Event(SYNC_STATUS_EVENT));
}

export function useSyncStatus(): { status: SyncStatus | undefined; error: unknown; reload: () => void } {
  const [status, setStatus] = useState<SyncStatus | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const live = useRef(true);
  const reload = useCallback(() => {
    api
      .call('sync.status', {})
      .then((s) => {
        if (!live.current) return;
        setStatus(s);
        setError(undefined);
      })
      .catch((e: unknown) => live.current && setError(e));
  }, []);
  useBackendEvent((event) => {
    if (event.type === 'sync') {
      setStatus(event.status);
      setError(undefined);
    } else if (event.type === 'changed' && event.tables.length === 0) reload(); // the stream was down
  });
  useEffect(() => {
    live.current = true;
    reload();
    window.addEventListener(SYNC_STATUS_EVENT, reload);
    return () => {
      live.current = false;
      window.removeEventListener(SYNC_STATUS_EVENT, reload);
    };
  }, [reload]);
  return { status, error, reload };
}
