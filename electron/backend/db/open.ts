/**
 * Opens the office database file: keyed first (db/cipher.ts), then WAL journal, foreign keys on,
 * migrations applied. One `Database` handle per process and file; callers own it and close it.
 * The start-up sequence (which key, the upgrade of a plain file) is db/street-database.ts.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { applyDatabaseKey } from './cipher';
import { restoreBootstrapIndexes } from './bootstrap-indexes';
import * as schema from './schema';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface OpenedDb {
  sqlite: Database.Database;
  orm: Orm;
  /** The key the file is encrypted with; null for a plain file (in-memory replicas, some tests). */
  key: Buffer | null;
  /**
   * Where the WAL checkpoint after a long transaction's commit goes (commitLong): the app gives its
   * database one (app.ts: a thread of its own); without it SQLite checkpoints inside the COMMIT.
   */
  checkpointLongCommits?: () => void;
  close(): void;
}

/** Folder of the committed migrations; packaged builds pass their own (extraResources). */
export function defaultMigrationsFolder(): string {
  return process.env.DOUDI_MIGRATIONS_DIR ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
}

export interface OpenOptions {
  /** 32 bytes for an encrypted file (the app's); null only for a plain one. */
  key: Uint8Array | null;
  migrationsFolder?: string;
}

/** SQLite says "file is not a database" for a file encrypted with another key, or without one. */
function classified(err: unknown, file: string, key: Uint8Array | null): unknown {
  if ((err as { code?: string }).code !== 'SQLITE_NOTADB') return err;
  return key
    ? new AppError('database-key-wrong', `数据库文件（${file}）无法用此密钥打开：密钥与文件不符，或文件已损坏`, { details: { file } })
    : new AppError('database-key-missing', `数据库文件（${file}）已加密，打开它需要本机的密钥`, { details: { file } });
}

/** A connection keyed and checked: its first read fails here, classified, rather than later. */
export function connect(file: string, key: Uint8Array | null, options?: Database.Options): Database.Database {
  const sqlite = new Database(file, options);
  try {
    if (key) applyDatabaseKey(sqlite, key);
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    return sqlite;
  } catch (err) {
    sqlite.close();
    throw classified(err, file, key);
  }
}

export function openDatabase(file: string, opts: OpenOptions): OpenedDb {
  const sqlite = connect(file, opts.key);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // indexes a bootstrap cut short had dropped (db/bootstrap-indexes.ts), before a migration names one
    const restore = restoreBootstrapIndexes(sqlite);
    while (!restore.next().done);
    const orm = drizzle(sqlite, { schema });
    migrate(orm, { migrationsFolder: opts.migrationsFolder ?? defaultMigrationsFolder() });
    return { sqlite, orm, key: opts.key ? Buffer.from(opts.key) : null, close: () => sqlite.close() };
  } catch (err) {
    sqlite.close();
    throw err;
  }
}

/**
 * A second, read-only handle on a database the first has opened (and migrated): in WAL mode it
 * reads the last committed state while the first holds a write transaction open.
 */
export function openReadOnly(file: string, key: Uint8Array | null): OpenedDb {
  const sqlite = connect(file, key, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  return { sqlite, orm: drizzle(sqlite, { schema }), key: key ? Buffer.from(key) : null, close: () => sqlite.close() };
}

/**
 * The COMMIT of a long transaction (Store.txYielding: an import, the demo load, batch generation).
 * SQLite's automatic checkpoint would run inside it and copy every page the transaction wrote into
 * the file (tens of MB after a 20,000-row import: seconds in one stretch on the backend's thread,
 * which answers the window); given a `checkpoint` (OpenedDb.checkpointLongCommits) it leaves it to
 * that. The pages themselves go to the WAL here: all-or-nothing, that part cannot be cut.
 */
export function commitLong(sqlite: Database.Database, checkpoint: (() => void) | undefined): void {
  if (!checkpoint) return void sqlite.exec('COMMIT');
  const every = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  sqlite.pragma('wal_autocheckpoint = 0');
  try {
    sqlite.exec('COMMIT');
  } finally {
    sqlite.pragma(`wal_autocheckpoint = ${every}`);
  }
  checkpoint();
}

/**
 * Runs fn, many short write transactions in a row (the bootstrap of a new PC, one per snapshot
 * page), with SQLite's automatic WAL checkpoint every `pages` pages instead of every 1,000: each
 * checkpoint copies every page the WAL holds into the file, so the index pages that every page of
 * rows touches were copied again at each one (and, in the encrypted file, read back and deciphered
 * from the WAL, enciphered and signed again for the file). The WAL grows to about `pages` pages
 * meanwhile; the setting is back once fn ends, so the next commit checkpoints what is left.
 */
export async function withWalCheckpointEvery<T>(sqlite: Database.Database, pages: number, fn: () => Promise<T>): Promise<T> {
  const every = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  sqlite.pragma(`wal_autocheckpoint = ${Math.max(every, pages)}`);
  try {
    return await fn();
  } finally {
    sqlite.pragma(`wal_autocheckpoint = ${every}`);
  }
}

/**
 * Runs fn with a page cache of `mib` MiB (restored after; SQLite gives the excess back when the
 * setting shrinks). For the bootstrap of a new PC: once the database outgrows the everyday cache,
 * each page evicted while the rows arrive is read back from the WAL or the file when next touched,
 * and in the encrypted file every such read is deciphered and its HMAC checked again.
 */
export async function withCacheMiB<T>(sqlite: Database.Database, mib: number, fn: () => Promise<T>): Promise<T> {
  const before = sqlite.pragma('cache_size', { simple: true }) as number;
  const wanted = -mib * 1024;
  // a negative setting is KiB, a positive one pages: only ever raised here
  const kib = before < 0 ? -before : (before * (sqlite.pragma('page_size', { simple: true }) as number)) / 1024;
  if (kib < mib * 1024) sqlite.pragma(`cache_size = ${wanted}`);
  try {
    return await fn();
  } finally {
    sqlite.pragma(`cache_size = ${before}`);
  }
}
