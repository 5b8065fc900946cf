/** The retention rule over a year of daily backups (dates from an injected clock, Shanghai calendar). */
import { describe, expect, test } from 'vitest';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import { backupsToKeep, isoWeek, RETENTION } from './retention';

const DAY = 86_400_000;
/** The injected clock's start: 2026-01-01 02:30 in Shanghai. */
const START = Date.parse('2025-12-31T18:30:00Z');

/** Runs a year of days: each day one automatic backup, then the rule prunes; returns what is left. */
function simulate(days: number, skip: (day: number) => boolean = () => false): { kept: string[]; today: Date } {
  let kept: { file: string; createdAt: string }[] = [];
  let today = new Date(START);
  for (let d = 0; d < days; d++) {
    today = new Date(START + d * DAY);
    if (skip(d)) continue;
    kept.push({ file: `b-${d}`, createdAt: today.toISOString() });
    const keep = backupsToKeep(kept);
    kept = kept.filter((b) => keep.has(b.file));
  }
  return { kept: kept.map((b) => b.createdAt), today };
}

describe('retention: 14 daily + 8 weekly + 12 monthly', () => {
  test('after a year of daily backups: the last 14 days, one per each of the last 8 weeks and 12 months', () => {
    const { kept, today } = simulate(366);
    const days = kept.map((at) => shanghaiDate(new Date(at)));
    // the last 14 days, every one
    for (let i = 0; i < RETENTION.daily; i++) expect(days).toContain(shanghaiDate(new Date(today.getTime() - i * DAY)));
    // one of each of the last 8 ISO weeks
    expect(new Set(days.map(isoWeek)).size).toBeGreaterThanOrEqual(RETENTION.weekly);
    // one of each of the last 12 months, the newest of its month (the month's last day, but this one)
    const months = [...new Set(days.map((d) => d.slice(0, 7)))].sort();
    expect(months.length).toBe(RETENTION.monthly);
    expect(months.at(-1)).toBe(shanghaiDate(today).slice(0, 7));
    for (const m of months.slice(0, -1)) {
      const last = days.filter((d) => d.startsWith(m)).sort().at(-1)!;
      expect(Number(last.slice(8))).toBeGreaterThanOrEqual(28);
    }
    // and nothing more: at most 14 + 8 + 12; fewer, since the 14 days hold the newest of 3 weeks
    // and of the month (and the weeks' of 1–2 months): 14 + 5 + 10 here
    expect(kept.length).toBeLessThanOrEqual(RETENTION.daily + RETENTION.weekly + RETENTION.monthly);
    expect(kept.length).toBe(29);
    // the weeks before the 14 days: one backup each, the newest (a Sunday)
    const olderWeeks = days.filter((d) => d < days.slice(-14)[0]! && d >= shanghaiDate(new Date(today.getTime() - 8 * 7 * DAY)));
    for (const d of olderWeeks) expect([0, 1].includes(new Date(`${d}T00:00:00Z`).getUTCDay()) || Number(d.slice(8)) >= 28).toBe(true);
  });

  test('days without a backup (holidays, the PC off) do not shorten what is kept: the newest 14 backups stay', () => {
    const { kept } = simulate(200, (d) => d % 7 === 5 || d % 7 === 6);
    const sorted = [...kept].sort();
    // the 14 newest backup days are all kept though they span almost three weeks
    expect(sorted.length).toBeGreaterThanOrEqual(14);
    const spanDays = (Date.parse(sorted.at(-1)!) - Date.parse(sorted.at(-14)!)) / DAY;
    expect(spanDays).toBeGreaterThan(14);
  });

  test('two backups on one day: the newer is the day\'s; the Shanghai day decides, not UTC', () => {
    const early = { file: 'early', createdAt: '2026-03-01T16:30:00Z' }; // 2026-03-02 00:30 Shanghai
    const late = { file: 'late', createdAt: '2026-03-02T09:00:00Z' }; // 2026-03-02 17:00 Shanghai
    const before = { file: 'before', createdAt: '2026-03-01T15:30:00Z' }; // 2026-03-01 23:30 Shanghai
    const keep = backupsToKeep([early, late, before]);
    expect([...keep].sort()).toEqual(['before', 'late']);
  });

  test('ISO weeks: the Thursday decides the year', () => {
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
  });
});
