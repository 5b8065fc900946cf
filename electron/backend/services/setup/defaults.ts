/**
 * Everything a new street starts with besides its registry: the dated policy figures and the
 * screening and ledger rules. One place, used by the real set-up and by the demo street alike,
 * so that every area's defaults reach both.
 */
import type { Actor, Store } from '../../store/store';
import { seedDefaultParams, seedDemoParams } from '../policy/seed';
import { seedScreeningLedgerDefaults } from '../screening/policy';

export function seedStreetDefaults(store: Store, actor: Actor, opts: { demo: boolean }): void {
  store.tx(() => {
    if (opts.demo) seedDemoParams(store, actor);
    else seedDefaultParams(store, actor);
    seedScreeningLedgerDefaults(store, actor);
  });
}
