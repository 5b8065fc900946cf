/** ledger.* procedures. */
import { shanghaiDateTime } from '../services/registry/excel-cells';
import { currentStreet } from '../services/setup/street';
import { exportLedger } from '../services/ledger/export';
import { createItem } from '../services/ledger/items';
import { clueDetail, convertClue, dismissClue, getClue, listClues } from '../services/ledger/clues';
import { AppError } from '../../../shared/errors';
import { allItems, escalations, itemDetail, listItems, lookBack } from '../services/ledger/read';
import { recordReceipt, recordReply } from '../services/ledger/referrals';
import { applyTransition } from '../services/ledger/transition';
import { correctItem } from '../services/ledger/correct';
import { addWatch, endWatch, listWatch, promoteWatch } from '../services/ledger/watch';
import type { CallContext } from './context';
import { requireUser } from './context';
import type { AreaHandlers } from './handlers';
import { actorIn, householdStreet, isDistrictUser, readScope, streetOfRow } from './district';

function detail(ctx: CallContext, id: string) {
  return itemDetail(ctx.store, readScope(ctx), id, requireUser(ctx).role);
}

/** The actor for a write to an existing item (a district user acts in the item's street). */
function itemActor(ctx: CallContext, table: 'ledger_items' | 'referrals', id: string) {
  return isDistrictUser(ctx) ? actorIn(ctx, streetOfRow(ctx.store, table, id) ?? '', 'id') : ctx.actor;
}

/** 待登记线索 are registered and converted at the street; a district device only sees them. */
function streetOnly(ctx: CallContext): void {
  if (isDistrictUser(ctx)) throw new AppError('forbidden', '待登记线索由街道登记立项或不予立项，区级设备只能查看');
}

function referralItem(ctx: CallContext, referralId: string): string {
  return (ctx.store.prepare('SELECT item_id FROM referrals WHERE id = ?').get(referralId) as { item_id: string }).item_id;
}

export function ledgerHandlers(): AreaHandlers<'ledger.'> {
  return {
    'ledger.create': (input, ctx) => {
      if (!isDistrictUser(ctx)) return detail(ctx, createItem(ctx.store, ctx.actor, input));
      // A clue or assignment from the district, into the chosen street's partition. A street
      // bootstrapped from the server may not have set its time limits yet: the published default.
      const actor = actorIn(ctx, input.streetCode);
      return detail(ctx, createItem(ctx.store, actor, input, { published: true }));
    },
    'ledger.list': (input, ctx) => listItems(ctx.store, readScope(ctx, input.streetCode), input),
    'ledger.get': (input, ctx) => detail(ctx, input.id),
    'ledger.transition': (input, ctx) => {
      const u = requireUser(ctx);
      applyTransition(ctx.store, itemActor(ctx, 'ledger_items', input.id), u.role, input, u.displayName);
      return detail(ctx, input.id);
    },
    'ledger.correct': (input, ctx) => {
      correctItem(ctx.store, itemActor(ctx, 'ledger_items', input.id), requireUser(ctx).role, input);
      return detail(ctx, input.id);
    },
    'ledger.referralReceipt': (input, ctx) => {
      recordReceipt(ctx.store, itemActor(ctx, 'referrals', input.referralId), input.referralId, input.receivedOn);
      return detail(ctx, referralItem(ctx, input.referralId));
    },
    'ledger.referralReply': (input, ctx) => {
      recordReply(ctx.store, itemActor(ctx, 'referrals', input.referralId), input.referralId, input.repliedOn, input.reply);
      return detail(ctx, referralItem(ctx, input.referralId));
    },
    'ledger.escalations': (_input, ctx) => escalations(ctx.store, readScope(ctx)),
    'ledger.lookBack': (input, ctx) => lookBack(ctx.store, readScope(ctx, input.streetCode), input.from, input.to, input.samplePercent),
    'ledger.export': (input, ctx) => exportLedger(ctx.store, ctx.actor, input, readScope(ctx, input.streetCode)),
    'ledger.printList': (input, ctx) => {
      const { store } = ctx;
      const street = currentStreet(store);
      return {
        streetName: street?.name ?? '',
        officeName: street?.officeName ?? '',
        printedAt: shanghaiDateTime(store.nowIso()),
        rows: allItems(store, readScope(ctx, input.streetCode), input),
      };
    },
    'ledger.watchList': (input, ctx) => listWatch(ctx.store, readScope(ctx, input.streetCode), input.status),
    'ledger.watchAdd': (input, ctx) => {
      // A district user adds in the street of the household (the household's partition).
      const street = isDistrictUser(ctx) ? householdStreet(ctx.store, input.householdId) : undefined;
      const actor = actorIn(ctx, street, 'householdId');
      addWatch(ctx.store, actor, input);
      return listWatch(ctx.store, readScope(ctx, street));
    },
    'ledger.watchPromote': (input, ctx) => detail(ctx, promoteWatch(ctx.store, actorIn(ctx, streetOfRow(ctx.store, 'watch_entries', input.id), 'id'), input)),
    'ledger.watchEnd': (input, ctx) => {
      const street = streetOfRow(ctx.store, 'watch_entries', input.id);
      endWatch(ctx.store, actorIn(ctx, street, 'id'), input.id, input.reason);
      return listWatch(ctx.store, readScope(ctx, street));
    },
    'ledger.clueList': (input, ctx) => listClues(ctx.store, readScope(ctx, input.streetCode), input.status),
    'ledger.clueGet': (input, ctx) => clueDetail(ctx.store, ctx.actor, readScope(ctx), input.id),
    'ledger.clueConvert': (input, ctx) => {
      streetOnly(ctx);
      return detail(ctx, convertClue(ctx.store, ctx.actor, input, requireUser(ctx).displayName));
    },
    'ledger.clueDismiss': (input, ctx) => {
      streetOnly(ctx);
      dismissClue(ctx.store, ctx.actor, input.id, input.reason, requireUser(ctx).displayName);
      return getClue(ctx.store, readScope(ctx), input.id);
    },
  };
}
