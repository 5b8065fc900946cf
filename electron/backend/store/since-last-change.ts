/** A result kept until the database next changes (any write on any connection) or the day turns. */
import { shanghaiDate } from '../../../shared/time/shanghai';
import type { Store } from './store';

/**
 * Results worked out since the database last changed: a list read again (another page, another
 * tab, the screen coming back) without any write in between is not worked out again. The key has
 * this connection's change count (every insert, update and delete, triggers included) and the
 * data version (commits by other connections), so any write makes the next read compute afresh.
 */
const resultCache = new WeakMap<Store, Map<string, unknown>>();

export function sinceLastChange<T>(store: Store, key: string, compute: () => T): T {
  const changes = (store.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const version = (store.prepare('PRAGMA data_version').get() as { data_version: number }).data_version;
  const stamp = `${changes}|${version}|${shanghaiDate(store.nowDate())}|`;
  let cache = resultCache.get(store);
  if (!cache) resultCache.set(store, (cache = new Map()));
  const hit = cache.get(stamp + key) as T | undefined;
  if (hit !== undefined) return hit;
  for (const k of cache.keys()) if (!k.startsWith(stamp)) cache.delete(k);
  if (cache.size >= 16) cache.clear();
  const value = compute();
  cache.set(stamp + key, value);
  return value;
}

