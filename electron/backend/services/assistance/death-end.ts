/**
 * The end of an entitlement by death: a person's enrolment is paid through the month of death and
 * stops the month after; a household programme stops the month after its last living member died.
 */
import { addMonths, monthOf } from '../../../../shared/policy/months';
import type { Store } from '../../store/store';

/** The first month no longer paid because of death, or null. */
export function deathStopMonth(store: Store, e: { person_id: string | null; household_id: string }): string | null {
  if (e.person_id) {
    const p = store.prepare('SELECT died_on FROM persons WHERE id = ?').get(e.person_id) as { died_on: string | null } | undefined;
    return p?.died_on ? addMonths(monthOf(p.died_on), 1) : null;
  }
  const members = store
    .prepare('SELECT died_on FROM persons WHERE household_id = ? AND deleted_at IS NULL')
    .all(e.household_id) as { died_on: string | null }[];
  if (members.length === 0 || members.some((m) => m.died_on === null)) return null;
  const last = members.map((m) => m.died_on!).sort().at(-1)!;
  return addMonths(monthOf(last), 1);
}
