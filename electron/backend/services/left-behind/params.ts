/** The dated figures of the 留守 rules in force on a day (policy params leftBehind.*). */
import { LEFT_BEHIND_PARAM_KEYS, type LeftBehindParams } from '../../../../shared/left-behind/types';
import type { Store } from '../../store/store';
import { requireParam } from '../policy/params';

export function leftBehindParams(store: Store, streetCode: string, onDate: string): LeftBehindParams {
  const entries = Object.entries(LEFT_BEHIND_PARAM_KEYS).map(([k, key]) => [k, requireParam<number>(store, streetCode, key, onDate)]);
  return Object.fromEntries(entries) as unknown as LeftBehindParams;
}
