/**
 * The due orders kept between visits, and the last visits they are moved by. A kept order remembers
 * the last entry of household_last_visit_changes (a trigger-kept log, migration
 * 20261206104519_last_visit_changes) it has seen; after a visit it reads only the households logged
 * since (a handful of rows), not the whole household_last_visit. The whole table is read when
 * nothing is kept, or when the entries it needs were pruned (more than LOG_KEPT changes since).
 */
import { isCalendarDate } from '../../../../shared/text/vocabulary';
import type { Store } from '../../store/store';
import { tableChanges } from '../../store/table-changes';
import type { DueOrder } from './due-order';

/** Entries the log keeps (the migration's triggers prune the older ones). */
export const LOG_KEPT = 4096;

/**
 * Latest live visit per household, from the trigger-maintained household_last_visit table. A date
 * that is not a calendar day (stored by an older PC before the boundary checked it) counts as no
 * visit rather than failing the whole list.
 */
export function lastVisits(store: Store): Map<string, string> {
  const rows = store.prepare('SELECT household_id, last_visited_on FROM household_last_visit').raw(true).all() as [string, string][];
  return new Map(rows.filter(([, on]) => isCalendarDate(on)));
}

/** The last entry of the log now (read before the table: a change in between is only read twice). */
export function lastVisitSeq(store: Store): number {
  return store.prepare('SELECT coalesce(max(seq), 0) FROM household_last_visit_changes').pluck().get() as number;
}

/**
 * The households whose last visit changed after entry `seq`, each with its last visit now (null:
 * none), and the log's last entry; null when entries after `seq` were pruned (read the whole table).
 */
export function lastVisitChanges(store: Store, seq: number): { seq: number; changes: Map<string, string | null> } | null {
  const logged = store
    .prepare('SELECT seq, household_id FROM household_last_visit_changes WHERE seq > ? ORDER BY seq LIMIT ?')
    .raw(true)
    .all(seq, LOG_KEPT + 1) as [number, string][];
  if (logged.length === 0) return { seq, changes: new Map() };
  // Seqs are given one after another (a rolled-back write gives its seq back): a gap is a pruned entry.
  if (logged[0]![0] !== seq + 1 || logged.length > LOG_KEPT) return null;
  const ids = [...new Set(logged.map((r) => r[1]))];
  const rows = store
    .prepare('SELECT household_id, last_visited_on FROM household_last_visit WHERE household_id IN (SELECT value FROM json_each(?))')
    .raw(true)
    .all(JSON.stringify(ids)) as [string, string][];
  const now = new Map(rows.filter(([, on]) => isCalendarDate(on)));
  return { seq: logged[logged.length - 1]![0], changes: new Map(ids.map((id) => [id, now.get(id) ?? null])) };
}

interface Kept<H> {
  inputs: string;
  order: DueOrder<H>;
  /** The log's last entry the order has seen. */
  seq: number;
  forgotten: number;
}

/** One per scope (its inputs, the households and the day, must match to be reused), a few scopes at once. */
const orders = new WeakMap<Store, Map<string, Kept<unknown>>>();
const ORDERS_KEPT = 16;

export function keptOrder<H>(store: Store, scopeKey: string, inputs: string): { order: DueOrder<H>; seq: number } | undefined {
  const k = orders.get(store)?.get(scopeKey) as Kept<H> | undefined;
  if (!k || k.forgotten !== tableChanges(store.sqlite).forgotten || k.inputs !== inputs) return undefined; // cold: nothing kept
  return k;
}

export function keepOrder<H>(store: Store, scopeKey: string, inputs: string, order: DueOrder<H>, seq: number): void {
  let m = orders.get(store);
  if (!m) orders.set(store, (m = new Map()));
  m.delete(scopeKey);
  // Inside a transaction the log's entries may yet be rolled back and their seqs given again.
  if (store.sqlite.inTransaction) return;
  if (m.size >= ORDERS_KEPT) m.delete(m.keys().next().value!);
  m.set(scopeKey, { inputs, order, seq, forgotten: tableChanges(store.sqlite).forgotten } as Kept<unknown>);
}
