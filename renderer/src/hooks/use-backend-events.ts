/** Listens to the backend's events while the component is mounted (the latest listener is called). */
import { useEffect, useRef } from 'react';
import type { BackendEvent } from '../../../shared/api/events';
import { backendEvents } from '../api/client';

export function useBackendEvent(listener: (event: BackendEvent) => void, enabled = true): void {
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => {
    if (!enabled) return;
    return backendEvents.subscribe((e) => ref.current(e));
  }, [enabled]);
}
