/** IPC channel names shared by the main process and the preload. */
export const API_CHANNEL = 'doudi:api';
export const MENU_CHANNEL = 'doudi:menu';

/** Commands the menu sends to the renderer, e.g. 'navigate:/households' or 'reload'. */
export type MenuCommand = `navigate:${string}` | 'reload' | 'about';
