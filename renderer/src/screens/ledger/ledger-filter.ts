/** The ledger list's filter, and its round trip through a URL query (for the print page). */
import type { InputOf } from '../../../../shared/api/contract';

export type LedgerFilter = Omit<InputOf<'ledger.list'>, 'page' | 'pageSize'>;

const TEXT_KEYS = ['status', 'urgency', 'category', 'source', 'communityId', 'gridId', 'handler', 'q', 'streetCode'] as const;

export function filterToQuery(f: LedgerFilter): string {
  const p = new URLSearchParams();
  for (const k of TEXT_KEYS) {
    const v = f[k];
    if (v) p.set(k, String(v));
  }
  if (f.overdueOnly) p.set('overdueOnly', '1');
  return p.toString();
}

export function filterFromQuery(query: string): LedgerFilter {
  const p = new URLSearchParams(query);
  const f: Record<string, unknown> = {};
  for (const k of TEXT_KEYS) {
    const v = p.get(k);
    if (v) f[k] = v;
  }
  if (p.get('overdueOnly') === '1') f.overdueOnly = true;
  return f as LedgerFilter;
}
