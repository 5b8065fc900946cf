/**
 * Deferred search indexing for bulk writes. Inside `withSearchIndexDeferred` the registry's search
 * triggers only note which rows changed (search_index_dirty); before it returns, the noted rows are
 * indexed with one statement per table. A row indexed by its own trigger statement costs FTS5 a
 * flush and a tiny segment (migration 20261129045829_search_index_deferral.sql says why); a page
 * of a thousand rows indexed at once costs one.
 */
import type { Store } from './store';
import { runAtOnce, runWithTurns } from './turns';

/**
 * The text each row is indexed under: the same expressions as the triggers of migration
 * 20261128234059_search_index.sql (search-index.test.ts checks both give the same index).
 */
const INDEXED = [
  {
    table: 'persons',
    index: 'person_search',
    body: `name || ' ' || name_pinyin || ' ' || name_initials || ' ' || id_number || ' ' || ifnull(phone, '')`,
  },
  { table: 'households', index: 'household_search', body: `address || ' ' || ifnull(phone, '')` },
] as const;

function setDeferred(store: Store, on: boolean): void {
  store.prepare('UPDATE search_index_state SET deferred = ? WHERE id = 1').run(on ? 1 : 0);
}

/** Rows indexed per statement when the indexing takes turns (a few tens of ms each). */
const ROWS_PER_TURN = 2000;

/**
 * Indexes the rows noted while deferred (new, changed or removed) and forgets them: all of a
 * table's at once, or `chunk` rows at a time (by rowid), a step each.
 */
function* indexNotedSteps(store: Store, chunk: number | null): Generator<number, number> {
  let n = 0;
  for (const { table, index, body } of INDEXED) {
    for (;;) {
      // the last row of this step, or none: the rest of the table's
      const upTo = chunk === null ? undefined : (store.prepare('SELECT row FROM search_index_dirty WHERE table_name = ? ORDER BY row LIMIT 1 OFFSET ?').pluck().get(table, chunk - 1) as number | undefined);
      const within = upTo === undefined ? '' : ' AND row <= ?';
      const args = upTo === undefined ? [table] : [table, upTo];
      const noted = `SELECT row FROM search_index_dirty WHERE table_name = ?${within}`;
      store.prepare(`DELETE FROM ${index} WHERE rowid IN (${noted})`).run(...args);
      n += store.prepare(`INSERT INTO ${index}(rowid, body) SELECT rowid, ${body} FROM "${table}" WHERE rowid IN (${noted}) AND deleted_at IS NULL`).run(...args).changes;
      store.prepare(`DELETE FROM search_index_dirty WHERE table_name = ?${within}`).run(...args);
      yield n;
      if (upTo === undefined) break;
    }
  }
  store.prepare('DELETE FROM search_index_dirty').run();
  return n;
}

const isDeferred = (store: Store): boolean =>
  (store.prepare('SELECT deferred FROM search_index_state WHERE id = 1').get() as { deferred: number }).deferred === 1;

/**
 * Runs fn with the search index deferred, then brings the index up to date, all in fn's
 * transaction: the index is never seen stale, and a failure rolls the noted rows back with the rows.
 */
export function withSearchIndexDeferred<T>(store: Store, fn: () => T): T {
  return store.tx(() => {
    // Nested (a bulk write calling another): the outer one indexes everything at its end.
    if (isDeferred(store)) return fn();
    setDeferred(store, true);
    try {
      const out = fn();
      runAtOnce(indexNotedSteps(store, null));
      return out;
    } finally {
      setDeferred(store, false);
    }
  });
}

/**
 * Runs fn in a transaction with the search triggers noting rows, and leaves them noted, unindexed:
 * for many transactions in a row that are indexed once at their end (indexNotedInTurns; the
 * bootstrap's snapshot pages). Meanwhile a search does not find the rows noted. A transaction that
 * indexes (withSearchIndexDeferred) indexes every noted row, these too.
 */
export function withSearchIndexNoted<T>(store: Store, fn: () => T): T {
  return store.tx(() => {
    if (isDeferred(store)) return fn();
    setDeferred(store, true);
    try {
      return fn();
    } finally {
      setDeferred(store, false);
    }
  });
}

/** Indexes the rows noted (withSearchIndexNoted) in transactions of a chunk of rows each, with turns between. */
export async function indexNotedInTurns(store: Store, turn: () => Promise<void>): Promise<number> {
  const steps = indexNotedSteps(store, ROWS_PER_TURN);
  for (;;) {
    const next = store.tx(() => steps.next());
    if (next.done) return next.value;
    await turn();
  }
}

/** The same inside a yielding transaction (Store.txYielding) that is already open; the indexing too takes turns. */
export async function withSearchIndexDeferredAsync<T>(store: Store, fn: () => Promise<T>): Promise<T> {
  if (!store.yieldingOpen) throw new Error('withSearchIndexDeferredAsync runs inside Store.txYielding');
  if (isDeferred(store)) return fn();
  setDeferred(store, true);
  try {
    const out = await fn();
    // 20,000 imported rows indexed in one statement held the backend ~125 ms: a chunk at a time, with turns
    await runWithTurns(indexNotedSteps(store, ROWS_PER_TURN));
    return out;
  } finally {
    setDeferred(store, false);
  }
}
