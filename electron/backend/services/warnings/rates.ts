/**
 * The district's view of the 预警 inboxes: per street, how many warnings were raised, are open,
 * are overdue (counted by the inbox's own overdue condition), and how they were disposed.
 */
import type { WarningStreetRates } from '../../../../shared/warnings/procedures';
import { WARNING_DISPOSITIONS, type WarningDisposition } from '../../../../shared/warnings/types';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Store } from '../../store/store';
import { OVERDUE } from './inbox';

export function districtRates(store: Store): WarningStreetRates[] {
  const today = shanghaiDate(store.nowDate());
  const streets = store.prepare('SELECT code, name FROM streets WHERE deleted_at IS NULL ORDER BY code').all() as { code: string; name: string }[];
  const counts = store
    .prepare(
      `SELECT w.street_code, count(*) AS raised, sum(w.status = 'open') AS open, sum(${OVERDUE}) AS overdue,
         ${WARNING_DISPOSITIONS.map((d, i) => `sum(w.status = 'disposed' AND w.disposition = '${d}') AS d${i}`).join(', ')}
       FROM warnings w WHERE w.deleted_at IS NULL GROUP BY w.street_code`,
    )
    .all(today) as Record<string, number | string>[];
  const byStreet = new Map(counts.map((c) => [c.street_code as string, c]));
  return streets.map((s) => {
    const c = byStreet.get(s.code);
    const n = (k: string) => Number(c?.[k] ?? 0);
    const byDisposition = Object.fromEntries(WARNING_DISPOSITIONS.map((d, i) => [d, n(`d${i}`)])) as Record<WarningDisposition, number>;
    const raised = n('raised');
    const disposed = raised - n('open');
    return {
      streetCode: s.code,
      streetName: s.name,
      raised,
      open: n('open'),
      overdue: n('overdue'),
      byDisposition,
      disposedPercent: raised === 0 ? 0 : Math.round((disposed * 1000) / raised) / 10,
    };
  });
}
