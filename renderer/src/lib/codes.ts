/** Code lists (shared/codes.ts) as antd Select options. */
import type { CodeItem } from '../../../shared/codes';

export interface Option {
  value: string;
  label: string;
}

export function toOptions(items: readonly CodeItem[]): Option[] {
  return items.map((i) => ({ value: i.code, label: i.label }));
}

/** Select filter that matches the label text (for showSearch). */
export function filterByLabel(input: string, option?: { label?: unknown }): boolean {
  return String(option?.label ?? '').toLowerCase().includes(input.trim().toLowerCase());
}
