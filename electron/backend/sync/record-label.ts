/**
 * A readable name of the record a refused change belongs to, for the 同步 page: its own name,
 * number or address, else that of the person, household or item it belongs to; never an ID number.
 * Characters that cannot be shown (a NUL, control characters) are shown as □.
 */
import type { Store } from '../store/store';
import { SYNC_CATALOG } from '../../../shared/sync/catalog';

const OWN = ['name', 'display_name', 'item_no', 'card_number', 'address', 'key', 'summary', 'username'];
const PARENTS: [column: string, table: string, label: string][] = [
  ['person_id', 'persons', 'name'],
  ['household_id', 'households', 'address'],
  ['item_id', 'ledger_items', 'item_no'],
];

function shown(v: unknown): string | null {
  if (typeof v !== 'string' || v.trim() === '') return null;
  const clean = v.replace(/[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '□');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

export function recordLabel(store: Store, table: string, rowId: string, refused: Record<string, unknown>): string {
  const row = SYNC_CATALOG.has(table)
    ? (store.prepare(`SELECT * FROM "${table}" WHERE id = ?`).get(rowId) as Record<string, unknown> | undefined)
    : undefined;
  const values = { ...refused, ...(row ?? {}) };
  for (const col of OWN) {
    const s = shown(values[col]);
    if (s) return s;
  }
  for (const [col, parent, label] of PARENTS) {
    const id = values[col];
    if (typeof id !== 'string') continue;
    const p = store.prepare(`SELECT "${label}" AS v FROM "${parent}" WHERE id = ?`).get(id) as { v: unknown } | undefined;
    const s = shown(p?.v);
    if (s) return s;
  }
  return `编号 …${rowId.slice(-8)}`;
}
