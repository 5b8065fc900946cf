/** ledger.* procedures. */
import { shanghaiDateTime } from '../services/registry/excel-cells';
import { currentStreet } from '../services/setup/street';
import { exportLedger } from '../services/ledger/export';
import { createItem } from '../services/ledger/items';
import { allItems, escalations, itemDetail, listItems, lookBack } from '../services/ledger/read';
import { recordReceipt, recordReply } from '../services/ledger/referrals';
import { applyTransition } from '../services/ledger/transition';
import { addWatch, endWatch, listWatch, promoteWatch } from '../services/ledger/watch';
import type { CallContext } from './context';
import { requireUser } from './context';
import type { AreaHandlers } from './handlers';

function detail(ctx: CallContext, id: string) {
  return itemDetail(ctx.store, ctx.actor.streetCode, id, requireUser(ctx).role);
}

function referralItem(ctx: CallContext, referralId: string): string {
  return (ctx.store.prepare('SELECT item_id FROM referrals WHERE id = ?').get(referralId) as { item_id: string }).item_id;
}

export function ledgerHandlers(): AreaHandlers<'ledger.'> {
  return {
    'ledger.create': (input, ctx) => detail(ctx, createItem(ctx.store, ctx.actor, input)),
    'ledger.list': (input, { store, actor }) => listItems(store, actor.streetCode, input),
    'ledger.get': (input, ctx) => detail(ctx, input.id),
    'ledger.transition': (input, ctx) => {
      const u = requireUser(ctx);
      applyTransition(ctx.store, ctx.actor, u.role, input, u.displayName);
      return detail(ctx, input.id);
    },
    'ledger.referralReceipt': (input, ctx) => {
      recordReceipt(ctx.store, ctx.actor, input.referralId, input.receivedOn);
      return detail(ctx, referralItem(ctx, input.referralId));
    },
    'ledger.referralReply': (input, ctx) => {
      recordReply(ctx.store, ctx.actor, input.referralId, input.repliedOn, input.reply);
      return detail(ctx, referralItem(ctx, input.referralId));
    },
    'ledger.escalations': (_input, { store, actor }) => escalations(store, actor.streetCode),
    'ledger.lookBack': (input, { store, actor }) => lookBack(store, actor.streetCode, input.from, input.to, input.samplePercent),
    'ledger.export': (input, { store, actor }) => exportLedger(store, actor, input),
    'ledger.printList': (input, { store, actor }) => {
      const street = currentStreet(store);
      return {
        streetName: street?.name ?? '',
        officeName: street?.officeName ?? '',
        printedAt: shanghaiDateTime(store.nowIso()),
        rows: allItems(store, actor.streetCode, input),
      };
    },
    'ledger.watchList': (input, { store, actor }) => listWatch(store, actor.streetCode, input.status),
    'ledger.watchAdd': (input, { store, actor }) => {
      addWatch(store, actor, input);
      return listWatch(store, actor.streetCode);
    },
    'ledger.watchPromote': (input, ctx) => detail(ctx, promoteWatch(ctx.store, ctx.actor, input)),
    'ledger.watchEnd': (input, { store, actor }) => {
      endWatch(store, actor, input.id, input.reason);
      return listWatch(store, actor.streetCode);
    },
  };
}
