/** How the report's numbers and months read on screen (issue 15): counts as they are, fen as 元, shares as 92.5%; null as —. */
import type { ReportTable, ReportUnit } from '../../../../shared/reports/monthly-report';
import { formatFen } from '../../lib/money';
import { todayText } from '../../lib/dates';

export function formatCell(column: { unit: ReportUnit }, v: number | null | undefined): string {
  if (v == null) return '—';
  if (column.unit === 'fen') return formatFen(v);
  if (column.unit === 'bp') return `${(v / 100).toFixed(1)}%`;
  return v.toLocaleString('zh-CN');
}

/** 2026-02 → 2026年2月; the current month, when named, reads as counted so far. */
export function monthLabel(month: string, current?: string): string {
  const [y, m] = month.split('-');
  return month === current ? `${y}年${Number(m)}月（本月截至今日）` : `${y}年${Number(m)}月`;
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
  return v == null ? '无应统计事项' : `${(v / 100).toFixed(1)}%`;
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
