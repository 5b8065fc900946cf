/**
 * Copying the live database into a backup file, and checking a backup file.
 *
 * A plain database is copied with SQLite's online backup API on the live connection, 256 pages a
 * step with a turn for other work between steps (the app keeps working; writes of that same
 * connection are carried into the copy, so it never restarts). An encrypted one cannot be: in
 * SQLite3 Multiple Ciphers the backup API refuses a target without the source's cipher, and
 * better-sqlite3 opens the target itself, unkeyed. There `VACUUM INTO` is used, on a connection and
 * a thread of its own (a read snapshot in WAL: writers go on; vacuum-thread.ts): it writes the copy
 * with the source's cipher and key (tests read the bytes). Either way the copy is one consistent snapshot.
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import CipherDatabase from 'better-sqlite3-multiple-ciphers';
import { applyDatabaseKey, CURRENT_SCHEME, rekeyConnection } from '../../db/cipher';
import { integrityCheckOnThread, vacuumIntoOnThread } from './vacuum-thread';
import { BACKUP_COUNTED_TABLES, type CountedTable } from '../../../../shared/backup/types';

/** The live connection as far as the copy needs it (better-sqlite3 or its multiple-ciphers build). */
export interface LiveConnection {
  backup(file: string, opts?: { progress?: (p: { totalPages: number; remainingPages: number }) => number | void }): Promise<unknown>;
}

const PAGES_PER_STEP = 256;
const MAX_RESTARTS = 3;
const ALL_PAGES = 0x7fffffff;

/** Opens a database file other than the live one (a backup, a staged restore), keyed when a key is given. */
export function openFile(file: string, key: Uint8Array | null, opts: { readonly?: boolean } = {}): CipherDatabase.Database {
  const db = new CipherDatabase(file, { readonly: opts.readonly ?? false, fileMustExist: true });
  try {
    if (key) applyDatabaseKey(db, key);
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** A key's fingerprint (not the key): tells backups made with this PC's key from others'. */
export function keyId(key: Uint8Array | null): string | null {
  return key ? createHash('sha256').update(Buffer.from('doudi-backup-key-id')).update(key).digest('hex').slice(0, 16) : null;
}

/** Creates `target` empty with 0600 (VACUUM INTO and the backup API write into it). */
function createPrivateEmpty(target: string): void {
  fs.rmSync(target, { force: true });
  fs.closeSync(fs.openSync(target, 'wx', 0o600));
}

export async function copyLiveDatabase(opts: {
  live: LiveConnection;
  /** The live database's file (for VACUUM INTO's own connection). */
  dbFile: string;
  key: Uint8Array | null;
  target: string;
  onProgress?: (done: number, total: number) => void;
}): Promise<void> {
  createPrivateEmpty(opts.target);
  if (!opts.key) {
    // A write through another connection (a second process) restarts the copy; after a few
    // restarts the rest is copied in one step, so it always ends.
    let restarts = 0;
    let remaining = Infinity;
    await opts.live.backup(opts.target, {
      progress: ({ totalPages, remainingPages }) => {
        if (remainingPages > remaining) restarts++;
        remaining = remainingPages;
        opts.onProgress?.(totalPages - remainingPages, totalPages);
        return restarts >= MAX_RESTARTS ? ALL_PAGES : PAGES_PER_STEP;
      },
    });
    return;
  }
  opts.onProgress?.(0, 1);
  await vacuumIntoOnThread(opts.dbFile, opts.key, opts.target, opts.onProgress);
}

/** Copies a database file (a backup) to `target` with `targetKey`, whatever key it was read with. */
export function copyFile(source: string, sourceKey: Uint8Array | null, target: string, targetKey: Uint8Array | null): void {
  createPrivateEmpty(target);
  const db = openFile(source, sourceKey, { readonly: true });
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
  // the copy has the source's key and cipher scheme: change them unless they are already the
  // target's (rekey works in rollback-journal mode; it writes the current scheme)
  const copy = new CipherDatabase(target, { fileMustExist: true });
  try {
    const scheme = sourceKey ? applyDatabaseKey(copy, sourceKey) : null;
    if (sameKey(sourceKey, targetKey) && (targetKey === null || scheme === CURRENT_SCHEME)) return;
    copy.pragma('journal_mode = DELETE');
    rekeyConnection(copy, targetKey);
  } finally {
    copy.close();
  }
}

function sameKey(a: Uint8Array | null, b: Uint8Array | null): boolean {
  return a === b || (!!a && !!b && Buffer.from(a).equals(Buffer.from(b)));
}

export interface FileFacts {
  check: string;
  rows: Record<CountedTable, number>;
  streetCode: string | null;
  streetName: string | null;
  pendingChanges: number;
  /** The latest audit event's time (the database's last write). */
  lastWriteAt: string | null;
}

/**
 * Opens a backup with the key and checks it: integrity_check, then what it holds. Throws when the
 * file cannot be read with the key (a wrong key, not a database).
 */
export function inspectFile(file: string, key: Uint8Array | null, check?: string): FileFacts {
  const db = openFile(file, key, { readonly: true });
  try {
    return { check: check ?? (db.prepare('PRAGMA integrity_check').pluck().all() as string[]).join('；'), ...factsOf(db) };
  } finally {
    db.close();
  }
}

/** The same, with the integrity_check (which reads every page) run off the caller's thread. */
export async function inspectWritten(file: string, key: Uint8Array | null): Promise<FileFacts> {
  let check: string;
  try {
    check = await integrityCheckOnThread(file, key);
  } catch (err) {
    check = `无法打开：${err instanceof Error ? err.message : String(err)}`;
  }
  return inspectFile(file, key, check);
}

/** What a database holds, for the manifest and the restore's confirmation. */
export function factsOf(db: { prepare(sql: string): { get(...a: unknown[]): unknown } }): Omit<FileFacts, 'check'> {
  const count = (sql: string, ...args: unknown[]): number => (db.prepare(sql).get(...args) as { n: number }).n;
  const rows = Object.fromEntries(
    Object.keys(BACKUP_COUNTED_TABLES).map((t) => [t, count(`SELECT count(*) AS n FROM "${t}"`)]),
  ) as Record<CountedTable, number>;
  const streetCode = (db.prepare("SELECT value AS v FROM local_meta WHERE key = 'street_code'").get() as { v: string } | undefined)?.v ?? null;
  const streetName = streetCode
    ? ((db.prepare('SELECT name AS v FROM streets WHERE code = ?').get(streetCode) as { v: string } | undefined)?.v ?? null)
    : null;
  const lastWriteAt = (db.prepare('SELECT max(at) AS v FROM audit_events').get() as { v: string | null }).v;
  return { rows, streetCode, streetName, pendingChanges: count('SELECT count(*) AS n FROM change_log WHERE pushed_at IS NULL'), lastWriteAt };
}
