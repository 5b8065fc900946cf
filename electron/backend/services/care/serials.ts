/**
 * Document numbers of this PC's own series (street, year, device): cards (ZL-…) and agreements (XY-…).
 * No other PC issues from the same series, so numbers never collide when PCs work offline.
 */
import { formatSerial, serialPrefix, type SerialKind } from '../../../../shared/care/rules';
import type { Store } from '../../store/store';
import { deviceNumber } from '../../store/enrollment';

const COLUMN: Record<SerialKind, { table: string; column: string }> = {
  ZL: { table: 'care_cards', column: 'card_number' },
  XY: { table: 'care_agreements', column: 'agreement_number' },
};

export function nextSerial(store: Store, kind: SerialKind, streetCode: string, year: number): string {
  const device = deviceNumber(store);
  const prefix = serialPrefix(kind, streetCode, year, device);
  const { table, column } = COLUMN[kind];
  const r = store
    .prepare(`SELECT max(CAST(substr(${column}, ?) AS INTEGER)) AS n FROM ${table} WHERE street_code = ? AND ${column} LIKE ?`)
    .get(prefix.length + 1, streetCode, `${prefix}%`) as { n: number | null };
  return formatSerial(kind, streetCode, year, device, (r.n ?? 0) + 1);
}
