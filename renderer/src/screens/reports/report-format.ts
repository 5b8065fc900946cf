/** How the report's numbers read (issue 15): counts as they are, fen as 元, shares as 92.5%; null as —. */
import { percentText } from '../../../../shared/reports/lagging';
import type { ReportUnit } from '../../../../shared/reports/monthly-report';
import { formatFenNumber } from '../../lib/money';
import { todayText } from '../../lib/dates';

export function formatCell(unit: ReportUnit, v: number | null | undefined): string {
  if (v == null) return '—';
  if (unit === 'fen') return formatFenNumber(v);
  if (unit === 'bp') return percentText(v);
  return String(v);
}

/** A share that may have nothing to measure. */
export function shareText(v: number | null | undefined): string {
  return v == null ? '无应统计事项' : percentText(v);
}

/** 2026-02 → 2026年2月 */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** The last complete month by the app's clock: what a street submits and the district compares by default. */
export function lastCompleteMonth(): string {
  const [y, m] = todayText().split('-').map(Number) as [number, number];
  const prev = m === 1 ? { y: y - 1, m: 12 } : { y, m: m - 1 };
  return `${prev.y}-${String(prev.m).padStart(2, '0')}`;
}

export function validMonth(m: string | null): m is string {
  return !!m && /^\d{4}-(0[1-9]|1[0-2])$/.test(m);
}
