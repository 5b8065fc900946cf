/** The window's one clock, following the backend's (see lib/app-clock.ts). */
import { createAppClock } from '../lib/app-clock';
import { api } from './client';

export const appClock = createAppClock(async () => (await api.call('app.clock', {})).now);

/** How often the window re-reads the backend's clock (a test may move it; a PC's clock may be set). */
export const APP_CLOCK_REFRESH_MS = 5 * 60_000;
