/** The shape of `window.doudi`, the one object the preload exposes (types only). */
import type { Envelope } from '../../shared/api/contract';

export interface DoudiInvokeRequest {
  procedure: string;
  input: unknown;
  token: string | null;
}

export interface DoudiBridge {
  invoke(request: DoudiInvokeRequest): Promise<Envelope<unknown>>;
  /** process.platform of the office PC: 'win32', 'linux', ... */
  platform: string;
  /** Subscribes to menu commands ('navigate:/households', 'reload', ...); returns the unsubscribe. */
  onMenuCommand(callback: (command: string) => void): () => void;
}
