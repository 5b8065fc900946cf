/**
 * How a database file is keyed: SQLite3 Multiple Ciphers in its SQLCipher 4 scheme (AES-256,
 * HMAC-SHA512 per page), so a file can also be opened with SQLCipher's own tools given the key.
 * The key is 32 random bytes passed raw (`x'…'`), so no key derivation runs at open. This module
 * keys the office database, its backups and any copy made of them, and changes a file's key:
 * one rule, one place.
 */
import type Database from 'better-sqlite3-multiple-ciphers';

export const DATABASE_KEY_BYTES = 32;

function keyLiteral(key: Uint8Array | null): string {
  if (key === null) return '""'; // no key: rekey to it writes a plain file
  if (key.length !== DATABASE_KEY_BYTES) throw new Error(`database key must be ${DATABASE_KEY_BYTES} bytes`);
  return `"x'${Buffer.from(key).toString('hex')}'"`;
}

const SCHEME = [`cipher = 'sqlcipher'`, 'legacy = 4'];

/**
 * The pragmas that key a fresh connection, in order: for a connection opened elsewhere (the
 * backup's own thread, services/backup/vacuum-thread.ts) that replays them.
 */
export function keyingPragmas(key: Uint8Array): string[] {
  return [...SCHEME, `key = ${keyLiteral(key)}`];
}

/** Must run on a fresh connection before its first read or write. */
export function applyDatabaseKey(db: Database.Database, key: Uint8Array): void {
  for (const p of keyingPragmas(key)) db.pragma(p);
}

/**
 * Changes the key of this connection's file, page by page: a plain file encrypted (the upgrade,
 * db/encrypt-plain.ts), a copy given another key, or `null` for a plain copy. The library refuses
 * it in WAL mode: the caller switches to a rollback journal first, and runs it on a copy, never on
 * the live file.
 */
export function rekeyConnection(db: Database.Database, key: Uint8Array | null): void {
  const literal = keyLiteral(key);
  for (const p of SCHEME) db.pragma(p);
  db.pragma(`rekey = ${literal}`);
}
