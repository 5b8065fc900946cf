/**
 * The district's side-by-side view of the streets' submitted monthly reports (issue 15): for each
 * table, one line per street (its table's total row) and the district's total. Counts and fen are
 * summed; a share is recomputed from the summed columns it names (`ratioOf`), never summed or
 * averaged; a share that names none has no district figure. Pure: the backend passes the reports.
 */
import type { MonthlyReport, ReportColumn, ReportTable, StreetMeasures } from './monthly-report';

type Cells = Record<string, number | null>;

export interface ComparedStreet {
  street: { code: string; name: string };
  /** The latest submitted version (null: 未报送). */
  submission: { id: string; version: number; submittedAt: string; submittedByName: string; reason: string | null } | null;
  measures: StreetMeasures | null;
}

export interface ComparedTable {
  key: string;
  title: string;
  definition: string;
  columns: ReportColumn[];
  /** Street code → that street's totals (null: not submitted, or its report lacks the table). */
  byStreet: Record<string, Cells | null>;
  district: Cells;
}

export interface ReportComparison {
  month: string;
  streets: ComparedStreet[];
  tables: ComparedTable[];
}

/** A share in basis points, rounded half up; null when the denominator is 0. */
export function shareBp(num: number, den: number): number | null {
  return den > 0 ? Math.floor((num * 10000) / den + 0.5) : null;
}

/** A table's total row: its own `total`, else its rows summed (shares recomputed). */
export function tableTotals(t: ReportTable): Cells {
  if (t.total) return t.total.cells;
  return sumCells(t.columns, t.rows.map((r) => r.cells));
}

/** Sums count and fen columns over several rows; recomputes each share from its ratioOf columns. */
export function sumCells(columns: ReportColumn[], rows: Cells[]): Cells {
  const out: Cells = {};
  for (const c of columns) {
    if (c.unit === 'bp') continue;
    const values = rows.map((r) => r[c.key]).filter((v): v is number => typeof v === 'number');
    out[c.key] = values.length > 0 ? values.reduce((a, b) => a + b, 0) : null;
  }
  for (const c of columns) {
    if (c.unit !== 'bp') continue;
    const num = c.ratioOf ? out[c.ratioOf.num] : null;
    const den = c.ratioOf ? out[c.ratioOf.den] : null;
    out[c.key] = typeof num === 'number' && typeof den === 'number' ? shareBp(num, den) : null;
  }
  return out;
}

/**
 * Compares the streets' reports table by table, in the order the tables first appear; a column
 * only some reports have (a later layout) is kept, with null for the others.
 */
export function compareReports(month: string, streets: { compared: ComparedStreet; report: MonthlyReport | null }[]): ReportComparison {
  const order: string[] = [];
  const meta = new Map<string, { title: string; definition: string; columns: ReportColumn[] }>();
  for (const { report } of streets) {
    for (const t of report?.tables ?? []) {
      const m = meta.get(t.key);
      if (!m) {
        order.push(t.key);
        meta.set(t.key, { title: t.title, definition: t.definition, columns: [...t.columns] });
      } else {
        for (const c of t.columns) if (!m.columns.some((x) => x.key === c.key)) m.columns.push(c);
      }
    }
  }
  const tables = order.map((key): ComparedTable => {
    const m = meta.get(key)!;
    const byStreet: Record<string, Cells | null> = {};
    const present: Cells[] = [];
    for (const { compared, report } of streets) {
      const t = report?.tables.find((x) => x.key === key);
      const cells = t ? tableTotals(t) : null;
      byStreet[compared.street.code] = cells;
      if (cells) present.push(cells);
    }
    return { key, title: m.title, definition: m.definition, columns: m.columns, byStreet, district: sumCells(m.columns, present) };
  });
  return { month, streets: streets.map((s) => s.compared), tables };
}
