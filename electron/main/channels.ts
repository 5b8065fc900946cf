/** IPC channel names shared by the main process and the preload. */
export const API_CHANNEL = 'doudi:api';
export const MENU_CHANNEL = 'doudi:menu';
/** Backend events (shared/api/events.ts) relayed from the backend host to the windows. */
export const EVENT_CHANNEL = 'doudi:event';
/** Print a print route (dialog, silent or PDF); and a print window asking for its session. */
export const PRINT_CHANNEL = 'doudi:print';
export const PRINT_SESSION_CHANNEL = 'doudi:print-session';

/** Commands the menu sends to the renderer (shared with it: shared/api/bridge.ts). */
export type { MenuCommand } from '../../shared/api/bridge';
