/**
 * The household's file (一户一档): its enrolments and their steps, payments by month, temporary
 * assistance, ledger items, visits, care files, documents printed and audit trail, read through
 * each area's own read functions.
 */
import { SUPERVISORS } from '../../../../shared/api/proc';
import type { Role } from '../../../../shared/codes';
import type { HouseholdFile } from '../../../../shared/household/types';
import { monthOf } from '../../../../shared/policy/months';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Actor, Store } from '../../store/store';
import { enrolmentDetail, listEnrolments } from '../assistance/read';
import { temporaryRow } from '../assistance/temporary';
import { carePersonDetail } from '../care/board';
import { householdItems } from '../ledger/read';
import { loadHouseholdRow } from '../registry/read';
import { listVisits } from '../screening/visits';
import { householdPayments } from './payments';
import { householdTrail } from './trail';
import { inForceSql } from '../assistance/programme-categories';

const VISITS_SHOWN = 100;

/** Members with a care file: of a 特困分散供养 household, or with any care record. */
function careMembers(store: Store, householdId: string): string[] {
  return (
    store
      .prepare(
        `SELECT p.id FROM persons p JOIN households h ON h.id = p.household_id
          WHERE p.household_id = ? AND p.deleted_at IS NULL
            AND (${inForceSql('h')}
              OR EXISTS (SELECT 1 FROM care_profiles x WHERE x.person_id = p.id AND x.deleted_at IS NULL)
              OR EXISTS (SELECT 1 FROM care_agreements x WHERE x.person_id = p.id AND x.deleted_at IS NULL)
              OR EXISTS (SELECT 1 FROM care_cards x WHERE x.person_id = p.id AND x.deleted_at IS NULL))
          ORDER BY p.relation, p.birth_date`,
      )
      .all(householdId, 'tekun-home') as { id: string }[]
  ).map((r) => r.id);
}

export function householdFile(store: Store, street: string, householdId: string, role: Role): HouseholdFile {
  loadHouseholdRow(store, street, householdId);
  const temporaryIds = store
    .prepare('SELECT id FROM temporary_assistance WHERE household_id = ? AND street_code = ? AND deleted_at IS NULL ORDER BY received_at DESC')
    .all(householdId, street) as { id: string }[];
  const visits = listVisits(store, street, { householdId, page: 1, pageSize: VISITS_SHOWN });
  return {
    householdId,
    streetCode: street,
    readAt: store.nowIso(),
    enrolments: listEnrolments(store, street, { householdId }).map((e) => enrolmentDetail(store, street, e.id)),
    payments: householdPayments(store, street, householdId, monthOf(shanghaiDate(store.nowDate()))),
    temporary: temporaryIds.map((t) => temporaryRow(store, street, t.id)),
    ledger: householdItems(store, street, householdId),
    visits: visits.rows,
    visitTotal: visits.total,
    care: careMembers(store, householdId).map((id) => carePersonDetail(store, street, id)),
    ...householdTrail(store, street, householdId, SUPERVISORS.includes(role)),
  };
}

/** The file was printed or saved as PDF (its own audit event, so it is listed among the documents printed). */
export function recordFilePrint(store: Store, actor: Actor, householdId: string, mode: 'print' | 'pdf'): { ok: true } {
  loadHouseholdRow(store, actor.streetCode, householdId);
  store.tx(() =>
    store.audit(actor, {
      action: mode === 'pdf' ? 'household.exportPdf' : 'household.print',
      entity: 'households',
      entityId: householdId,
      summary: mode === 'pdf' ? '导出一户一档PDF' : '打印一户一档',
      detail: { mode },
    }),
  );
  return { ok: true };
}
