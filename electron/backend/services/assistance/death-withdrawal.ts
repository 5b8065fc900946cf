/**
 * 撤销死亡登记 (a death recorded on the wrong person): what the death wrote is undone step by step, as
 * 更正死亡日期 moves it (death-correction.ts, a death "moved to never"). Each step the death made is kept,
 * marked deleted, and replaced by a step naming the withdrawal and the step it corrects. Payments follow
 * by themselves (death-end.ts reads the cleared date): a 扣回 already confirmed is paid back by a 补发 row
 * of the next batch, one not yet confirmed is no longer listed; confirmed batches never change.
 */
import { shanghaiDate } from '../../../../shared/time/shanghai';
import { creationHlc } from '../../store/creation-order';
import type { Actor, Store } from '../../store/store';
import type { EnrolmentDbRow } from './amounts';
import { DEATH_CODE } from './death-stop';
import { exitUnderWay } from './decisions';
import { replaceStep, type StepRow } from './enrolment-steps';

/** The path named on the steps that replace a withdrawn death's (not 'death': a later death finds only its own). */
export const DEATH_WITHDRAWN_PATH = 'death-withdrawn';

type StepDetail = Record<string, unknown> & { month?: string; priorStatus?: string; priorEndMonth?: string | null; from?: number; to?: number };

/**
 * The state before the death ended it: as the death recorded it. A death recorded before it kept the
 * state (earlier versions) is read from the enrolment's own steps before it, in order: suspend and
 * resume, and the income-rise or review decisions that start a gradual exit (渐退, to its exit month)
 * or end one (stay: full 低保 again). Steps at one instant are taken in the order they were created,
 * as every PC holds it (creation-order.ts), not in the order this PC happened to write them.
 */
export function priorState(store: Store, e: EnrolmentDbRow, d: StepDetail): { status: string; endMonth: string | null } {
  if (d.priorStatus) return { status: d.priorStatus, endMonth: d.priorEndMonth ?? null };
  const steps = store
    .prepare(
      `SELECT s.step, json_extract(s.detail, '$.kind') AS kind FROM enrolment_steps s WHERE s.enrolment_id = ? AND s.deleted_at IS NULL
          AND (s.step IN ('suspend', 'resume') OR json_extract(s.detail, '$.kind') IN ('gradual-exit', 'stay'))
        ORDER BY s.at, ${creationHlc('enrolment_steps', 's.id')}, s.rowid`,
    )
    .all(e.id) as { step: string; kind: string | null }[];
  let state: { status: string; endMonth: string | null } = { status: 'active', endMonth: null };
  for (const s of steps) {
    if (s.step === 'suspend') state = { status: 'suspended', endMonth: null };
    else if (s.step === 'resume') state = { status: 'active', endMonth: null };
    else if (s.kind === 'gradual-exit') state = { status: 'gradual-exit', endMonth: exitUnderWay(store, e.id)?.exit_month ?? null };
    else if (state.status === 'gradual-exit') state = { status: 'active', endMonth: null };
  }
  return state;
}

/** An enrolment the death ended runs again from the month it stopped (those months become due: 补发). */
export function reopenEnrolment(store: Store, actor: Actor, e: EnrolmentDbRow, s: StepRow, note: string): void {
  const d = JSON.parse(s.detail) as StepDetail;
  const prior = priorState(store, e, d);
  store.update('enrolments', e.id, { status: prior.status, endMonth: prior.endMonth }, actor, {
    action: 'assistance.resume',
    summary: `${note}：保障记录恢复，${d.month} 起照常发放`,
    detail: { path: DEATH_WITHDRAWN_PATH, personId: d.personId ?? null, withdrawnMonth: d.month, corrects: s.id },
  });
  replaceStep(store, actor, { ...s, step: 'resume' }, { path: DEATH_WITHDRAWN_PATH, personId: d.personId ?? null, month: d.month, corrects: s.id }, `${note}：恢复发放`);
}

/** The 低保 counts the person again from the month the death had taken them off. */
export function restoreCovered(store: Store, actor: Actor, e: EnrolmentDbRow, s: StepRow, note: string): void {
  const d = JSON.parse(s.detail) as StepDetail;
  if (typeof d.from !== 'number' || typeof d.to !== 'number') return;
  const to = e.covered_persons + (d.from - d.to);
  store.update('enrolments', e.id, { coveredPersons: to }, actor, {
    action: 'assistance.member-change',
    summary: `${note}：低保保障人数 ${e.covered_persons} → ${to}，自 ${String(d.fromMonth)} 起恢复`,
    detail: { path: DEATH_WITHDRAWN_PATH, personId: d.personId, restoredFromMonth: d.fromMonth, corrects: s.id },
  });
  // The new step carries no from/to: coveredIn counts nothing for it, the old one (deleted) no longer counts.
  replaceStep(store, actor, s, { path: DEATH_WITHDRAWN_PATH, personId: d.personId, restoredFromMonth: d.fromMonth, corrects: s.id }, `${note}：保障人数恢复`);
}

/**
 * Agreements and cards the death ended are restored, not re-issued: the same contract and card were
 * ended only by the wrong death. An agreement is signed again on its own term (past its end date it
 * reads as ended by its term, as any other); a card is active again unless past its validity or the
 * person has another active card, then it stays cancelled (a new one is issued the ordinary way).
 */
export function restoreCare(store: Store, actor: Actor, personId: string, note: string): string[] {
  const kept: string[] = [];
  const agreements = store
    .prepare(`SELECT id FROM care_agreements WHERE person_id = ? AND deleted_at IS NULL AND status = 'terminated' AND termination_code = ?`)
    .all(personId, DEATH_CODE) as { id: string }[];
  for (const a of agreements) {
    store.update('care_agreements', a.id, { status: 'signed', terminatedDate: null, terminationReason: null, terminationCode: null }, actor, {
      action: 'care.restoreAgreement',
      summary: `${note}：照料协议恢复履行`,
    });
  }
  const today = shanghaiDate(store.nowDate());
  const active = (store.prepare(`SELECT count(*) AS n FROM care_cards WHERE person_id = ? AND deleted_at IS NULL AND status = 'active'`).get(personId) as { n: number }).n;
  const cards = store
    .prepare(`SELECT id, card_number, valid_to FROM care_cards WHERE person_id = ? AND deleted_at IS NULL AND status = 'cancelled' AND end_code = ? ORDER BY valid_to DESC`)
    .all(personId, DEATH_CODE) as { id: string; card_number: string; valid_to: string }[];
  cards.forEach((k, i) => {
    if (active > 0 || i > 0 || k.valid_to < today) return void kept.push(k.card_number);
    store.update('care_cards', k.id, { status: 'active', endedDate: null, endReason: null, endCode: null }, actor, {
      action: 'care.restoreCard',
      summary: `${note}：照料服务卡 ${k.card_number} 恢复有效`,
    });
  });
  return kept;
}
