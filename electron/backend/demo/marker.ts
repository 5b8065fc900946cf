/**
 * The mark a demo database carries in its meta, and what a replica tells the district server about
 * itself when it enrolls and pushes (the server refuses a demo; so does this PC, before any call).
 */
import type { Store } from '../store/store';
import { zPartition, type Replica } from '../../../shared/sync/wire';

export const DEMO_META = 'is_demo';

export function isDemoData(store: Pick<Store, 'getMeta'>): boolean {
  return store.getMeta(DEMO_META) === '1';
}

export function replicaOf(store: Pick<Store, 'getMeta'>): Replica {
  const street = store.getMeta('street_code');
  return { demo: isDemoData(store), streetCode: street && zPartition.safeParse(street).success ? street : null };
}
