/**
 * An enrolment's records that every month's amount reads (its member changes, income decisions and
 * deaths), read once and held for a computation over many months that writes nothing: a batch's
 * 补发扣回 looks at every enrolment in every month since the first confirmed batch, and reading them
 * again for each month was most of the time of generating and confirming a batch.
 */
import type { Store } from '../../store/store';
import { memberChanges, type MemberChange } from './amounts';
import { deathStopMonth, type DeathStop } from './death-end';
import { decisionsOf, type DecisionRow } from './decisions';

export interface EnrolmentReads {
  memberChanges(enrolmentId: string): MemberChange[];
  decisions(enrolmentId: string): DecisionRow[];
  deathStop: DeathStop;
}

function held<T>(read: (key: string) => T): (key: string) => T {
  const kept = new Map<string, T>();
  return (key) => {
    if (!kept.has(key)) kept.set(key, read(key));
    return kept.get(key)!;
  };
}

/** Reads held for one computation: only while nothing is written (the results never go stale here). */
export function heldEnrolmentReads(store: Store): EnrolmentReads {
  const death = held((key) => {
    const [personId, householdId] = JSON.parse(key) as [string | null, string];
    return deathStopMonth(store, { person_id: personId, household_id: householdId });
  });
  return {
    memberChanges: held((id) => memberChanges(store, id)),
    decisions: held((id) => decisionsOf(store, id)),
    deathStop: (e) => death(JSON.stringify([e.person_id, e.household_id])),
  };
}
