/** Calendar arithmetic on 'YYYY-MM-DD' dates (no time zone: a date is a Shanghai calendar day). */

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + n);
  return fromUtc(d);
}

/** Adds calendar months, clamping to the month's last day (01-31 + 1 month = 02-28/29). */
export function addMonths(date: string, n: number): string {
  const [y, m, day] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, last));
  return fromUtc(first);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const w = toUtc(date).getUTCDay();
  return w === 0 ? 7 : w;
}

export function isWeekend(date: string): boolean {
  return isoWeekday(date) >= 6;
}

/** Monday of the ISO week containing the date. */
export function weekStart(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function monthEnd(date: string): string {
  return addDays(addMonths(monthStart(date), 1), -1);
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);
}

export type PeriodKind = 'day' | 'week' | 'month';

/** The calendar period of a kind containing the date: [start, end], both inclusive. */
export function periodOf(kind: PeriodKind, date: string): { start: string; end: string } {
  if (kind === 'day') return { start: date, end: date };
  if (kind === 'week') {
    const start = weekStart(date);
    return { start, end: addDays(start, 6) };
  }
  return { start: monthStart(date), end: monthEnd(date) };
}

/** The instant (ISO UTC) a Shanghai calendar day ends: 23:59:59.999 +08:00. */
export function endOfShanghaiDay(date: string): string {
  return new Date(Date.parse(`${date}T23:59:59.999+08:00`)).toISOString();
}
