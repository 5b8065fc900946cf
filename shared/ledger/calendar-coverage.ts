/**
 * Whether the holiday calendar covers the days ahead: a year is covered once any of its days is
 * entered (every year's 放假安排 has 元旦). Working-day deadlines in an uncovered year would count
 * its holidays as working days, so the screens warn ahead of time.
 */
import { addDays } from '../time/calendar-days';
import type { HolidayCalendar } from './deadlines';

/** How far ahead the 政策参数 screen looks for a year without a 放假安排. */
export const CALENDAR_LOOKAHEAD_DAYS = 90;

export function uncoveredYears(cal: HolidayCalendar, today: string, days = CALENDAR_LOOKAHEAD_DAYS): number[] {
  const entered = new Set([...cal.holidays, ...cal.workdays].map((d) => Number(d.slice(0, 4))));
  const from = Number(today.slice(0, 4));
  const to = Number(addDays(today, days).slice(0, 4));
  const out: number[] = [];
  for (let y = from; y <= to; y++) if (!entered.has(y)) out.push(y);
  return out;
}

/** The warning shown when years ahead have no 放假安排, or null. */
export function calendarWarning(cal: HolidayCalendar, today: string): string | null {
  const years = uncoveredYears(cal, today);
  if (years.length === 0) return null;
  return (
    `节假日安排未录入${years.map((y) => `${y}年`).join('、')}：未来${CALENDAR_LOOKAHEAD_DAYS}天内的工作日时限会把节假日算作工作日。` +
    '请按国务院办公厅当年的节假日安排通知，在“走访排查 › 排查频次与时限”中补录。'
  );
}
