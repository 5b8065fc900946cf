/**
 * Column specifications of the synced tables as the sync layer sees them, and the value check the
 * server applies to every pushed field (the office app builds the catalog from its drizzle schema).
 */
export type ColumnKind = 'text' | 'integer' | 'boolean' | 'json';

export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
  notNull: boolean;
  hasDefault: boolean;
  /** Allowed values of an enumerated text column. */
  enumValues?: readonly string[];
}

export interface TableSpec {
  name: string;
  columns: Map<string, ColumnSpec>;
  /** Columns a new row must bring (NOT NULL without a default). */
  required: string[];
}

export type Catalog = ReadonlyMap<string, TableSpec>;

/** Why a value does not fit its column, or null when it does. Values are SQLite driver values. */
export function valueProblem(col: ColumnSpec, v: unknown): string | null {
  if (v === null) return col.notNull ? `${col.name} 不能为空` : null;
  switch (col.kind) {
    case 'text':
      if (typeof v !== 'string') return `${col.name} 应为文字`;
      if (v.length > 100_000) return `${col.name} 过长`;
      if (col.enumValues && !col.enumValues.includes(v)) return `${col.name} 的取值无效`;
      return null;
    case 'integer':
      return typeof v === 'number' && Number.isSafeInteger(v) ? null : `${col.name} 应为整数`;
    case 'boolean':
      return v === 0 || v === 1 ? null : `${col.name} 应为 0 或 1`;
    case 'json':
      if (typeof v !== 'string') return `${col.name} 应为 JSON 文本`;
      try {
        JSON.parse(v);
        return null;
      } catch {
        return `${col.name} 不是有效的 JSON`;
      }
  }
}
