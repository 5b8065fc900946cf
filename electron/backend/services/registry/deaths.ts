/**
 * 登记死亡: a person's death is a dated fact on their record (they stay in the registry, their history
 * with them). In the same transaction it stops what it ends (应退尽退): the household's 低保 counts one
 * person fewer (exits.ts personDied), and every programme, allowance, care agreement and card of the
 * person ends (assistance/death-stop.ts); paid through the month of death (death-end.ts).
 */
import { AppError } from '../../../../shared/errors';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Actor, Store } from '../../store/store';
import { personDied } from '../assistance/exits';
import { stopEntitlementsOnDeath } from '../assistance/death-stop';
import { loadPersonRow } from './read';

export function recordDeath(store: Store, actor: Actor, input: { personId: string; diedOn: string; note?: string | null }): void {
  store.tx(() => {
    const p = loadPersonRow(store, actor.streetCode, input.personId);
    if (p.died_on) throw new AppError('duplicate', `${p.name}的死亡已于 ${p.died_on} 登记`, { field: 'personId' });
    if (input.diedOn > shanghaiDate(store.nowDate())) throw new AppError('invalid-input', '死亡日期不能晚于今天', { field: 'diedOn' });
    if (input.diedOn < p.birth_date) {
      throw new AppError('invalid-input', `死亡日期不能早于出生日期（${p.birth_date}）`, { field: 'diedOn' });
    }
    store.update('persons', p.id, { diedOn: input.diedOn }, actor, {
      action: 'registry.recordDeath',
      summary: `登记死亡：${p.name}，${input.diedOn}${input.note ? `（${input.note}）` : ''}`,
      detail: { diedOn: input.diedOn, note: input.note ?? null, householdId: p.household_id },
    });
    personDied(store, actor, { ...p, died_on: input.diedOn });
    stopEntitlementsOnDeath(store, actor, { ...p, died_on: input.diedOn }, input.note ?? null);
  });
}
