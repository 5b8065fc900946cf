/** Polls sync.status (every few seconds, and on demand) for the header indicator and the 同步 page. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncStatus } from '../../../../shared/sync/status';
import { api } from '../../api/client';

export const SYNC_STATUS_EVENT = 'doudi:sync-status-changed';

/** Tells every status view to refresh now (after 立即同步, enrollment or a repair). */
export function announceSyncChange(): void {
  window.dispatchEvent(new Event(SYNC_STATUS_EVENT));
}

export function useSyncStatus(intervalMs = 5000): { status: SyncStatus | undefined; error: unknown; reload: () => void } {
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
  useEffect(() => {
    live.current = true;
    reload();
    const t = setInterval(reload, intervalMs);
    window.addEventListener(SYNC_STATUS_EVENT, reload);
    return () => {
      live.current = false;
      clearInterval(t);
      window.removeEventListener(SYNC_STATUS_EVENT, reload);
    };
  }, [reload, intervalMs]);
  return { status, error, reload };
}
