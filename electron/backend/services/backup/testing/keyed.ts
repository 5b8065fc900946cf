/**
 * Tests of backups with an encrypted or a plain database file opened by hand (not through a
 * backend's data folder): the app's own opening (db/open.ts) with the key given, and a Store on it.
 */
import { openDatabase, type OpenedDb } from '../../../db/open';
import { Store } from '../../../store/store';

export function openKeyedDb(file: string, key: Uint8Array | null): OpenedDb {
  return openDatabase(file, { key });
}

export function openKeyedStore(file: string, key: Uint8Array | null, now: () => Date): Store {
  return new Store(openKeyedDb(file, key), { now });
}
