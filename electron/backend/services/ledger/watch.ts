/** The watch ledger (关注台账): households watched; an entry moves to the issue ledger when a need appears. */
import { AppError } from '../../../../shared/errors';
import type { LedgerCategory } from '../../../../shared/ledger/codes';
import type { UrgencyGrade } from '../../../../shared/ledger/deadlines';
import type { WatchRow } from '../../../../shared/ledger/schemas';
import type { Actor, Store } from '../../store/store';
import { householdScope } from '../registry/scope';
import { createItem } from './items';

export function addWatch(store: Store, actor: Actor, input: { householdId: string; personId: string | null; reason: string }): string {
  return store.tx(() => {
    householdScope(store, actor.streetCode, input.householdId);
    return store.insert(
      'watch_entries',
      { streetCode: actor.streetCode, householdId: input.householdId, personId: input.personId, reason: input.reason, status: 'watching' },
      actor,
      { action: 'ledger.watchAdd', summary: '列入关注台账' },
    );
  });
}

/** `streetCode` null: every street (a district device, which holds them all). */
export function listWatch(store: Store, streetCode: string | null, status?: string): WatchRow[] {
  const rows = store
    .prepare(
      `SELECT w.*, h.address, s.name AS street_name,
        (SELECT p.name FROM persons p WHERE p.household_id = w.household_id AND p.relation = '02' AND p.deleted_at IS NULL LIMIT 1) AS head_name,
        (SELECT p.name FROM persons p WHERE p.id = w.person_id) AS person_name
       FROM watch_entries w JOIN households h ON h.id = w.household_id
       LEFT JOIN streets s ON s.code = w.street_code AND s.deleted_at IS NULL
       WHERE (? IS NULL OR w.street_code = ?) AND w.deleted_at IS NULL AND (? IS NULL OR w.status = ?) ORDER BY w.created_at DESC`,
    )
    .all(streetCode, streetCode, status ?? null, status ?? null) as {
    id: string;
    street_code: string;
    street_name: string | null;
    household_id: string;
    head_name: string | null;
    person_name: string | null;
    address: string;
    reason: string;
    status: string;
    item_id: string | null;
    created_at: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    streetCode: r.street_code,
    streetName: r.street_name ?? r.street_code,
    householdId: r.household_id,
    headName: r.head_name ?? '',
    personName: r.person_name,
    address: r.address,
    reason: r.reason,
    status: r.status,
    itemId: r.item_id,
    createdAt: r.created_at,
  }));
}

export function promoteWatch(
  store: Store,
  actor: Actor,
  input: { id: string; category: LedgerCategory; urgency: UrgencyGrade; description: string },
): string {
  return store.tx(() => {
    const w = store
      .prepare('SELECT * FROM watch_entries WHERE id = ? AND street_code = ? AND deleted_at IS NULL')
      .get(input.id, actor.streetCode) as { id: string; household_id: string; person_id: string | null; status: string } | undefined;
    if (!w) throw new AppError('not-found', '关注记录不存在', { field: 'id' });
    if (w.status !== 'watching') throw new AppError('invalid-transition', '该关注记录已转入问题台账或已解除关注');
    const itemId = createItem(store, actor, {
      source: 'watch',
      householdId: w.household_id,
      personId: w.person_id,
      category: input.category,
      urgency: input.urgency,
      description: input.description,
      handlerName: null,
      immediate: false,
      dueAt: null,
      watchId: w.id,
    });
    store.update('watch_entries', w.id, { status: 'moved', itemId }, actor, {
      action: 'ledger.watchPromote',
      summary: '关注台账转入问题台账',
    });
    return itemId;
  });
}

export function endWatch(store: Store, actor: Actor, id: string, reason: string): void {
  store.tx(() => {
    const w = store.prepare('SELECT status FROM watch_entries WHERE id = ? AND street_code = ? AND deleted_at IS NULL').get(id, actor.streetCode) as
      | { status: string }
      | undefined;
    if (!w) throw new AppError('not-found', '关注记录不存在', { field: 'id' });
    if (w.status !== 'watching') throw new AppError('invalid-transition', '该关注记录已不在关注中');
    store.update('watch_entries', id, { status: 'ended', note: reason }, actor, { action: 'ledger.watchEnd', summary: '解除关注' });
  });
}
