/** A referral's receipt and reply from the department; the item stays open until the reply. */
import { AppError } from '../../../../shared/errors';
import { DEPARTMENTS } from '../../../../shared/ledger/codes';
import { labelOf } from '../../../../shared/codes';
import type { Actor, Store } from '../../store/store';
import { addEvent } from './items';

interface ReferralState {
  id: string;
  item_id: string;
  department: string;
  received_on: string | null;
  replied_on: string | null;
  status: string;
  sent_on: string;
}

function loadReferral(store: Store, streetCode: string, id: string): ReferralState {
  const r = store
    .prepare(
      `SELECT r.id, r.item_id, r.department, r.received_on, r.replied_on, r.sent_on, i.status FROM referrals r
       JOIN ledger_items i ON i.id = r.item_id WHERE r.id = ? AND r.street_code = ? AND r.deleted_at IS NULL`,
    )
    .get(id, streetCode) as ReferralState | undefined;
  if (!r) throw new AppError('not-found', '转介记录不存在', { field: 'referralId' });
  if (r.status !== 'referred') throw new AppError('invalid-transition', '事项已不在“已转介”状态，不能登记部门签收或回复');
  return r;
}

export function recordReceipt(store: Store, actor: Actor, referralId: string, receivedOn: string): void {
  store.tx(() => {
    const r = loadReferral(store, actor.streetCode, referralId);
    if (r.received_on) throw new AppError('invalid-transition', `该转介已于 ${r.received_on} 签收`);
    if (receivedOn < r.sent_on) throw new AppError('invalid-input', '签收日期不能早于转介日期', { field: 'receivedOn' });
    store.update('referrals', r.id, { receivedOn }, actor, { action: 'ledger.referralReceipt', summary: '登记转介签收' });
    addEvent(store, actor, r.item_id, { kind: 'referral-receipt', note: `${labelOf(DEPARTMENTS, r.department)}于 ${receivedOn} 签收` });
  });
}

export function recordReply(store: Store, actor: Actor, referralId: string, repliedOn: string, reply: string): void {
  store.tx(() => {
    const r = loadReferral(store, actor.streetCode, referralId);
    if (r.replied_on) throw new AppError('invalid-transition', `该转介已于 ${r.replied_on} 回复`);
    if (repliedOn < r.sent_on) throw new AppError('invalid-input', '回复日期不能早于转介日期', { field: 'repliedOn' });
    store.update('referrals', r.id, { repliedOn, reply, receivedOn: r.received_on ?? repliedOn }, actor, {
      action: 'ledger.referralReply',
      summary: '登记部门回复',
    });
    addEvent(store, actor, r.item_id, { kind: 'referral-reply', note: `${labelOf(DEPARTMENTS, r.department)}回复：${reply}` });
  });
}
