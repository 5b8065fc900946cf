/**
 * Warnings for tests of the 预警 inbox, written through the store's own write path with the ids the
 * rules give them (warningIdOf), as the rules would raise them. Generated data only.
 */
import type { Backend } from '../../electron/backend/app';
import type { Store } from '../../electron/backend/store/store';
import { systemActor } from '../../electron/backend/services/setup/street';
import { warningIdOf } from '../../shared/warnings/ids';
import type { WarningRule, WarningTrigger } from '../../shared/warnings/types';
import { withSideStore } from './side-store';

export interface SeedWarning {
  personId: string;
  rule: WarningRule;
  /** What triggered it, e.g. the month (becomes part of the dedupe key). */
  key: string;
  summary: string;
  values?: WarningTrigger['values'];
  dueDate: string;
  raisedAt?: string;
  ruleVersion?: string;
}

/** Inserts the warnings (on a backend's store, or on an app's data file); returns their ids in order. */
export function seedWarnings(target: Pick<Backend, 'store'> | { dataDir: string }, list: SeedWarning[]): string[] {
  if (!('store' in target)) return withSideStore(target.dataDir, (store) => seedWarnings({ store }, list));
  const store: Store = target.store;
  return store.tx(() =>
    list.map((w) => {
      const p = store.prepare('SELECT household_id, street_code FROM persons WHERE id = ?').get(w.personId) as { household_id: string; street_code: string };
      const dedupeKey = `${w.rule}/${w.personId}/${w.key}`;
      return store.insert(
        'warnings',
        {
          id: warningIdOf(p.street_code, dedupeKey),
          streetCode: p.street_code,
          householdId: p.household_id,
          personId: w.personId,
          rule: w.rule,
          ruleVersion: w.ruleVersion ?? '2023-10-01',
          dedupeKey,
          trigger: { summary: w.summary, values: w.values ?? {} },
          recordIds: [],
          raisedAt: w.raisedAt ?? store.nowIso(),
          dueDate: w.dueDate,
          status: 'open',
        },
        systemActor(p.street_code),
        null,
      );
    }),
  );
}
