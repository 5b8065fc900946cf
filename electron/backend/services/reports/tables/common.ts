/** What every table builder needs: the month's instants, column makers and shares. */
import type { ReportColumn, ReportRow } from '../../../../../shared/reports/monthly-report';
import { endOfShanghaiDay } from '../../../../../shared/time/calendar-days';
import type { Store } from '../../../store/store';
import type { ReportMonth } from '../monthly';

export interface MonthInstants {
  /** The month's first instant, 00:00 Shanghai (ISO UTC). */
  fromIso: string;
  /** The instant counted up to: the month's end, or now for the current month (ISO UTC). */
  cutoffIso: string;
  /** The day whose state is read (the month's last day, or today). */
  onDate: string;
}

export function monthInstants(store: Store, m: ReportMonth): MonthInstants {
  return {
    fromIso: new Date(Date.parse(`${m.from}T00:00:00+08:00`)).toISOString(),
    cutoffIso: m.complete ? endOfShanghaiDay(m.until) : store.nowIso(),
    onDate: m.until,
  };
}

export const count = (key: string, label: string): ReportColumn => ({ key, label, unit: 'count' });
export const fen = (key: string, label: string): ReportColumn => ({ key, label, unit: 'fen' });
export const share = (key: string, label: string, num: string, den: string): ReportColumn => ({ key, label, unit: 'bp', ratioOf: { num, den } });

/** A share in basis points, rounded; null when there is nothing to divide. */
export function bp(num: number, den: number): number | null {
  return den === 0 ? null : Math.round((num * 10000) / den);
}

/** Fills each 'bp' column of a row from the counts it names. */
export function withShares(columns: ReportColumn[], row: ReportRow): ReportRow {
  for (const c of columns) if (c.ratioOf) row.cells[c.key] = bp(row.cells[c.ratioOf.num] ?? 0, row.cells[c.ratioOf.den] ?? 0);
  return row;
}

/** A row of counts, zero where nothing was added; shares filled from them. */
export function tally(columns: ReportColumn[], key: string, label: string): ReportRow {
  return { key, label, cells: Object.fromEntries(columns.filter((c) => !c.ratioOf).map((c) => [c.key, 0])) };
}

export function add(row: ReportRow, col: string, n = 1): void {
  row.cells[col] = (row.cells[col] ?? 0) + n;
}

/** The total row: counts summed over the given rows, shares recomputed from the sums. */
export function totalOf(columns: ReportColumn[], rows: ReportRow[], label = '合计'): ReportRow {
  const t = tally(columns, 'total', label);
  for (const r of rows) for (const c of columns) if (!c.ratioOf) add(t, c.key, r.cells[c.key] ?? 0);
  return withShares(columns, t);
}
