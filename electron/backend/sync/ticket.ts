/**
 * The ticket that carries a signed-in user's authority into this PC's pushes of users rows
 * (server/sync/admin-ticket.ts). Obtained at sign-in when online (session.ts requestTicket), kept
 * sealed in local_meta until it expires; a street admin's ticket is not replaced by a lesser one.
 * While the server asks for one and none is held, users changes wait in the outbox (never parked
 * as refused) and the rest goes on.
 */
import type { Store } from '../store/store';

const TICKET_META = 'sync_ticket';
const HOLD_META = 'sync_users_held';
const inFlight = new WeakMap<Store, Promise<unknown>>();

interface Held {
  ticket: string;
  expiresAt: string;
  role: string;
}

function held(store: Store): Held | null {
  const raw = store.getSecretMeta(TICKET_META);
  if (!raw) return null;
  const t = JSON.parse(raw) as Held;
  return Date.parse(t.expiresAt) > store.nowDate().getTime() ? t : null;
}

export function currentTicket(store: Store): string | null {
  return held(store)?.ticket ?? null;
}

export function keepTicket(store: Store, t: Held): void {
  const cur = held(store);
  if (cur?.role === 'street-admin' && t.role !== 'street-admin') return;
  store.tx(() => {
    store.setSecretMeta(TICKET_META, JSON.stringify(t));
    store.setMeta(HOLD_META, '');
  });
}

/** The server refused the ticket (or there was none): drop it, hold users changes until the next. */
export function holdUsersChanges(store: Store): void {
  store.tx(() => {
    store.setSecretMeta(TICKET_META, '');
    store.setMeta(HOLD_META, '1');
  });
}

export function usersHeld(store: Store): boolean {
  return store.getMeta(HOLD_META) === '1';
}

/** A ticket request under way (a sign-in just now): a sync waits for it before pushing. */
export function noteTicketRequest(store: Store, p: Promise<unknown>): void {
  inFlight.set(store, p.catch(() => undefined));
}

export async function ticketRequested(store: Store): Promise<void> {
  await inFlight.get(store);
}
