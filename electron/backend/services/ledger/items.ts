/**
 * Registering issue-ledger items: deadlines from the urgency limits and holiday calendar in force
 * on the day of registration, and the first event of the item's append-only timeline.
 */
import { AppError } from '../../../../shared/errors';
import { itemDeadlines } from '../../../../shared/ledger/deadlines';
import type { CreateItemInput } from '../../../../shared/ledger/schemas';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Actor, Store } from '../../store/store';
import { ledgerTermsOn } from '../policy/ledger';
import { householdScope } from '../registry/scope';
import { ledgerNumber } from './numbers';

export interface NewItem extends CreateItemInput {
  visitId?: string | null;
  watchId?: string | null;
  /** Set only by a rule of the app that opens the item (ledger_items.origin). */
  origin?: string | null;
}

function checkPerson(store: Store, householdId: string, personId: string | null): void {
  if (!personId) return;
  const p = store.prepare('SELECT household_id FROM persons WHERE id = ? AND deleted_at IS NULL').get(personId) as
    | { household_id: string }
    | undefined;
  if (!p || p.household_id !== householdId) {
    throw new AppError('invalid-input', '当事人不是该家庭的成员', { field: 'personId' });
  }
}

/** Appends an event to an item's timeline. Events are never updated. */
export function addEvent(
  store: Store,
  actor: Actor,
  itemId: string,
  e: { kind: string; fromStatus?: string | null; toStatus?: string | null; note?: string | null },
): void {
  store.insert(
    'ledger_events',
    {
      streetCode: actor.streetCode,
      itemId,
      at: store.nowIso(),
      userId: actor.userId,
      username: actor.username,
      kind: e.kind,
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus ?? null,
      note: e.note ?? null,
    },
    actor,
    null,
  );
}

/** `published`: the item comes from a district device; see ledgerTermsOn. */
export function createItem(store: Store, actor: Actor, input: NewItem, opts: { published?: boolean } = {}): string {
  return store.tx(() => {
    const h = householdScope(store, actor.streetCode, input.householdId);
    checkPerson(store, h.id, input.personId);
    const now = store.nowIso();
    const today = shanghaiDate(store.nowDate());
    const { limits, calendar } = ledgerTermsOn(store, actor.streetCode, today, opts);
    const { verifyDueAt, dueAt } = itemDeadlines(now, input.urgency, input.immediate, input.dueAt, limits, calendar);
    const ofDay = (store.prepare('SELECT count(*) AS n FROM ledger_items WHERE substr(item_no, 4, 8) = ?').get(today.replace(/-/g, '')) as { n: number }).n;
    const itemNo = ledgerNumber('WT', today, ofDay + 1, store.nodeId);
    const id = store.insert(
      'ledger_items',
      {
        streetCode: actor.streetCode,
        itemNo,
        source: input.source,
        householdId: h.id,
        personId: input.personId,
        communityId: h.community_id,
        gridId: h.grid_id,
        category: input.category,
        urgency: input.urgency,
        immediate: input.immediate,
        description: input.description,
        status: 'pending',
        registeredAt: now,
        verifyDueAt,
        dueAt,
        handlerName: input.handlerName ?? null,
        visitId: input.visitId ?? null,
        watchId: input.watchId ?? null,
        origin: input.origin ?? null,
      },
      actor,
      { action: 'ledger.create', summary: `登记问题台账 ${itemNo}` },
    );
    addEvent(store, actor, id, { kind: 'created', toStatus: 'pending', note: input.description });
    return id;
  });
}
