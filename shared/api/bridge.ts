/**
 * The one object the Electron preload exposes to the page as `doudi` (contextBridge), typed once for the
 * preload that builds it and the renderer that uses it; browser mode has none. Also the commands
 * the Electron menu sends to the window over it.
 */
import type { Envelope } from './contract';
import type { ShellPrintEnvelope, ShellPrintRequest } from '../print/request';

export interface DoudiInvokeRequest {
  procedure: string;
  input: unknown;
  token: string | null;
}

/** Commands the menu sends to the window: a route to open (its hash path) or a refresh of the data. */
export type MenuCommand = `navigate:${string}` | 'reload' | 'about';

/** The commands the menu sends, by what they do (electron/main/menu.ts; the renderer runs them). */
export const MENU_COMMANDS = {
  households: 'navigate:/households',
  newHousehold: 'navigate:/households/new',
  reload: 'reload',
} as const satisfies Record<string, MenuCommand>;

export interface DoudiBridge {
  invoke(request: DoudiInvokeRequest): Promise<Envelope<unknown>>;
  /** process.platform of the office PC: 'win32', 'linux', ... */
  platform: string;
  /** Subscribes to menu commands (MenuCommand; the receiver checks them); returns the unsubscribe. */
  onMenuCommand(callback: (command: string) => void): () => void;
  /** Subscribes to the backend's events (shared/api/events.ts, checked by the receiver); returns the unsubscribe. */
  onBackendEvent(callback: (event: unknown) => void): () => void;
  /** Prints a print route through the shell: printer dialog, silently, or to a PDF file. */
  print(request: ShellPrintRequest): Promise<ShellPrintEnvelope>;
  /** In a hidden print window: the session it may read the document with; elsewhere null. */
  printSession(): Promise<string | null>;
}

/** The keys of the bridge object, as the preload exposes them (sorted). */
export const BRIDGE_KEYS = ['invoke', 'onBackendEvent', 'onMenuCommand', 'platform', 'print', 'printSession'] as const satisfies readonly (keyof DoudiBridge)[];
