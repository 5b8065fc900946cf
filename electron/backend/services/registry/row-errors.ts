import type { ImportRowError } from '../../../../shared/registry/types';

/** At most this many errors are listed; a last line says how many more there are. */
export const MAX_LISTED_ERRORS = 1000;

/**
 * An import's per-row errors as the preview lists them (the registry import and the department-data
 * intake): by row, then by the template's column order, at most MAX_LISTED_ERRORS and a line saying
 * how many there were.
 */
export function listedErrors(errors: Iterable<ImportRowError>, columnOrder: ReadonlyMap<string, number>): ImportRowError[] {
  const all = [...errors].sort((a, b) => a.row - b.row || (columnOrder.get(a.column) ?? 99) - (columnOrder.get(b.column) ?? 99));
  if (all.length <= MAX_LISTED_ERRORS) return all;
  const shown = all.slice(0, MAX_LISTED_ERRORS);
  shown.push({
    row: all[MAX_LISTED_ERRORS]!.row,
    column: '',
    message: `错误较多，仅列出前${MAX_LISTED_ERRORS}条（共${all.length}条）；请先改正以上错误后重新导入`,
  });
  return shown;
}
