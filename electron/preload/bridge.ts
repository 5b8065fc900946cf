/** The shape of `window.doudi`, the one object the preload exposes (types only). */
import type { Envelope } from '../../shared/api/contract';
import type { ShellPrintEnvelope, ShellPrintRequest } from '../../shared/print/request';

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
  /** Subscribes to the backend's events (shared/api/events.ts, checked by the receiver); returns the unsubscribe. */
  onBackendEvent(callback: (event: unknown) => void): () => void;
  /** Prints a print route through the shell: printer dialog, silently, or to a PDF file. */
  print(request: ShellPrintRequest): Promise<ShellPrintEnvelope>;
  /** In a hidden print window: the session it may read the document with; elsewhere null. */
  printSession(): Promise<string | null>;
}
