/** The object the Electron preload exposes as `window.doudi` (contextBridge). */
import type { Envelope } from '../../../shared/api/contract';

export interface DoudiInvokeRequest {
  procedure: string;
  input: unknown;
  token: string | null;
}

export interface DoudiBridge {
  invoke(request: DoudiInvokeRequest): Promise<Envelope<unknown>>;
}

declare global {
  interface Window {
    doudi?: DoudiBridge;
  }
}

export function getBridge(): DoudiBridge | undefined {
  return typeof window !== 'undefined' ? window.doudi : undefined;
}
