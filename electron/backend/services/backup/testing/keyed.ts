/**
 * Tests of backups with an encrypted database, before the app opens its own database keyed (the
 * cipher branch): a database file opened here with better-sqlite3-multiple-ciphers and the key, as
 * the office database will be, with the migrations applied and a Store on it.
 */
import CipherDatabase from 'better-sqlite3-multiple-ciphers';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type Database from 'better-sqlite3';
import { applyDatabaseKey } from '../../../db/cipher';
import { defaultMigrationsFolder, type OpenedDb } from '../../../db/open';
import * as schema from '../../../db/schema';
import { Store } from '../../../store/store';

export function openKeyedDb(file: string, key: Uint8Array | null): OpenedDb {
  const raw = new CipherDatabase(file);
  if (key) applyDatabaseKey(raw, key);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  const sqlite = raw as unknown as Database.Database; // the same API (a build of better-sqlite3)
  const orm = drizzle(sqlite, { schema });
  migrate(orm, { migrationsFolder: defaultMigrationsFolder() });
  return { sqlite, orm, close: () => raw.close() };
}

export function openKeyedStore(file: string, key: Uint8Array | null, now: () => Date): Store {
  return new Store(openKeyedDb(file, key), { now });
}
