/**
 * 更正死亡日期 (issue 17): once the person's date of death is corrected, what the death stopped follows
 * the new date. Payments follow by themselves (death-end.ts reads the date: a later date makes the months
 * now before the death due again, an earlier one makes more months recoverable, each settled by the next
 * unconfirmed batch; confirmed batches never change). What the death wrote with the old date is moved:
 * the exit month of the enrolments it ended, the month the household's 低保 counts one fewer from, and the
 * end date of the care agreements and cards it ended. Each moved step is replaced by a new step that
 * names the one it corrects (the old one is kept, marked deleted), so the record reads as it happened.
 * 撤销死亡登记 is the same move to "never" (`to` null): the ended enrolments run again (death-withdrawal.ts).
 */
import { addMonths, monthOf } from '../../../../shared/policy/months';
import type { Actor, Store } from '../../store/store';
import { DEATH_CODE, DEATH_REASON } from './death-stop';
import { deathStopMonth } from './death-end';
import type { EnrolmentDbRow } from './amounts';
import { replaceStep, type StepRow } from './enrolment-steps';
import { reopenEnrolment, restoreCare, restoreCovered } from './death-withdrawal';

interface Corrected {
  id: string;
  name: string;
  household_id: string;
  /** The date as recorded before, and as corrected (already written on the person); null: the death withdrawn. */
  from: string;
  to: string | null;
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

export function moveDeathEffects(store: Store, actor: Actor, p: Corrected): void {
  const note = p.to === null ? `撤销死亡登记：${p.name}（原登记死亡日期 ${p.from}）` : `死亡日期更正：${p.name} ${p.from} → ${p.to}`;
  // Exits by death of the person's own enrolments and the household's (a household programme stops after its last death).
  const steps = store
    .prepare(
      `SELECT s.id, s.enrolment_id, s.step, s.detail FROM enrolment_steps s JOIN enrolments e ON e.id = s.enrolment_id
        WHERE (e.person_id = ? OR (e.household_id = ? AND e.person_id IS NULL)) AND e.deleted_at IS NULL AND s.deleted_at IS NULL
          AND json_extract(s.detail, '$.path') = 'death'
          AND (s.step = 'exit' OR (s.step = 'member-change' AND json_extract(s.detail, '$.personId') = ?))`,
    )
    .all(p.id, p.household_id, p.id) as StepRow[];
  for (const s of steps) {
    const e = store.prepare('SELECT * FROM enrolments WHERE id = ?').get(s.enrolment_id) as EnrolmentDbRow;
    const d = JSON.parse(s.detail) as Record<string, unknown> & { month?: string; fromMonth?: string };
    if (s.step === 'exit') {
      const stop = deathStopMonth(store, e);
      if (p.to === null && !stop && e.status === 'exited' && e.end_month === d.month) {
        reopenEnrolment(store, actor, e, s, note);
        continue;
      }
      // Only an end the death set (a later exit by another path keeps its own month).
      if (!stop || stop === d.month || e.end_month !== d.month) continue;
      store.update('enrolments', e.id, { endMonth: stop }, actor, {
        action: 'assistance.exit',
        summary: `${note}：保障记录改为 ${stop} 起停发（原 ${d.month}）`,
        detail: { path: 'death', personId: p.id, month: stop, correctedFrom: d.month },
      });
      replaceStep(store, actor, s, { ...d, month: stop, corrects: s.id }, note);
    } else if (p.to === null) {
      restoreCovered(store, actor, e, s, note);
    } else {
      const fromMonth = addMonths(monthOf(p.to), 1);
      if (fromMonth === d.fromMonth) continue;
      replaceStep(store, actor, s, { ...d, fromMonth, corrects: s.id }, `${note}：低保保障人数自 ${fromMonth} 起减少（原 ${d.fromMonth}）`);
    }
  }
  if (p.to === null) restoreCare(store, actor, p.id, note);
  else moveCare(store, actor, { ...p, to: p.to });
}

/** Agreements and cards the death ended end on the new date (not before they began, nor after an agreement's term). */
function moveCare(store: Store, actor: Actor, p: Corrected & { to: string }): void {
  const agreements = store
    .prepare(`SELECT id, start_date, end_date FROM care_agreements WHERE person_id = ? AND deleted_at IS NULL AND status = 'terminated' AND termination_code = ?`)
    .all(p.id, DEATH_CODE) as { id: string; start_date: string; end_date: string }[];
  for (const a of agreements) {
    const on = earlier(later(p.to, a.start_date), a.end_date);
    store.update('care_agreements', a.id, { terminatedDate: on }, actor, {
      action: 'care.terminateAgreement',
      summary: `照料协议解除日期随死亡日期更正为 ${on}，原因：${DEATH_REASON}`,
    });
  }
  const cards = store
    .prepare(`SELECT id, card_number, valid_from FROM care_cards WHERE person_id = ? AND deleted_at IS NULL AND status = 'cancelled' AND end_code = ?`)
    .all(p.id, DEATH_CODE) as { id: string; card_number: string; valid_from: string }[];
  for (const k of cards) {
    const on = later(p.to, k.valid_from);
    store.update('care_cards', k.id, { endedDate: on }, actor, {
      action: 'care.cancelCard',
      summary: `照料服务卡 ${k.card_number} 注销日期随死亡日期更正为 ${on}，原因：${DEATH_REASON}`,
    });
  }
}
