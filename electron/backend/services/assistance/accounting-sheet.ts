/**
 * The 核算单 (household income accounting sheet) for the file: the working stored with the 入户调查,
 * the household it is about, and the office. Signature lines are printed blank; nothing is filled in
 * that the record does not hold. Every print, PDF export or preview is audited.
 */
import { AppError } from '../../../../shared/errors';
import type { AccountingSheet } from '../../../../shared/assistance/types';
import type { InvestigationPreview } from '../../../../shared/assistance/types';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Actor, Store } from '../../store/store';
import { currentStreet } from '../setup/street';
import { loadEnrolment } from './read';
import { checkInvestigable, enrolmentWorking, storedWorking, type WorkingOptions } from './working';

/** The working the 入户调查 would record now; writes nothing. */
export function previewInvestigation(store: Store, actor: Actor, input: { id: string } & WorkingOptions): InvestigationPreview {
  const e = loadEnrolment(store, actor.streetCode, input.id);
  checkInvestigable(e);
  return { working: enrolmentWorking(store, e, input, shanghaiDate(store.nowDate())) };
}

const HOW = { print: '打印', pdf: '导出PDF', preview: '打印预览' } as const;

export function accountingSheet(store: Store, actor: Actor, input: { id: string; mode: keyof typeof HOW }): AccountingSheet {
  const e = loadEnrolment(store, actor.streetCode, input.id);
  const stored = storedWorking(store, e.id);
  if (!stored) throw new AppError('not-found', '该记录尚未登记入户调查与收入核算，没有核算单', { field: 'id' });
  const h = store
    .prepare(
      `SELECT h.address, c.name AS community_name,
              (SELECT p.name FROM persons p WHERE p.household_id = h.id AND p.relation = '02' AND p.deleted_at IS NULL LIMIT 1) AS head_name
         FROM households h JOIN communities c ON c.id = h.community_id WHERE h.id = ?`,
    )
    .get(e.household_id) as { address: string | null; community_name: string; head_name: string | null };
  const street = currentStreet(store);
  store.tx(() =>
    store.audit(actor, {
      action: `assistance.accountingSheet.${input.mode}`,
      entity: 'enrolments',
      entityId: e.id,
      summary: `${HOW[input.mode]}家庭收入核算单`,
      detail: { mode: input.mode },
    }),
  );
  return {
    enrolmentId: e.id,
    programme: stored.working.programme,
    streetName: street?.name ?? '',
    officeName: street?.officeName ?? '',
    communityName: h.community_name,
    address: h.address,
    headName: h.head_name,
    investigatedAt: stored.at,
    working: stored.working,
  };
}
