/**
 * Moving an item through the status machine (shared/ledger/transitions.ts). The check runs before
 * anything is written: a refused transition writes nothing. An allowed one updates the item,
 * appends its event and, for a referral, creates the referral, all in one transaction.
 */
import type { Role } from '../../../../shared/codes';
import { AppError } from '../../../../shared/errors';
import type { LedgerStatus } from '../../../../shared/ledger/codes';
import { deadlineAfter } from '../../../../shared/ledger/deadlines';
import type { TransitionInputApi } from '../../../../shared/ledger/schemas';
import { checkTransition, LEDGER_ACTIONS } from '../../../../shared/ledger/transitions';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Actor, Store } from '../../store/store';
import { ledgerTermsOn } from '../policy/ledger';
import { addEvent } from './items';
import { duplicateTarget } from './duplicates';

export interface ItemState {
  id: string;
  item_no: string;
  status: LedgerStatus;
  handler_name: string | null;
  household_id: string;
  category: string;
  urgency: string;
  immediate: number;
  registered_at: string;
  verify_due_at: string;
  due_at: string;
}

export function loadItemState(store: Store, streetCode: string, id: string): ItemState {
  const row = store
    .prepare(
      `SELECT id, item_no, status, handler_name, household_id, category, urgency, immediate, registered_at, verify_due_at, due_at
         FROM ledger_items WHERE id = ? AND street_code = ? AND deleted_at IS NULL`,
    )
    .get(id, streetCode) as ItemState | undefined;
  if (!row) throw new AppError('not-found', '台账事项不存在或已被删除', { field: 'id' });
  return row;
}

export function openReferralCount(store: Store, itemId: string): number {
  return (
    store.prepare('SELECT count(*) AS n FROM referrals WHERE item_id = ? AND replied_on IS NULL AND deleted_at IS NULL').get(itemId) as {
      n: number;
    }
  ).n;
}

export function applyTransition(store: Store, actor: Actor, role: Role, input: TransitionInputApi, displayName: string): void {
  store.tx(() => {
    const item = loadItemState(store, actor.streetCode, input.id);
    const check = checkTransition(input.action, {
      status: item.status,
      role,
      openReferrals: openReferralCount(store, item.id),
      note: input.note,
      measures: input.measures,
      result: input.result,
      reason: input.reason,
      department: input.department,
      reviewResult: input.reviewResult,
      duplicateOfId: input.duplicateOfId,
    });
    if (!check.ok) throw new AppError(check.code, check.message, { field: check.field });
    const now = store.nowIso();
    const label = LEDGER_ACTIONS.find((a) => a.code === input.action)!.label;
    const patch: Record<string, unknown> = { status: check.to };
    let note = input.note;
    switch (input.action) {
      case 'start-verify':
        if (!item.handler_name) patch.handlerName = displayName;
        patch.handlerUserId = actor.userId;
        break;
      case 'confirm':
        patch.verification = input.note;
        break;
      case 'refer': {
        const sentOn = input.sentOn ?? shanghaiDate(store.nowDate());
        const today = shanghaiDate(store.nowDate());
        const { limits, calendar } = ledgerTermsOn(store, actor.streetCode, today);
        const followUpAt = deadlineAfter(now, limits.referralFollowUp, calendar);
        store.insert(
          'referrals',
          {
            streetCode: actor.streetCode,
            itemId: item.id,
            department: input.department,
            departmentNote: input.departmentNote,
            sentOn,
            followUpAt,
          },
          actor,
          null,
        );
        note = [input.note, input.departmentNote].filter(Boolean).join('；') || null;
        break;
      }
      case 'close':
        Object.assign(patch, { measures: input.measures, result: input.result, closedAt: now });
        note = `措施：${input.measures}；结果：${input.result}`;
        break;
      case 'review':
        Object.assign(patch, { reviewResult: input.reviewResult, reviewNote: input.note, reviewedAt: now });
        break;
      case 'reopen':
        Object.assign(patch, { closedAt: null, reviewResult: null, reviewNote: null, reviewedAt: null });
        // A closure without assistance leaves nothing to keep: its finding is in the timeline.
        if (item.status === 'unfounded' || item.status === 'duplicate') Object.assign(patch, { result: null, duplicateOfId: null });
        note = input.reason;
        break;
      case 'close-unfounded':
        Object.assign(patch, { result: `核查不属实：${input.reason}`, closedAt: now });
        note = input.reason;
        break;
      case 'close-duplicate': {
        const target = duplicateTarget(store, actor.streetCode, item, input.duplicateOfId!);
        const said = `与 ${target.item_no} 重复`;
        Object.assign(patch, { duplicateOfId: target.id, result: `重复登记：${said}${input.note ? `；${input.note}` : ''}`, closedAt: now });
        note = [said, input.note].filter(Boolean).join('；');
        break;
      }
    }
    store.update('ledger_items', item.id, patch, actor, {
      action: `ledger.${input.action}`,
      summary: `问题台账 ${item.item_no}：${label}`,
    });
    addEvent(store, actor, item.id, {
      kind: input.action === 'refer' ? `refer:${input.department}` : input.action,
      fromStatus: item.status,
      toStatus: check.to,
      note,
    });
  });
}
