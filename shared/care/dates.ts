/** Calendar arithmetic on YYYY-MM-DD dates (no time zone: the dates are already Shanghai dates). */
function toUtc(d: string): number {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, day);
}

export function addDays(d: string, days: number): string {
  return new Date(toUtc(d) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}

/** Adds calendar months, clamping to the month's last day (2020-01-31 + 1 → 2020-02-29). */
export function addMonths(d: string, months: number): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return new Date(Date.UTC(ny, nm, Math.min(day, last))).toISOString().slice(0, 10);
}

/** 2020-06-12 → 2020年6月12日 */
export function zhDate(d: string | null | undefined): string {
  if (!d) return '';
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
}
