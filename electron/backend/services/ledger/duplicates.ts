/**
 * 重复登记: the item an item repeats must exist in the street, be of the same household, and not
 * lead back to the item through the items it repeats in turn (a closed loop would leave the
 * problem open nowhere).
 */
import { AppError } from '../../../../shared/errors';
import type { Store } from '../../store/store';

interface Target {
  id: string;
  item_no: string;
  household_id: string;
  duplicate_of_id: string | null;
}

const load = (store: Store, streetCode: string, id: string) =>
  store
    .prepare('SELECT id, item_no, household_id, duplicate_of_id FROM ledger_items WHERE id = ? AND street_code = ? AND deleted_at IS NULL')
    .get(id, streetCode) as Target | undefined;

export function duplicateTarget(
  store: Store,
  street: string,
  item: { id: string; item_no: string; household_id: string },
  targetId: string,
): Target {
  const target = load(store, street, targetId);
  if (!target) throw new AppError('not-found', '所重复的台账事项不存在或不属于本街道', { field: 'duplicateOfId' });
  if (target.id === item.id) throw new AppError('ledger-duplicate-invalid', '台账事项不能与自身重复', { field: 'duplicateOfId' });
  if (target.household_id !== item.household_id) {
    throw new AppError('ledger-duplicate-invalid', `${target.item_no} 不是同一家庭的事项：重复登记须与同一家庭的事项关联`, { field: 'duplicateOfId' });
  }
  // Follow the chain the target repeats: it must not come back to this item.
  const seen = new Set<string>([target.id]);
  for (let next = target.duplicate_of_id; next !== null; ) {
    if (next === item.id) {
      throw new AppError('ledger-duplicate-invalid', `${target.item_no} 已作为本事项（${item.item_no}）的重复登记销号，不能互为重复`, {
        field: 'duplicateOfId',
      });
    }
    if (seen.has(next)) break;
    seen.add(next);
    next = load(store, street, next)?.duplicate_of_id ?? null;
  }
  return target;
}
