/**
 * The upgrade of a database file to the current cipher scheme (db/cipher.ts), on the first start
 * after an upgrade: a plain file (written before issue 16) encrypted, or a file of the older
 * SQLCipher 4 scheme re-enciphered with the same key. Safe to kill at any point: until the last
 * rename the old file is untouched and whole (a leftover copy is thrown away by the next run, which
 * starts over); after it, the new file is whole. Steps: a consistent copy (VACUUM INTO, 0600, in
 * the old file's scheme), enciphered in place (the library's rekey, on the copy only: it is refused
 * in WAL mode and is not meant for a live file; this build has no sqlcipher_export), checked
 * (integrity_check, every full-text index's own integrity-check, the row count of every table as in
 * the old file, and the current scheme opens it), then the old file's WAL is checkpointed and
 * removed and the copy renamed over it. The key must be on disk before this runs.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import { applyDatabaseKey, CURRENT_SCHEME, rekeyConnection } from './cipher';
import { fsyncFile, syncDir } from './durable';
import { ensurePrivateFile } from './private-files';
import path from 'node:path';

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** True when the file starts with SQLite's plain header (an encrypted file's first bytes are random). */
export function isPlainDatabase(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(PLAIN_HEADER.length);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return n === head.length && head.equals(PLAIN_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

export const ENCRYPTING_SUFFIX = '.encrypting';

export type EncryptStep = 'copied' | 'encrypted' | 'verified' | 'swapped';

interface Counts {
  tables: Record<string, number>;
  fts: string[];
}

const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;

function countRows(db: Database.Database): Counts {
  const rows = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string; sql: string | null }[];
  const tables: Record<string, number> = {};
  for (const r of rows) tables[r.name] = (db.prepare(`SELECT count(*) AS n FROM ${quoteId(r.name)}`).get() as { n: number }).n;
  const fts = rows.filter((r) => /^CREATE VIRTUAL TABLE .* USING fts5/is.test(r.sql ?? '')).map((r) => r.name);
  return { tables, fts };
}

function removeWithJournals(file: string): void {
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

/**
 * True when `file` holds data keyed with `key` in a scheme older than the current one (it opens,
 * but with the older scheme): encipherDatabase brings it to the current one.
 */
export function keyedWithOlderScheme(file: string, key: Uint8Array): boolean {
  if (isPlainDatabase(file)) return false;
  const db = new Database(file, { fileMustExist: true });
  try {
    const scheme = applyDatabaseKey(db, key);
    return scheme !== null && scheme !== CURRENT_SCHEME;
  } finally {
    db.close();
  }
}

/**
 * Brings `file` (plain, or keyed with `key` in an older scheme) to `key` in the current scheme;
 * returns the row counts it checked. Throws (the old file kept) when a check fails.
 */
export function encipherDatabase(file: string, key: Uint8Array, opts: { onStep?: (step: EncryptStep) => void } = {}): Record<string, number> {
  const step = opts.onStep ?? (() => undefined);
  const copy = `${file}${ENCRYPTING_SUFFIX}`;
  removeWithJournals(copy); // a copy left by a run that was stopped
  const wasPlain = isPlainDatabase(file);
  const old = new Database(file);
  try {
    if (!wasPlain && applyDatabaseKey(old, key) === null) throw new Error('the database does not open with its key');
    old.pragma('busy_timeout = 5000');
    const before = countRows(old);
    ensurePrivateFile(copy); // VACUUM INTO writes into an empty file, which keeps its 0600
    old.prepare('VACUUM INTO ?').run(copy);
    step('copied');

    const enc = new Database(copy);
    try {
      if (!wasPlain) applyDatabaseKey(enc, key); // the copy has the old file's scheme and key
      enc.pragma('journal_mode = DELETE');
      rekeyConnection(enc, key);
    } finally {
      enc.close();
    }
    step('encrypted');

    const check = new Database(copy);
    try {
      if (applyDatabaseKey(check, key) !== CURRENT_SCHEME) throw new Error('the copy does not open with the current cipher scheme');
      const integrity = check.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') throw new Error(`the enciphered copy fails integrity_check: ${String(integrity)}`);
      const after = countRows(check);
      for (const [table, n] of Object.entries(before.tables)) {
        if (after.tables[table] !== n) throw new Error(`the enciphered copy has ${after.tables[table]} rows in ${table}, the old file ${n}`);
      }
      for (const t of after.fts) check.prepare(`INSERT INTO ${quoteId(t)}(${quoteId(t)}) VALUES ('integrity-check')`).run();
    } finally {
      check.close();
    }
    fsyncFile(copy);
    step('verified');

    // Everything of the old file into the file itself: its WAL must not outlive it, or SQLite
    // would replay the old pages onto the new file.
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    for (const f of [`${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    fs.renameSync(copy, file);
    syncDir(path.dirname(file));
    step('swapped');
    return before.tables;
  } catch (err) {
    if (old.open) old.close();
    removeWithJournals(copy);
    throw err;
  }
}
