/** How a report cell reads: counts as integers, money as `1,010.00 元`, shares as `98.5%`. */
import type { ReportColumn } from '../../../../shared/reports/monthly-report';
import { formatFen } from '../../lib/money';

export function formatCell(column: ReportColumn, value: number | null | undefined): string {
  if (value == null) return '—';
  if (column.unit === 'fen') return formatFen(value);
  if (column.unit === 'bp') return `${(value / 100).toFixed(1)}%`;
  return value.toLocaleString('zh-CN');
}

/** The current month, labelled as counted so far; past months by their number. */
export function monthLabel(month: string, current: string): string {
  const [y, m] = month.split('-');
  return month === current ? `${y}年${Number(m)}月（本月截至今日）` : `${y}年${Number(m)}月`;
}
