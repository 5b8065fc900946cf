/**
 * What enrollment with the district server left on this PC, for the parts of the backend that are
 * not the sync client: the scope it was enrolled with, and its number within its street.
 */
import type { Scope } from '../../../shared/sync/wire';
import type { Store } from './store';

export const SCOPE_META = 'sync_scope';
export const DEVICE_NO_META = 'sync_device_no';

/** The scope this PC was enrolled with (its street, or the district); null when working alone. */
export function enrolledScope(store: Pick<Store, 'getMeta'>): Scope | null {
  const raw = store.getMeta(SCOPE_META);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Scope;
  } catch {
    return null;
  }
}

/**
 * This PC's number within its street (1, 2, …), given by the district server when the PC enrolls.
 * Numbers that offices hand out while offline (care-service cards) carry it, so that two PCs of one
 * street never issue the same number. 0 until the PC is enrolled.
 */
export function deviceNumber(store: Pick<Store, 'getMeta'>): number {
  const n = Number(store.getMeta(DEVICE_NO_META) ?? 0);
  return Number.isInteger(n) && n > 0 ? n : 0;
}
