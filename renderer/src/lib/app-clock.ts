/**
 * The window's "now" follows the backend's clock (the app's one clock, injected in tests), and its
 * "today" is the Shanghai calendar day of it, whatever the browser's or the PC's time zone.
 * The offset is learned at start and refreshed now and then; until then it is the browser's time.
 */
import { shanghaiDate, shanghaiMinute } from '../../../shared/time/shanghai';
import { addDays } from '../../../shared/time/calendar-days';

export interface AppClock {
  now(): Date;
  /** Today in Shanghai, YYYY-MM-DD. */
  today(): string;
  /** Today plus n days. */
  daysFromToday(n: number): string;
  /** An instant shown as Shanghai wall time, 'YYYY-MM-DD HH:mm'. */
  format(instant: string | null | undefined): string;
  /** Asks the backend for its time and keeps the difference to this window's. */
  sync(): Promise<void>;
}

export function createAppClock(backendNow: () => Promise<string>, wallMs: () => number = () => Date.now()): AppClock {
  let offsetMs = 0;
  const now = () => new Date(wallMs() + offsetMs);
  return {
    now,
    today: () => shanghaiDate(now()),
    daysFromToday: (n) => addDays(shanghaiDate(now()), n),
    format: (instant) => (instant ? shanghaiMinute(instant) : ''),
    async sync() {
      const before = wallMs();
      const at = Date.parse(await backendNow());
      const after = wallMs();
      if (Number.isFinite(at)) offsetMs = at - (before + after) / 2;
    },
  };
}
