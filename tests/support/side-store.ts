/**
 * Test data the API does not let a street write (district figures): written through a second
 * connection to an app's SQLite file while its backend runs in the worker (WAL: the worker reads it
 * at its next query). Test set-up only, on apps that do not sync.
 */
import path from 'node:path';
import { DB_FILE_NAME } from '../../electron/backend/app';
import { openDatabase } from '../../electron/backend/db/open';
import { readDatabaseKey } from '../../electron/backend/db/database-key';
import { connectStreetDatabase } from '../../electron/backend/db/street-database';
import { Store } from '../../electron/backend/store/store';

export function withSideStore<T>(dataDir: string, fn: (store: Store) => T): T {
  const db = openDatabase(path.join(dataDir, DB_FILE_NAME), { key: readDatabaseKey(dataDir) });
  try {
    return fn(new Store(db));
  } finally {
    db.close();
  }
}

/** One read-only query on an app's SQLite file (what the page wrote, checked without the API). */
export function readDb(dataDir: string, sql: string, ...params: unknown[]): unknown {
  const db = connectStreetDatabase(dataDir, { readonly: true });
  try {
    return db.prepare(sql).get(...params);
  } finally {
    db.close();
  }
}
