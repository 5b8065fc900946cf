/** A result kept until a table it read changes, the day turns, or another connection commits. */
import { shanghaiDate } from '../../../shared/time/shanghai';
import type { Store } from './store';
import { noteRead, recordingReads, tableChanges, UNWATCHED } from './table-changes';

/**
 * Results worked out since the tables they read last changed: a list or a figure read again (another
 * page, the 工作台 coming back, the report after a visit was recorded) is not worked out again unless
 * a table it read was written. The tables are found while the result is computed (every statement
 * run meanwhile, nested kept results included), never listed by hand, so they cannot drift from
 * the code. What is not read inside compute is not seen: a value computed outside and captured
 * (a list worked out before) must be in the key (`identityOf`), and computations that compare with
 * the time of day (deadlines in hours) must put the instant in their key: only the day is checked.
 */
interface Kept {
  value: unknown;
  day: string;
  epoch: number;
  /** The change sequence when computing began: a table stamped after it makes the result stale. */
  since: number;
  tables: string[];
  /** Rows written by the connection when computing began: only for results reading unwatched tables. */
  anyWrites: number | null;
}

/** Enough for every 工作台 section and report table of a few streets, roles and months. */
const MAX_KEPT = 256;
const kept = new WeakMap<Store, Map<string, Kept>>();

export function sinceLastChange<T>(store: Store, key: string, compute: () => T): T {
  const db = store.sqlite;
  const changes = tableChanges(db);
  changes.check();
  const day = shanghaiDate(store.nowDate());
  let cache = kept.get(store);
  if (!cache) kept.set(store, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.day === day && hit.epoch === changes.epoch && changes.unchanged(hit.tables, hit.since, hit.anyWrites)) {
    cache.delete(key); // most recently used last: the oldest go first when full
    cache.set(key, hit);
    noteRead(db, hit.tables); // an outer kept result depends on what this one read
    return hit.value as T;
  }
  cache.delete(key);
  const epoch = changes.epoch;
  const since = changes.now;
  const anyWrites = changes.totalChanges();
  const { value, tables } = recordingReads(db, compute);
  // Inside a transaction the rows read may yet be rolled back; and triggers made there may go with it.
  if (!db.inTransaction && changes.installed && changes.epoch === epoch) {
    if (cache.size >= MAX_KEPT) cache.delete(cache.keys().next().value as string);
    cache.set(key, { value, day, epoch, since, tables, anyWrites: tables.includes(UNWATCHED) ? anyWrites : null });
  }
  return value;
}

const identities = new WeakMap<object, number>();
let nextIdentity = 0;

/** A number standing for one object (for keys of results computed from a value captured outside). */
export function identityOf(value: object): number {
  let id = identities.get(value);
  if (id === undefined) identities.set(value, (id = ++nextIdentity));
  return id;
}

/** Drops every kept result of the store's connection (bench and tests: the cold case). */
export function forgetKeptResults(store: Store): void {
  tableChanges(store.sqlite).forgetAll();
  kept.delete(store);
}

/** The tables a kept result read (tests: dependencies are found, not declared). */
export function keptTables(store: Store, key: string): string[] | undefined {
  return kept.get(store)?.get(key)?.tables;
}
