/**
 * Opens the office database file: WAL journal, foreign keys on, migrations applied. One
 * `Database` handle per process and file; callers own it and close it.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as schema from './schema';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface OpenedDb {
  sqlite: Database.Database;
  orm: Orm;
  close(): void;
}

/** Folder of the committed migrations; packaged builds pass their own (extraResources). */
export function defaultMigrationsFolder(): string {
  return process.env.DOUDI_MIGRATIONS_DIR ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
}

export function openDatabase(file: string, opts: { migrationsFolder?: string } = {}): OpenedDb {
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const orm = drizzle(sqlite, { schema });
    migrate(orm, { migrationsFolder: opts.migrationsFolder ?? defaultMigrationsFolder() });
    return { sqlite, orm, close: () => sqlite.close() };
  } catch (err) {
    sqlite.close();
    throw err;
  }
}

/**
 * A second, read-only handle on a database the first has opened (and migrated): in WAL mode it
 * reads the last committed state while the first holds a write transaction open.
 */
export function openReadOnly(file: string): OpenedDb {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  return { sqlite, orm: drizzle(sqlite, { schema }), close: () => sqlite.close() };
}
