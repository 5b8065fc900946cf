/**
 * The 工作台 worked out once before anyone asks for it. It is the first screen after sign-in, and
 * on a big street its first opening (nothing kept yet: the 复审 schedule, the 应补尽补 check, the due
 * order) takes seconds, while a sign-in screen stays open for longer than that. Worked out here, at
 * start, after a restore and at a bootstrap's end, with the broadest street role (the supervisor's sections include every
 * other street role's): each section is kept (sinceLastChange), so the user's first 工作台 reads it
 * back, and a later write redoes only what read the written tables (the day's turn redoes all: the
 * backend warms again after the first call of a new day). The result is the same either way.
 */
import type { Store } from '../../store/store';
import { DISTRICT_PARTITION } from '../../../../shared/sync/wire';
import { currentStreet } from '../setup/street';
import { bootstrapPending } from '../../sync/pull';
import { workbench, type WorkbenchScope } from './workbench';

/** Works out and keeps the street's 工作台 sections; false when there is nothing to warm (no street yet, or not all of it). */
export function warmUpWorkbench(store: Store): boolean {
  const street = currentStreet(store);
  if (!street) return false;
  // During a bootstrap the sections would be thrown away: nothing is kept inside its open group's
  // transaction (sinceLastChange), and its next pages write what they read. The backend warms up
  // once the bootstrap ends (app.ts).
  if (bootstrapPending(store)) return false;
  // A district PC's users read every street's ledger; a street's, their street's.
  const scope: WorkbenchScope = street.code === DISTRICT_PARTITION ? { role: 'district-admin', streetCode: null } : { role: 'supervisor', streetCode: street.code };
  workbench(store, scope, null);
  return true;
}
