/**
 * Column specifications of the synced tables as the sync layer sees them, and the value check the
 * server applies to every pushed field (the catalog itself: catalog.ts).
 */
import { dateProblem, instantProblem, jsonTextProblem, monthProblem, textProblem } from '../text/vocabulary';
export type ColumnKind = 'text' | 'integer' | 'boolean' | 'json';

export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
  notNull: boolean;
  hasDefault: boolean;
  /** Allowed values of an enumerated text column. */
  enumValues?: readonly string[];
  /** The table whose row id this column holds (a foreign key): that row is the parent of this one. */
  references?: string;
}

export interface TableSpec {
  name: string;
  columns: Map<string, ColumnSpec>;
  /** Columns a new row must bring (NOT NULL without a default). */
  required: string[];
}

export type Catalog = ReadonlyMap<string, TableSpec>;

/** Columns whose dates may go back to 1900; every other date column is an event date. */
const BIRTH_DATE_COLUMNS = new Set(['birth_date']);
const OTHER_DATE_COLUMNS = new Set(['effective_from', 'template_effective_from', 'valid_from', 'valid_to', 'public_from', 'public_to']);

/**
 * What a text column holds, by the schema's naming convention: `at`, `*_at` and `deadline` are
 * instants; `*_on`, `*_date` and the listed validity columns are dates; `*_month` are months.
 */
export function textFormat(name: string): 'instant' | 'date' | 'month' | 'text' {
  if (name === 'at' || name.endsWith('_at') || name === 'deadline') return 'instant';
  if (name.endsWith('_on') || name.endsWith('_date') || OTHER_DATE_COLUMNS.has(name)) return 'date';
  if (name.endsWith('_month')) return 'month';
  return 'text';
}

/**
 * The vocabulary's check of a text column's value (shared/text/vocabulary.ts). Free text may be
 * multi-line here: the sync layer cannot tell a note from a name, and the API has already held
 * one-line fields to one line.
 */
function textValueProblem(name: string, v: string): string | null {
  switch (textFormat(name)) {
    case 'instant':
      return instantProblem(v);
    case 'date':
      return dateProblem(v, BIRTH_DATE_COLUMNS.has(name) ? 'birth' : 'event');
    case 'month':
      return monthProblem(v);
    case 'text':
      return textProblem(normalizeCr(v), { multiline: true });
  }
}

/** Older PCs stored Windows line ends in notes: \r is let through here, not refused. */
function normalizeCr(v: string): string {
  return v.replace(/\r/g, '\n');
}

/** Why a value does not fit its column, or null when it does. Values are SQLite driver values. */
export function valueProblem(col: ColumnSpec, v: unknown): string | null {
  if (v === null) return col.notNull ? `${col.name} 不能为空` : null;
  switch (col.kind) {
    case 'text': {
      if (typeof v !== 'string') return `${col.name} 应为文字`;
      if (v.length > 100_000) return `${col.name} 过长`;
      if (col.enumValues) return col.enumValues.includes(v) ? null : `${col.name} 的取值无效`;
      const bad = textValueProblem(col.name, v);
      return bad ? `${col.name} ${bad}` : null;
    }
    case 'integer':
      return typeof v === 'number' && Number.isSafeInteger(v) ? null : `${col.name} 应为整数`;
    case 'boolean':
      return v === 0 || v === 1 ? null : `${col.name} 应为 0 或 1`;
    case 'json':
      if (typeof v !== 'string') return `${col.name} 应为 JSON 文本`;
      try {
        const bad = jsonTextProblem(JSON.parse(v));
        return bad ? `${col.name} ${bad}` : null;
      } catch {
        return `${col.name} 不是有效的 JSON`;
      }
  }
}
