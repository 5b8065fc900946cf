/** Seeds the default policy parameters (dated data with sources) at street set-up and demo load. */
import { DEMO_PARAM_DEFAULTS, PARAM_DEFAULTS, type ParamDefault } from '../../../../shared/policy/defaults';
import { paramSpec } from '../../../../shared/policy/catalog';
import type { Actor, Store } from '../../store/store';
import { DISTRICT_PARTITION, setParam } from './params';
import { settableHere } from './list';
import { systemActor } from '../setup/street';

const SEED_REASON = '初始设置：载入默认政策参数（来源见备注）';

function seed(store: Store, actor: Actor, defaults: readonly ParamDefault[]): number {
  let n = 0;
  for (const d of defaults) {
    const exists = store
      .prepare('SELECT 1 FROM policy_params WHERE key = ? AND effective_from = ? AND deleted_at IS NULL LIMIT 1')
      .get(d.key, d.effectiveFrom);
    if (exists) continue;
    const partition = paramSpec(d.key)?.scope === 'street' ? actor.streetCode : DISTRICT_PARTITION;
    setParam(store, actor, { ...d, partition, retroactiveReason: SEED_REASON });
    n++;
  }
  return n;
}

/** Values with a source (or marked 未核实) for every new street; existing dated values are kept. */
export function seedDefaultParams(store: Store, actor: Actor): number {
  return store.tx(() => seed(store, actor, PARAM_DEFAULTS));
}

/** The defaults plus the demo-only figures (marked 演示数据). */
export function seedDemoParams(store: Store, actor: Actor): number {
  return store.tx(() => seed(store, actor, PARAM_DEFAULTS) + seed(store, actor, DEMO_PARAM_DEFAULTS));
}

/**
 * After an upgrade that brings new parameter keys (e.g. the 渐退 terms, the 重度残疾 definition), a
 * street set up before has none of them and a rule that needs one would stop with "缺少政策参数".
 * On start, keys this PC may set that have no record at all (not even a deleted one: an
 * administrator's deletion stands) get their defaults, audited as the system's. A PC enrolled to a
 * street receives district keys from the server instead (the server's init adds them there).
 */
export function topUpNewParamKeys(store: Store): number {
  const street = store.getMeta('street_code');
  if (!street || street === DISTRICT_PARTITION) return 0;
  const known = new Set((store.prepare('SELECT DISTINCT key FROM policy_params').all() as { key: string }[]).map((r) => r.key));
  const missing = PARAM_DEFAULTS.filter((d) => !known.has(d.key) && settableHere(store, paramSpec(d.key)?.scope ?? 'district'));
  if (missing.length === 0) return 0;
  return store.tx(() => seed(store, systemActor(street), missing));
}
