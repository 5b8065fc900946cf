/**
 * Which automatic backups to keep: the newest of each of the last 14 days that have one, of the
 * last 8 ISO weeks and of the last 12 months (Shanghai calendar), like a grandfather-father-son
 * rotation. Pure: the caller deletes what is not kept. Manual and pre-restore backups are never
 * pruned (the admin made them on purpose).
 */
import { shanghaiDate } from '../../../../shared/time/shanghai';

export const RETENTION = { daily: 14, weekly: 8, monthly: 12 } as const;

/** ISO week of a calendar date `YYYY-MM-DD`, as `YYYY-Www` (the week's Thursday gives the year). */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(d.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export interface Dated {
  file: string;
  createdAt: string;
}

/** The files to keep among automatic backups, newest of each bucket, for the most recent buckets. */
export function backupsToKeep(backups: readonly Dated[], rule: { daily: number; weekly: number; monthly: number } = RETENTION): Set<string> {
  const newestFirst = [...backups].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  const keep = new Set<string>();
  const buckets: [(day: string) => string, number][] = [
    [(day) => day, rule.daily],
    [isoWeek, rule.weekly],
    [(day) => day.slice(0, 7), rule.monthly],
  ];
  for (const [bucketOf, count] of buckets) {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      const bucket = bucketOf(shanghaiDate(new Date(b.createdAt)));
      if (seen.has(bucket)) continue;
      if (seen.size >= count) break;
      seen.add(bucket);
      keep.add(b.file);
    }
  }
  return keep;
}
