/**
 * How a database file is keyed: SQLite3 Multiple Ciphers in its SQLCipher 4 scheme (AES-256,
 * HMAC-SHA512 per page), so a file can also be opened with SQLCipher's own tools given the key.
 * The key is 32 random bytes passed raw (`x'…'`), so no key derivation runs at open. The same
 * function keys the office database, its backups and any copy made of them: one rule, one place.
 */
import type Database from 'better-sqlite3-multiple-ciphers';

export const DATABASE_KEY_BYTES = 32;

/** Must run on a fresh connection before its first read or write. */
export function applyDatabaseKey(db: Database.Database, key: Uint8Array): void {
  if (key.length !== DATABASE_KEY_BYTES) throw new Error(`database key must be ${DATABASE_KEY_BYTES} bytes`);
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${Buffer.from(key).toString('hex')}'"`);
}
