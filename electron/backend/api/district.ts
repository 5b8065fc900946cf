/**
 * District scope in the handlers. A district device (enrolled with a district code) holds every
 * street's rows; its users (street_code 'district') read across streets and write into the
 * partition of the street a row belongs to, so street devices receive it. A street device's users
 * keep their own street: `streetCode` inputs cannot widen what they see.
 */
import { AppError } from '../../../shared/errors';
import { DISTRICT_PARTITION } from '../../../shared/sync/wire';
import type { Actor, Store } from '../store/store';
import type { CallContext } from './context';

export function isDistrictUser(ctx: CallContext): boolean {
  return ctx.user?.streetCode === DISTRICT_PARTITION;
}

/** The street to read: a district user's choice (null: every street), else the user's own street. */
export function readScope(ctx: CallContext, chosen?: string): string | null {
  return isDistrictUser(ctx) ? (chosen ?? null) : ctx.actor.streetCode;
}

/** The actor that writes into a street's partition: a district user acts in the chosen street. */
export function actorIn(ctx: CallContext, streetCode: string | undefined, field = 'streetCode'): Actor {
  if (!isDistrictUser(ctx)) return ctx.actor;
  if (!streetCode) throw new AppError('invalid-input', '请选择街道', { field });
  const known = ctx.store.prepare('SELECT 1 FROM streets WHERE code = ? AND deleted_at IS NULL').get(streetCode);
  if (!known) throw new AppError('not-found', '该街道不存在或尚未同步到本机', { field });
  return { ...ctx.actor, streetCode };
}

/** The street a row of a synced table belongs to (for a district user's writes to it). */
export function streetOfRow(store: Store, table: 'ledger_items' | 'referrals' | 'watch_entries', id: string): string | undefined {
  const r = store.prepare(`SELECT street_code FROM ${table} WHERE id = ?`).get(id) as { street_code: string } | undefined;
  return r?.street_code;
}

/** The street a household belongs to (a district user's watch entry goes into its partition). */
export function householdStreet(store: Store, householdId: string): string | undefined {
  const r = store.prepare('SELECT street_code FROM households WHERE id = ? AND deleted_at IS NULL').get(householdId) as
    | { street_code: string }
    | undefined;
  return r?.street_code;
}
