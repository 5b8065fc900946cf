/**
 * The screening cadence in force on a date, read from policy_params; and the seeding of the
 * screening and ledger defaults. The ledger's own terms are read in services/policy/ledger.ts.
 */
import type { CadencePolicy } from '../../../../shared/screening/cadence';
import { SCREENING_LEDGER_DEFAULTS } from '../../../../shared/screening/policy-defaults';
import type { Actor, Store } from '../../store/store';
import { paramOn, requireParam, setParam } from '../policy/params';

export function cadencePolicyOn(store: Store, streetCode: string, date: string): CadencePolicy {
  return requireParam<CadencePolicy>(store, streetCode, 'screening.cadence', date);
}

/** Seeds the dated defaults into the street's partition (at set-up or demo load); skips keys already set. */
export function seedScreeningLedgerDefaults(store: Store, actor: Actor): void {
  for (const d of SCREENING_LEDGER_DEFAULTS) {
    if (paramOn(store, actor.streetCode, d.key, '9999-12-31')) continue;
    setParam(store, actor, {
      key: d.key,
      value: d.value,
      effectiveFrom: d.effectiveFrom,
      note: d.note,
      partition: actor.streetCode,
      retroactiveReason: '新街道初始设置：载入默认政策参数',
    });
  }
}
