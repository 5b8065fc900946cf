/**
 * 登记死亡: a person's death is a dated fact on their record (they stay in the registry, their history
 * with them). In the same transaction it stops what it ends (应退尽退): the household's 低保 counts one
 * person fewer (exits.ts personDied), and every programme, allowance, care agreement and card of the
 * person ends (assistance/death-stop.ts); paid through the month of death (death-end.ts).
 * 更正死亡日期 (death-correction.ts) moves the date and what follows from it; 撤销死亡登记 clears it.
 */
import { AppError } from '../../../../shared/errors';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import { creationHlc } from '../../store/creation-order';
import type { Actor, Store } from '../../store/store';
import { personDied } from '../assistance/exits';
import { stopEntitlementsOnDeath } from '../assistance/death-stop';
import { moveDeathEffects } from '../assistance/death-correction';
import { loadPersonRow } from './read';

/** A date of death is not in the future nor before the birth (recorded or corrected). */
export function checkDiedOn(store: Store, p: { birth_date: string }, diedOn: string): void {
  if (diedOn > shanghaiDate(store.nowDate())) throw new AppError('invalid-input', '死亡日期不能晚于今天', { field: 'diedOn' });
  if (diedOn < p.birth_date) {
    throw new AppError('invalid-input', `死亡日期不能早于出生日期（${p.birth_date}）`, { field: 'diedOn' });
  }
}

export function recordDeath(store: Store, actor: Actor, input: { personId: string; diedOn: string; note?: string | null }): void {
  store.tx(() => {
    const p = loadPersonRow(store, actor.streetCode, input.personId);
    if (p.died_on) throw new AppError('duplicate', `${p.name}的死亡已于 ${p.died_on} 登记；日期有误请用“更正死亡日期”`, { field: 'personId' });
    checkDiedOn(store, p, input.diedOn);
    store.update('persons', p.id, { diedOn: input.diedOn }, actor, {
      action: 'registry.recordDeath',
      summary: `登记死亡：${p.name}，${input.diedOn}${input.note ? `（${input.note}）` : ''}`,
      detail: { diedOn: input.diedOn, note: input.note ?? null, householdId: p.household_id },
    });
    personDied(store, actor, { ...p, died_on: input.diedOn });
    stopEntitlementsOnDeath(store, actor, { ...p, died_on: input.diedOn }, input.note ?? null);
  });
}

/**
 * 更正死亡日期 (supervisors): a new record (an audit event naming the death it corrects, with the reason)
 * and the new date on the person; what the death stopped follows the date (death-correction.ts).
 */
export function correctDeath(store: Store, actor: Actor, input: { personId: string; diedOn: string; reason: string }): void {
  store.tx(() => {
    const p = loadPersonRow(store, actor.streetCode, input.personId);
    if (!p.died_on) throw new AppError('prerequisite-missing', `${p.name}尚未登记死亡，无死亡日期可更正`, { field: 'personId' });
    if (input.diedOn === p.died_on) throw new AppError('nothing-to-do', `更正后的死亡日期与已登记的相同（${p.died_on}）`, { field: 'diedOn' });
    checkDiedOn(store, p, input.diedOn);
    const recorded = deathRecord(store, p.id);
    store.update('persons', p.id, { diedOn: input.diedOn }, actor, {
      action: 'registry.correctDeath',
      summary: `更正死亡日期：${p.name}，${p.died_on} → ${input.diedOn}（${input.reason}）`,
      detail: { from: p.died_on, diedOn: input.diedOn, reason: input.reason, corrects: recorded, householdId: p.household_id },
    });
    moveDeathEffects(store, actor, { id: p.id, name: p.name, household_id: p.household_id, from: p.died_on, to: input.diedOn });
  });
}

/**
 * The 登记死亡 in force (the latest: one withdrawn may have been recorded again), named by a correction
 * or withdrawal. Latest by the event's creation HLC (creation-order.ts): a total order that every
 * PC reads alike, where `at` ties on one instant (a frozen clock, two PCs) and the ids then are random.
 */
function deathRecord(store: Store, personId: string): string | null {
  const first = store
    .prepare(
      `SELECT a.id FROM audit_events a WHERE a.entity = 'persons' AND a.entity_id = ? AND a.action = 'registry.recordDeath'
        ORDER BY ${creationHlc('audit_events', 'a.id')} DESC NULLS LAST, a.at DESC, a.id DESC LIMIT 1`,
    )
    .get(personId) as { id: string } | undefined;
  return first?.id ?? null;
}

/**
 * True when staff withdrew a death of this date recorded on the person (it was judged wrong): a
 * department file naming them with the same date is the same wrong claim and does not record it
 * again. Another date is a new claim. By date, not by the order of events (two at one instant tie).
 */
export function deathWithdrawn(store: Store, personId: string, diedOn: string): boolean {
  return (
    store
      .prepare(
        `SELECT 1 FROM audit_events WHERE entity = 'persons' AND entity_id = ? AND action = 'registry.withdrawDeath'
         AND json_extract(detail, '$.from') = ? LIMIT 1`,
      )
      .get(personId, diedOn) !== undefined
  );
}

/**
 * 撤销死亡登记 (supervisors): a death recorded on the wrong person (a namesake, a mistyped ID number) is
 * cleared, and what it stopped runs again, as a correction moving the death to "never"
 * (death-correction.ts, death-withdrawal.ts). The 死亡后复核 item it opened stays for the street to close.
 */
export function withdrawDeath(store: Store, actor: Actor, input: { personId: string; reason: string }): void {
  store.tx(() => {
    const p = loadPersonRow(store, actor.streetCode, input.personId);
    if (!p.died_on) throw new AppError('invalid-transition', `${p.name}未登记死亡，无死亡登记可撤销`, { field: 'personId' });
    const recorded = deathRecord(store, p.id);
    store.update('persons', p.id, { diedOn: null }, actor, {
      action: 'registry.withdrawDeath',
      summary: `撤销死亡登记：${p.name}，原登记死亡日期 ${p.died_on}（${input.reason}）`,
      detail: { from: p.died_on, reason: input.reason, corrects: recorded, householdId: p.household_id },
    });
    moveDeathEffects(store, actor, { id: p.id, name: p.name, household_id: p.household_id, from: p.died_on, to: null });
  });
}
