/**
 * A file's header row against an import template (the registry import and the department-data
 * intake): which column holds which field, and what does not fit (missing, unknown, repeated), told
 * as the parts of one Chinese sentence. A header is the file's text: it is shown printable.
 */
import { printable } from '../../../../shared/text/printable';

export interface TemplateColumn<K extends string> {
  key: K;
  header: string;
  required?: boolean;
}

export interface HeaderMap<K extends string> {
  byCol: Map<number, K>;
  missing: string[];
  unknown: string[];
  duplicate: string[];
  /** Empty when the header fits the template. */
  problems: string[];
}

export function mapHeaderTexts<K extends string>(
  texts: readonly { col: number; text: string }[],
  byHeader: ReadonlyMap<string, K>,
  columns: readonly TemplateColumn<K>[],
  ignored: readonly string[],
): HeaderMap<K> {
  const byCol = new Map<number, K>();
  const seen = new Set<K>();
  const unknown: string[] = [];
  const duplicate: string[] = [];
  for (const { col, text } of texts) {
    const key = byHeader.get(text);
    if (!key) {
      if (!ignored.includes(text)) unknown.push(text);
      continue;
    }
    if (seen.has(key)) duplicate.push(text);
    seen.add(key);
    byCol.set(col, key);
  }
  const missing = columns.filter((c) => c.required && !seen.has(c.key)).map((c) => c.header);
  const quoted = (list: string[]) => list.map((h) => `“${printable(h)}”`).join('、');
  const problems: string[] = [];
  if (missing.length) problems.push(`缺少列${quoted(missing)}`);
  if (unknown.length) problems.push(`无法识别的列${quoted(unknown)}`);
  if (duplicate.length) problems.push(`列${quoted(duplicate)}重复`);
  return { byCol, missing, unknown, duplicate, problems };
}
