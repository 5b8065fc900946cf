/**
 * An urgent 临时救助 application and its 一级 ledger item are one case: the item follows the
 * application's decisions, so supervision sees it handled when the aid is approved and closed
 * (办结销号) when the aid is paid or refused, instead of a false overdue item. These steps are the
 * application's own, taken by whoever may decide it: the ledger's role rules do not apply to them.
 */
import type { LedgerStatus } from '../../../../shared/ledger/codes';
import type { Actor, Store } from '../../store/store';
import { addEvent } from './items';

export type ApplicationOutcome =
  | { kind: 'approved'; note: string | null }
  | { kind: 'paid'; amountText: string }
  | { kind: 'rejected'; note: string | null }
  | { kind: 'referred'; referral: string };

const OPEN: readonly LedgerStatus[] = ['pending', 'verifying', 'handling', 'referred'];

/** `papersOwed`: a 先行救助's papers still owed, kept in the item's history (it still closes with payment). */
export function followApplication(store: Store, actor: Actor, itemId: string, outcome: ApplicationOutcome, papersOwed: string | null = null): void {
  const item = store
    .prepare('SELECT id, item_no, status FROM ledger_items WHERE id = ? AND street_code = ? AND deleted_at IS NULL')
    .get(itemId, actor.streetCode) as { id: string; item_no: string; status: LedgerStatus } | undefined;
  // A case closed by hand (or reopened and closed again) in the ledger is left as the user left it.
  if (!item || !OPEN.includes(item.status)) return;
  const now = store.nowIso();
  const step = ((): { to: LedgerStatus; patch: Record<string, unknown>; note: string; label: string } => {
    switch (outcome.kind) {
      case 'approved':
        return { to: 'handling', patch: { verification: '临时救助申请已审批' }, note: ['临时救助已审批', outcome.note].filter(Boolean).join('：'), label: '审批' };
      case 'referred':
        return { to: 'handling', patch: {}, note: `临时救助转介：${outcome.referral}`, label: '转介' };
      case 'paid':
        return {
          to: 'closed',
          patch: { measures: `发放临时救助金 ${outcome.amountText}`, result: '已发放', closedAt: now },
          note: `措施：发放临时救助金 ${outcome.amountText}；结果：已发放`,
          label: '发放',
        };
      case 'rejected':
        return {
          to: 'closed',
          patch: { measures: '临时救助申请审核', result: `不予救助${outcome.note ? `：${outcome.note}` : ''}`, closedAt: now },
          note: `不予救助${outcome.note ? `：${outcome.note}` : ''}`,
          label: '不予救助',
        };
    }
  })();
  const to = item.status === 'referred' && step.to === 'handling' ? 'referred' : step.to;
  store.update('ledger_items', item.id, { status: to, ...step.patch }, actor, {
    action: 'ledger.application',
    summary: `问题台账 ${item.item_no}：随临时救助申请${step.label}`,
  });
  const note = papersOwed ? `${step.note}（先行救助，${papersOwed}）` : step.note;
  addEvent(store, actor, item.id, { kind: `application:${outcome.kind}`, fromStatus: item.status, toStatus: to, note });
}
