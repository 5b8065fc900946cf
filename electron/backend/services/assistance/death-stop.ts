/**
 * 应退尽退 on a recorded death (issue 17): in the death's transaction, every running enrolment of the
 * person ends from the month after the death (death-end.ts), and the household's programmes when no
 * member is left alive. Confirmed batches are never touched: a month already paid after the death is
 * recovered by a 扣回 row of the next unconfirmed batch (batch-rows.ts), listed by entitlements-ended.ts.
 * The person's care agreements and cards end on the date; the household's remaining members get a
 * 问题台账 item to be re-assessed.
 */
import type { Actor, Store } from '../../store/store';
import { createItem } from '../ledger/items';
import type { EnrolmentDbRow } from './amounts';
import { deathStopMonth } from './death-end';
import { allMembersDied, endEnrolment, OPEN_STATUSES } from './exits';

/** The reason written on what a death ends, and the start of the re-assessment item's description (words for people). */
export const DEATH_REASON = '死亡';
export const DEATH_REVIEW = '死亡后复核';
/** What finds them again (entitlements-ended.ts): care rows' termination_code / end_code, the item's origin. */
export const DEATH_CODE = 'death';
export const DEATH_REVIEW_ORIGIN = 'death-review';

export interface DeadPerson {
  id: string;
  name: string;
  household_id: string;
  died_on: string;
}

/** The later of two calendar dates (ISO strings order as dates). */
const later = (a: string, b: string) => (a > b ? a : b);

const OPEN_SQL = `status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;

export function stopEntitlementsOnDeath(store: Store, actor: Actor, p: DeadPerson, source: string | null): void {
  const open = store
    .prepare(`SELECT * FROM enrolments WHERE (household_id = ? OR person_id = ?) AND deleted_at IS NULL AND ${OPEN_SQL}`)
    .all(p.household_id, p.id) as EnrolmentDbRow[];
  const allDead = allMembersDied(store, p.household_id);
  const reason = `${p.name}于 ${p.died_on} 死亡`;
  for (const e of open) {
    if (e.person_id !== p.id && !(e.person_id === null && allDead)) continue;
    const stop = deathStopMonth(store, e);
    // The state it had is kept on the step: a withdrawn death (death-withdrawal.ts) restores it.
    if (stop && (e.end_month === null || e.end_month > stop)) endEnrolment(store, actor, e, stop, 'death', reason, { personId: p.id, priorStatus: e.status, priorEndMonth: e.end_month });
  }
  endCare(store, actor, p);
  if (open.length > 0 && !allDead) openReview(store, actor, p, source);
}

/** Signed agreements still running at the death end on its date (not before they began); active cards too. */
function endCare(store: Store, actor: Actor, p: DeadPerson): void {
  const agreements = store
    .prepare(`SELECT id, start_date FROM care_agreements WHERE person_id = ? AND deleted_at IS NULL AND status = 'signed' AND end_date >= ?`)
    .all(p.id, p.died_on) as { id: string; start_date: string }[];
  for (const a of agreements) {
    const on = later(p.died_on, a.start_date);
    store.update('care_agreements', a.id, { status: 'terminated', terminatedDate: on, terminationReason: DEATH_REASON, terminationCode: DEATH_CODE }, actor, {
      action: 'care.terminateAgreement',
      summary: `解除照料协议：${p.name}，原因：${DEATH_REASON}（${on}）`,
    });
  }
  const cards = store
    .prepare(`SELECT id, card_number, valid_from FROM care_cards WHERE person_id = ? AND deleted_at IS NULL AND status = 'active'`)
    .all(p.id) as { id: string; card_number: string; valid_from: string }[];
  for (const k of cards) {
    const on = later(p.died_on, k.valid_from);
    store.update('care_cards', k.id, { status: 'cancelled', endedDate: on, endReason: DEATH_REASON, endCode: DEATH_CODE }, actor, {
      action: 'care.cancelCard',
      summary: `注销照料服务卡 ${k.card_number}，原因：${DEATH_REASON}（${on}）`,
    });
  }
}

/** A ledger item on the household: its remaining members' assistance is to be assessed again. */
function openReview(store: Store, actor: Actor, p: DeadPerson, source: string | null): void {
  createItem(store, actor, {
    source: 'department',
    householdId: p.household_id,
    personId: p.id,
    category: 'living',
    urgency: '2',
    immediate: false,
    description: `${DEATH_REVIEW}：${p.name}于 ${p.died_on} 死亡${source ? `（${source}）` : ''}，请对家庭其余成员重新核定救助资格和保障金额`.slice(0, 500),
    handlerName: null,
    dueAt: null,
    origin: DEATH_REVIEW_ORIGIN,
  });
}
