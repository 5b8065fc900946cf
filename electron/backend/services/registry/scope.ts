/** Where a household sits (community, grid): checked and read once for the rows that hang off it. */
import { AppError } from '../../../../shared/errors';
import type { Store } from '../../store/store';

export interface HouseholdScope {
  id: string;
  community_id: string;
  grid_id: string | null;
}

/** The street's live household, or not-found naming the householdId field. */
export function householdScope(store: Store, streetCode: string, id: string): HouseholdScope {
  const h = store
    .prepare('SELECT id, community_id, grid_id FROM households WHERE id = ? AND street_code = ? AND deleted_at IS NULL')
    .get(id, streetCode) as HouseholdScope | undefined;
  if (!h) throw new AppError('not-found', '家庭不存在或已被删除', { field: 'householdId' });
  return h;
}
