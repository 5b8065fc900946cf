/**
 * Deferred search indexing for bulk writes. Inside `withSearchIndexDeferred` the registry's search
 * triggers only note which rows changed (search_index_dirty); before it returns, the noted rows are
 * indexed with one statement per table. A row indexed by its own trigger statement costs FTS5 a
 * flush and a tiny segment (migration 20261129045829_search_index_deferral.sql says why); a page
 * of a thousand rows indexed at once costs one.
 */
import type { Store } from './store';

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

/** Indexes the rows noted while deferred (new, changed or removed) and forgets them. */
function indexNotedRows(store: Store): number {
  let n = 0;
  for (const { table, index, body } of INDEXED) {
    const noted = `SELECT row FROM search_index_dirty WHERE table_name = '${table}'`;
    store.prepare(`DELETE FROM ${index} WHERE rowid IN (${noted})`).run();
    n += store.prepare(`INSERT INTO ${index}(rowid, body) SELECT rowid, ${body} FROM "${table}" WHERE rowid IN (${noted}) AND deleted_at IS NULL`).run().changes;
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
      indexNotedRows(store);
      return out;
    } finally {
      setDeferred(store, false);
    }
  });
}

/** The same inside a yielding transaction (Store.txYielding) that is already open. */
export async function withSearchIndexDeferredAsync<T>(store: Store, fn: () => Promise<T>): Promise<T> {
  if (!store.yieldingOpen) throw new Error('withSearchIndexDeferredAsync runs inside Store.txYielding');
  if (isDeferred(store)) return fn();
  setDeferred(store, true);
  try {
    const out = await fn();
    indexNotedRows(store);
    return out;
  } finally {
    setDeferred(store, false);
  }
}
