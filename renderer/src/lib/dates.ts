/** Dates shown as 2020-06-12; instants shown as Shanghai wall time; "today" by the app's clock. */
import { appClock } from '../api/clock';

export function todayText(): string {
  return appClock.today();
}

export function formatInstant(iso: string | null | undefined): string {
  return appClock.format(iso);
}
