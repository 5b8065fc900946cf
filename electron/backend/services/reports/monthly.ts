/**
 * Builds the monthly 调度 report of one street (issue 15) from the street's local data. Each table
 * is built by its own module (one concern each, `tables/*.ts`); this file only knows the month's
 * bounds, the order of the tables and how the plan's measures are read from them.
 */
import { MONTHLY_TABLE_KEYS, type MonthlyReport, type MonthlyTableKey, type ReportTable, type StreetMeasures } from '../../../../shared/reports/monthly-report';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Store } from '../../store/store';
import { sinceLastChange } from '../../store/since-last-change';
import { streetName } from '../registry/excel-cells';
import { MONTHLY_BUILDERS, readMeasures } from './tables';

/** The month being counted, in Asia/Shanghai days; `until` is today for the current month. */
export interface ReportMonth {
  streetCode: string;
  /** YYYY-MM */
  month: string;
  /** First day of the month, YYYY-MM-DD. */
  from: string;
  /** Last day counted, YYYY-MM-DD: the month's last day, or today for the current month. */
  until: string;
  /** The month has ended. */
  complete: boolean;
}

export type TableBuilder = (store: Store, m: ReportMonth) => ReportTable;

/** One builder per table key; a table whose builder is missing is simply not in the report yet. */
export type TableBuilders = Partial<Record<MonthlyTableKey, TableBuilder>>;

/** Reads the plan's measures from the built tables (each measure from the one table that counts it). */
export type MeasuresReader = (tables: ReportTable[], store: Store, m: ReportMonth) => StreetMeasures;

export function reportMonth(streetCode: string, month: string, now: Date): ReportMonth {
  const today = shanghaiDate(now);
  const [y, mm] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, mm, 0)).getUTCDate();
  const from = `${month}-01`;
  const end = `${month}-${String(last).padStart(2, '0')}`;
  const complete = today > end;
  return { streetCode, month, from, until: complete ? end : today, complete };
}

/**
 * Tables of the current month that count up to the present instant (monthInstants' cutoff: ledger
 * deadlines in hours, temporary assistance's deadlines): kept for that instant only. The others
 * read days and are kept for the day, until a table they read changes (sinceLastChange).
 */
const COUNTS_TO_THE_INSTANT: ReadonlySet<MonthlyTableKey> = new Set(['ledger', 'problems', 'temporary']);

/** One table, kept until a table it read changes (only the standard builders: same function, same table). */
function keptTable(store: Store, key: MonthlyTableKey, build: TableBuilder, m: ReportMonth): ReportTable {
  if (build !== MONTHLY_BUILDERS[key]) return build(store, m);
  const instant = !m.complete && COUNTS_TO_THE_INSTANT.has(key) ? store.nowIso() : '';
  return sinceLastChange(store, `report|${key}|${m.streetCode}|${m.from}|${m.until}|${instant}`, () => build(store, m));
}

export function buildMonthlyReport(store: Store, input: { streetCode: string; month: string }, builders: TableBuilders = MONTHLY_BUILDERS): MonthlyReport {
  const now = store.nowDate();
  const m = reportMonth(input.streetCode, input.month, now);
  const tables = MONTHLY_TABLE_KEYS.flatMap((key) => {
    const build = builders[key];
    return build ? [keptTable(store, key, build, m)] : [];
  });
  return {
    kind: 'monthly-dispatch',
    version: 1,
    street: { code: input.streetCode, name: streetName(store, input.streetCode) },
    month: input.month,
    asOf: now.toISOString(),
    complete: m.complete,
    tables,
    measures: readMeasures(tables, store, m),
  };
}
