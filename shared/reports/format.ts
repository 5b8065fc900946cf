/**
 * How a report's figures read, one rule for the print, the page and the charts: counts as integers,
 * money (fen) in 元 with two decimals, shares (basis points) as percentages with one decimal, and a
 * figure that does not apply as “—”. The month's title names the street, the month and the instant.
 */
import { shanghaiMinute } from '../time/shanghai';
import type { MonthlyReport, ReportColumn, ReportTable } from './monthly-report';

export const NOT_APPLICABLE = '—';

function grouped(n: number): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A share in basis points as a percentage, the one rule for every share the app prints: a table's
 * column keeps one decimal so its figures line up (90.0%); a sentence writes it as people do, with
 * no trailing zeros (90%, 92.5%, 92.35%).
 */
export function percentText(bp: number, form: 'column' | 'sentence' = 'sentence'): string {
  if (form === 'column') return `${(bp / 100).toFixed(1)}%`;
  return `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

export function cellText(column: Pick<ReportColumn, 'unit'>, value: number | null | undefined): string {
  if (value === null || value === undefined) return NOT_APPLICABLE;
  if (column.unit === 'fen') {
    const abs = Math.abs(value);
    return `${value < 0 ? '-' : ''}${grouped(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
  }
  if (column.unit === 'bp') return percentText(value, 'column');
  return grouped(value);
}

/** A column's header with its unit where the figures do not say it (money in 元). */
export function columnHeader(column: Pick<ReportColumn, 'label' | 'unit'>): string {
  return column.unit === 'fen' && !column.label.includes('元') ? `${column.label}（元）` : column.label;
}

/** 2026-11 → 2026年11月 */
export function monthText(month: string): string {
  const [y, m] = month.split('-');
  return `${y}年${Number(m)}月`;
}

/** 张贵庄街道 2026年11月 调度报表（截至 2026-12-01 09:30）; the current month says 本月至今. */
export function reportTitle(report: Pick<MonthlyReport, 'street' | 'month' | 'asOf' | 'complete'>): string {
  return `${report.street.name} ${monthText(report.month)} 调度报表（${report.complete ? '' : '本月至今，'}截至 ${shanghaiMinute(report.asOf)}）`;
}

/** The table's rows, then its total (when it has one). */
export function tableRows(table: ReportTable): ReportTable['rows'] {
  return table.total ? [...table.rows, table.total] : table.rows;
}
