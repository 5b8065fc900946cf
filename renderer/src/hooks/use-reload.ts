/**
 * 刷新数据 (the menu's F5): every screen's data loads again, quietly as a live refresh does (every
 * useLiveRefresh listens), so that scroll, selection and unsaved form input stay.
 */
import { useEffect, useRef } from 'react';

const listeners = new Set<() => void>();

export function requestReload(): void {
  for (const l of [...listeners]) l();
}

/** Calls `reload` on each requestReload() while mounted and enabled. */
export function useReloadRequests(reload: () => void, enabled = true): void {
  const ref = useRef(reload);
  ref.current = reload;
  useEffect(() => {
    if (!enabled) return;
    const l = () => ref.current();
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, [enabled]);
}
