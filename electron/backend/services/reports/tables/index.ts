/**
 * The monthly report's table builders (one module per table) and the plan's measures read from
 * them: each measure from the one table that counts it, so a figure and its measure never differ.
 */
import type { MonthlyTableKey, ReportTable } from '../../../../../shared/reports/monthly-report';
import type { MeasuresReader, TableBuilders } from '../monthly';
import { bp } from './common';
import { careTable } from './care';
import { entitlementsTable } from './entitlements';
import { ledgerTable } from './ledger';
import { leftBehindTable } from './left-behind';
import { problemsTable } from './problems';
import { programmesTable } from './programmes';
import { screeningTable } from './screening';
import { temporaryTable } from './temporary';

export const MONTHLY_BUILDERS: TableBuilders = {
  screening: screeningTable,
  problems: problemsTable,
  ledger: ledgerTable,
  temporary: temporaryTable,
  programmes: programmesTable,
  entitlements: entitlementsTable,
  care: careTable,
  'left-behind': leftBehindTable,
};

/** The tables the measures are read from: the trend builds only these (trend.ts). */
export const MEASURE_TABLES = ['screening', 'ledger', 'temporary', 'care'] as const satisfies readonly MonthlyTableKey[];
type MeasureTable = (typeof MEASURE_TABLES)[number];
export const MEASURE_BUILDERS: TableBuilders = Object.fromEntries(MEASURE_TABLES.map((k) => [k, MONTHLY_BUILDERS[k]]));

function totalCell(tables: ReportTable[], key: MeasureTable, col: string): number {
  return tables.find((t) => t.key === key)?.total?.cells[col] ?? 0;
}

export const readMeasures: MeasuresReader = (tables) => ({
  coverageBp: bp(totalCell(tables, 'screening', 'done'), totalCell(tables, 'screening', 'planned')),
  overdueItems: totalCell(tables, 'ledger', 'overdue'),
  urgentWithin24hBp: (() => {
    const urgent = tables.find((t) => t.key === ('temporary' satisfies MeasureTable))?.rows.find((r) => r.key === 'type:urgent');
    return urgent ? bp(urgent.cells.withinDeadline ?? 0, urgent.cells.timed ?? 0) : null;
  })(),
  careFourHasBp: bp(totalCell(tables, 'care', 'fourHaves'), totalCell(tables, 'care', 'persons')),
});
