/** The object the Electron preload exposes as `window.doudi` (contextBridge). */
import type { Envelope } from '../../../shared/api/contract';
import type { ShellPrintEnvelope, ShellPrintRequest } from '../../../shared/print/request';

export interface DoudiInvokeRequest {
  procedure: string;
  input: unknown;
  token: string | null;
}

export interface DoudiBridge {
  invoke(request: DoudiInvokeRequest): Promise<Envelope<unknown>>;
  /** The backend's events (shared/api/events.ts; the receiver checks their shape). */
  onBackendEvent?(callback: (event: unknown) => void): () => void;
  /** Electron only (absent in older shells and in browser mode). */
  print?(request: ShellPrintRequest): Promise<ShellPrintEnvelope>;
  printSession?(): Promise<string | null>;
}

declare global {
  interface Window {
    doudi?: DoudiBridge;
  }
}

export function getBridge(): DoudiBridge | undefined {
  return typeof window !== 'undefined' ? window.doudi : undefined;
}
