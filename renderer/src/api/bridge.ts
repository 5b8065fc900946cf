/** The object the Electron preload exposes as `window.doudi` (its type: shared/api/bridge.ts); absent in browser mode. */
import type { DoudiBridge } from '../../../shared/api/bridge';

export type { DoudiBridge, DoudiInvokeRequest } from '../../../shared/api/bridge';

declare global {
  interface Window {
    doudi?: DoudiBridge;
  }
}

export function getBridge(): DoudiBridge | undefined {
  return typeof window !== 'undefined' ? window.doudi : undefined;
}
