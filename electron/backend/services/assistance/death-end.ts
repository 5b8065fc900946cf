/**
 * The end of an entitlement by death: a person's enrolment is paid through the month of death and
 * stops the month after; a household programme stops the month after its last living member died.
 */
import { addMonths, monthOf } from '../../../../shared/policy/months';
import type { Store } from '../../store/store';

type Enrolment = { person_id: string | null; household_id: string };
/** The first month no longer paid because of death, or null: one enrolment's, or many read from one query. */
export type DeathStop = (e: Enrolment) => string | null;

/** The month after the last death, once everyone counted has died (one person, or a household's members). */
function afterLastDeath(diedOn: (string | null)[]): string | null {
  if (diedOn.length === 0 || diedOn.some((d) => d === null)) return null;
  return addMonths(monthOf((diedOn as string[]).toSorted().at(-1)!), 1);
}

/** The first month no longer paid because of death, or null. */
export function deathStopMonth(store: Store, e: Enrolment): string | null {
  if (e.person_id) {
    const p = store.prepare('SELECT died_on FROM persons WHERE id = ?').get(e.person_id) as { died_on: string | null } | undefined;
    return p?.died_on ? afterLastDeath([p.died_on]) : null;
  }
  const members = store
    .prepare('SELECT died_on FROM persons WHERE household_id = ? AND deleted_at IS NULL')
    .all(e.household_id) as { died_on: string | null }[];
  return afterLastDeath(members.map((m) => m.died_on));
}

/**
 * deathStopMonth for every enrolment of a street, from one read of its dead (reports, the gap check;
 * index persons_died_idx): a person or household without a death on record has no stop by death.
 */
export function streetDeathStops(store: Store, streetCode: string): DeathStop {
  const rows = store.prepare('SELECT id, household_id, died_on, deleted_at FROM persons WHERE street_code = ? AND died_on IS NOT NULL').all(streetCode) as {
    id: string;
    household_id: string;
    died_on: string;
    deleted_at: string | null;
  }[];
  const diedOn = new Map(rows.map((r) => [r.id, r.died_on]));
  const withDeath = new Set(rows.filter((r) => r.deleted_at === null).map((r) => r.household_id));
  const members = store.prepare('SELECT died_on FROM persons WHERE household_id = ? AND street_code = ? AND deleted_at IS NULL');
  const alone = new Map<string, string | null>();
  return (e) => {
    if (!e.person_id) {
      // Everyone counted must have died: a household with no death on record has someone alive (or nobody).
      if (!withDeath.has(e.household_id)) return null;
      return afterLastDeath((members.all(e.household_id, streetCode) as { died_on: string | null }[]).map((m) => m.died_on));
    }
    const d = diedOn.get(e.person_id);
    if (d) return afterLastDeath([d]);
    // Not dead in the street: alive, or another street's person, read alone (once).
    if (!alone.has(e.person_id)) alone.set(e.person_id, deathStopMonth(store, e));
    return alone.get(e.person_id)!;
  };
}
