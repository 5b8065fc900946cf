/** The parameter list of the 政策参数 screen: every catalog key with its value today and its history. */
import { PARAM_CATALOG } from '../../../../shared/policy/catalog';
import type { ParamListItem } from '../../../../shared/policy/types';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Store } from '../../store/store';
import { paramHistory, paramOn } from './params';

export function listParams(store: Store, streetCode: string): ParamListItem[] {
  const today = shanghaiDate(store.nowDate());
  const all = paramHistory(store, streetCode);
  return Object.entries(PARAM_CATALOG).map(([key, spec]) => ({
    key,
    label: spec.label,
    unit: spec.unit,
    scope: spec.scope,
    current: paramOn(store, streetCode, key, today),
    history: all.filter((r) => r.key === key),
  }));
}
