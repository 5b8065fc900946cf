/**
 * This PC's number within its street (1, 2, …), given by the district server when the PC enrolls.
 * Numbers that offices hand out while offline (care-service cards) carry it, so that two PCs of one
 * street never issue the same number. 0 until the PC is enrolled.
 */
import type { Store } from './store';

export const DEVICE_NO_META = 'sync_device_no';

export function deviceNumber(store: Pick<Store, 'getMeta'>): number {
  const n = Number(store.getMeta(DEVICE_NO_META) ?? 0);
  return Number.isInteger(n) && n > 0 ? n : 0;
}
