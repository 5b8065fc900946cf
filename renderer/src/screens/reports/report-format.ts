/** How the report's numbers and months read on screen (issue 15): counts as they are, fen as 元, shares as 92.5%; null as —. */
import { cellText, monthText } from '../../../../shared/reports/format';
import type { ReportTable, ReportUnit } from '../../../../shared/reports/monthly-report';
import { todayText } from '../../lib/dates';

/** A cell as the page shows it: the print's and the export's reading, money with its unit. */
export function formatCell(column: { unit: ReportUnit }, v: number | null | undefined): string {
  const text = cellText(column, v);
  return column.unit === 'fen' && v != null ? `${text} 元` : text;
}

/** 2026-02 → 2026年2月; the current month, when named, reads as counted so far. */
export function monthLabel(month: string, current?: string): string {
  return month === current ? `${monthText(month)}（本月截至今日）` : monthText(month);
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

/** A share that may have nothing to measure. */
export function shareText(v: number | null | undefined): string {
  return v == null ? '无应统计事项' : cellText({ unit: 'bp' }, v);
}

/** What a row key's dimension is called (community:…, group:…), for tables that group their rows more than one way. */
const DIMENSIONS: Record<string, string> = { community: '社区', group: '群体', category: '类别', grade: '分级', source: '来源' };

export function rowDimension(key: string): string | undefined {
  return key.includes(':') ? DIMENSIONS[key.slice(0, key.indexOf(':'))] : undefined;
}

/** Whether a table's rows are grouped more than one way (by community and by group, say): then each row says which. */
export function groupedSeveralWays(table: Pick<ReportTable, 'rows'>): boolean {
  return new Set(table.rows.map((r) => rowDimension(r.key) ?? '')).size > 1;
}
