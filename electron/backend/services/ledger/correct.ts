/**
 * Correcting an item after registration: its 类别 (reclassify) and 紧急程度 (regrade), each with a
 * reason, audited and in the item's timeline. A regrade recomputes both deadlines from the original
 * registration with the limits and calendar in force that day (the one rule, itemDeadlines), so a
 * late correction neither forgives nor adds time; a deadline the sender set is kept.
 */
import { SUPERVISORS } from '../../../../shared/api/proc';
import type { Role } from '../../../../shared/codes';
import { labelOf } from '../../../../shared/codes';
import { AppError } from '../../../../shared/errors';
import { LEDGER_CATEGORIES } from '../../../../shared/ledger/codes';
import { itemDeadlines, sameInstant, URGENCY_GRADES, type UrgencyGrade } from '../../../../shared/ledger/deadlines';
import type { CorrectItemInput } from '../../../../shared/ledger/schemas';
import { isOpen } from '../../../../shared/ledger/transitions';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Actor, Store } from '../../store/store';
import { ledgerTermsOn } from '../policy/ledger';
import { shanghaiDateTime } from '../registry/excel-cells';
import { addEvent } from './items';
import { loadItemState, type ItemState } from './transition';

/** The deadlines of the item as if it had been registered with the grade. */
function regraded(store: Store, street: string, item: ItemState, urgency: UrgencyGrade) {
  const day = shanghaiDate(new Date(item.registered_at));
  // An item made by a district device or from a clue may predate the street's own limits: the published default then.
  const { limits, calendar: cal } = ledgerTermsOn(store, street, day, { published: true });
  const immediate = item.immediate === 1;
  const own = itemDeadlines(item.registered_at, item.urgency as UrgencyGrade, immediate, null, limits, cal);
  // A completion deadline that is not the grade's own came with the item (a clue's, an application's).
  // Compared as instants: an older PC may have stored the same deadline with its offset.
  const sender = sameInstant(item.due_at, own.dueAt) ? null : item.due_at;
  return itemDeadlines(item.registered_at, urgency, immediate, sender, limits, cal);
}

export function correctItem(store: Store, actor: Actor, role: Role, input: CorrectItemInput): void {
  store.tx(() => {
    const item = loadItemState(store, actor.streetCode, input.id);
    const category = input.category && input.category !== item.category ? input.category : null;
    const urgency = input.urgency && input.urgency !== item.urgency ? input.urgency : null;
    if (!category && !urgency) {
      throw new AppError('invalid-input', '问题类别和紧急程度都没有改变：请选择更正后的类别或紧急程度', {
        field: input.urgency ? 'urgency' : 'category',
      });
    }
    if (urgency && !SUPERVISORS.includes(role)) {
      throw new AppError('forbidden', '调整紧急程度会改变处置时限，须由街道负责人或管理员操作', { field: 'urgency' });
    }
    if (urgency && !isOpen(item.status)) {
      throw new AppError('invalid-transition', '事项已销号，不能再调整紧急程度', { field: 'urgency' });
    }
    if (category) {
      const change = `问题类别：${labelOf(LEDGER_CATEGORIES, item.category)} → ${labelOf(LEDGER_CATEGORIES, category)}`;
      store.update('ledger_items', item.id, { category }, actor, { action: 'ledger.reclassify', summary: `问题台账 ${item.item_no}：${change}` });
      addEvent(store, actor, item.id, { kind: 'reclassify', note: `${change}；原因：${input.reason}` });
    }
    if (urgency) {
      const d = regraded(store, actor.streetCode, item, urgency);
      const change = `紧急程度：${labelOf(URGENCY_GRADES, item.urgency)} → ${labelOf(URGENCY_GRADES, urgency)}`;
      store.update('ledger_items', item.id, { urgency, verifyDueAt: d.verifyDueAt, dueAt: d.dueAt }, actor, {
        action: 'ledger.regrade',
        summary: `问题台账 ${item.item_no}：${change}`,
      });
      const limits = `按登记时间重算：核查时限 ${shanghaiDateTime(d.verifyDueAt)}，处置时限 ${shanghaiDateTime(d.dueAt)}`;
      addEvent(store, actor, item.id, { kind: 'regrade', note: `${change}（${limits}）；原因：${input.reason}` });
    }
  });
}
