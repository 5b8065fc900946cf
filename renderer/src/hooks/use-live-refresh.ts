/**
 * Calls `refresh` when the backend reports committed changes (a local write elsewhere, an applied
 * sync page) in the areas a screen shows, at most once per LIVE_REFRESH_MS (changes come in bursts);
 * and at once on 刷新数据 (the menu's F5, use-reload.ts), whatever `live` says.
 */
import { useEffect, useRef } from 'react';
import type { Area, BackendEvent } from '../../../shared/api/events';
import { useBackendEvent } from './use-backend-events';
import { useReloadRequests } from './use-reload';

/**
 * true: a change in any area but 'audit' (reads may write an audit event, e.g. a revealed ID number:
 * a screen refreshed by its own audit would never stop); a list of areas: changes in those; false: none.
 */
export type Live = boolean | readonly Area[];

export const LIVE_REFRESH_MS = 500;

export function concerns(live: Live, event: BackendEvent): boolean {
  if (event.type !== 'changed' || live === false) return false;
  // A change naming no table: the event stream was down; anything may be stale.
  if (event.tables.length === 0) return true;
  return event.areas.some((a) => (live === true ? a !== 'audit' : live.includes(a)));
}

export function useLiveRefresh(refresh: () => void, live: Live = true, enabled = true): void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  useBackendEvent((event) => {
    if (!concerns(live, event) || timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      refreshRef.current();
    }, LIVE_REFRESH_MS);
  }, enabled && live !== false);
  useReloadRequests(() => refreshRef.current(), enabled);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
}
