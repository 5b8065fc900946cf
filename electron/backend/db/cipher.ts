/**
 * How a database file is keyed: SQLite3 Multiple Ciphers in its SQLCipher 4 scheme (AES-256,
 * HMAC-SHA512 per page), so a file can also be opened with SQLCipher's own tools given the key.
 * The key is 32 random bytes passed raw (`x'…'`), so no key derivation runs at open. The same
 * function keys the office database, its backups and any copy made of them: one rule, one place.
 */
import type Database from 'better-sqlite3-multiple-ciphers';

export const DATABASE_KEY_BYTES = 32;

function keyLiteral(key: Uint8Array): string {
  if (key.length !== DATABASE_KEY_BYTES) throw new Error(`database key must be ${DATABASE_KEY_BYTES} bytes`);
  return `"x'${Buffer.from(key).toString('hex')}'"`;
}

function useScheme(db: Database.Database): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
}

/** Must run on a fresh connection before its first read or write. */
export function applyDatabaseKey(db: Database.Database, key: Uint8Array): void {
  const literal = keyLiteral(key);
  useScheme(db);
  db.pragma(`key = ${literal}`);
}

/**
 * Encrypts the plain database of this connection in place, page by page (the upgrade of a plain
 * file, db/encrypt-plain.ts). The library refuses it in WAL mode: the caller switches to a rollback
 * journal first, and runs it on a copy, never on the live file.
 */
export function encryptPlainConnection(db: Database.Database, key: Uint8Array): void {
  const literal = keyLiteral(key);
  useScheme(db);
  db.pragma(`rekey = ${literal}`);
}
