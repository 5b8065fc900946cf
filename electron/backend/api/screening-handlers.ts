/** screening.* procedures. */
import { AppError } from '../../../shared/errors';
import { checkPolicyValue, SCREENING_POLICY_KEYS } from '../../../shared/screening/policy-check';
import type { ScreeningPolicy } from '../../../shared/screening/schemas';
import { shanghaiDate } from '../../../shared/time/shanghai';
import type { Store } from '../store/store';
import { paramHistory, paramOn, setParam } from '../services/policy/params';
import { coverage, dueList } from '../services/screening/due';
import { listVisits, recordRound, recordVisit } from '../services/screening/visits';
import type { AreaHandlers } from './handlers';

const KEYS = SCREENING_POLICY_KEYS;

function policy(store: Store, streetCode: string): ScreeningPolicy {
  const today = shanghaiDate(store.nowDate());
  const out = (r: { key: string; value: unknown; effectiveFrom: string; note: string | null }) => ({
    key: r.key,
    value: r.value,
    effectiveFrom: r.effectiveFrom,
    note: r.note,
  });
  return {
    inForce: KEYS.flatMap((k) => {
      const r = paramOn(store, streetCode, k, today);
      return r ? [out(r)] : [];
    }),
    history: KEYS.flatMap((k) => paramHistory(store, streetCode, k).map(out)),
  };
}

export function screeningHandlers(): AreaHandlers<'screening.'> {
  return {
    'screening.recordVisit': (input, { store, actor }) => recordVisit(store, actor, input),
    'screening.recordRound': (input, { store, actor }) => recordRound(store, actor, input),
    'screening.listVisits': (input, { store, actor }) => listVisits(store, actor.streetCode, input),
    'screening.dueList': (input, { store, actor }) => dueList(store, actor.streetCode, input.list, input),
    'screening.coverage': (input, { store, actor }) => coverage(store, actor.streetCode, input.period, input.date, input),
    'screening.policy': (_input, { store, actor }) => policy(store, actor.streetCode),
    'screening.setPolicy': (input, { store, actor }) => {
      const checked = checkPolicyValue(input.key, input.value);
      if (!checked.ok) throw new AppError('invalid-input', checked.message, { field: checked.field });
      setParam(store, actor, {
        key: input.key,
        value: checked.value,
        effectiveFrom: input.effectiveFrom,
        note: input.note,
        partition: actor.streetCode,
        retroactiveReason: input.retroactiveReason,
      });
      return policy(store, actor.streetCode);
    },
    'screening.visitSheet': (input, { store, actor }) => {
      const g = store
        .prepare('SELECT name, worker_name FROM grids WHERE id = ? AND street_code = ? AND deleted_at IS NULL')
        .get(input.gridId, actor.streetCode) as { name: string; worker_name: string | null } | undefined;
      if (!g) throw new AppError('not-found', '网格不存在', { field: 'gridId' });
      return { ...dueList(store, actor.streetCode, 'week', { gridId: input.gridId }), gridName: g.name, workerName: g.worker_name };
    },
  };
}
