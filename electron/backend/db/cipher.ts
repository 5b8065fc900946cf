/**
 * How a database file is keyed: SQLite3 Multiple Ciphers in its AEGIS-256 scheme (an authenticated
 * cipher: every page enciphered and given a tag, so a changed byte fails to open as a wrong key
 * would). AEGIS runs on the CPU's AES instructions: a page costs about what the plain file costs,
 * where the SQLCipher 4 scheme used before (AES-256-CBC and an HMAC-SHA512 per page) cost about
 * 20 µs per page written and 13 µs per page read (bench encryption-overhead, part `pages`).
 * Files keyed before (the live database of an older version, its backups) keep opening: every
 * keyed open tries the current scheme, then the older one, and the live database is re-enciphered
 * at start (db/encipher-database.ts). The key is 32 random bytes passed raw (`x'…'`), so no key
 * derivation runs at open. This module keys the office database, its backups and any copy made
 * of them, and changes a file's key: one rule, one place.
 */
import type Database from 'better-sqlite3-multiple-ciphers';

export const DATABASE_KEY_BYTES = 32;

function keyLiteral(key: Uint8Array | null): string {
  if (key === null) return '""'; // no key: rekey to it writes a plain file
  if (key.length !== DATABASE_KEY_BYTES) throw new Error(`database key must be ${DATABASE_KEY_BYTES} bytes`);
  return `"x'${Buffer.from(key).toString('hex')}'"`;
}

/** The schemes a file may be keyed with, the one new files get first; `sqlcipher4` only read (and re-enciphered). */
export const CIPHER_SCHEMES = ['aegis256', 'sqlcipher4'] as const;
export type CipherScheme = (typeof CIPHER_SCHEMES)[number];
export const CURRENT_SCHEME: CipherScheme = CIPHER_SCHEMES[0];

const SCHEME_PRAGMAS: Record<CipherScheme, string[]> = {
  aegis256: [`cipher = 'aegis'`, `algorithm = 'aegis-256'`],
  sqlcipher4: [`cipher = 'sqlcipher'`, 'legacy = 4'],
};

/**
 * The pragmas that key a fresh connection with one scheme, in order: for a connection opened
 * elsewhere (the backup's own thread, services/backup/vacuum-thread.ts) that replays them.
 */
export function keyingPragmas(key: Uint8Array, scheme: CipherScheme = CURRENT_SCHEME): string[] {
  return [...SCHEME_PRAGMAS[scheme], `key = ${keyLiteral(key)}`];
}

/** Every scheme's keying pragmas, in the order a connection tries them (keyAnyScheme's rule, replayed). */
export function keyingChoices(key: Uint8Array): string[][] {
  return CIPHER_SCHEMES.map((s) => keyingPragmas(key, s));
}

const notADatabase = (err: unknown) => (err as { code?: string }).code === 'SQLITE_NOTADB';

/**
 * Keys a fresh connection, before its first read or write, with the scheme its file was written
 * with: each is tried by reading the schema, the current one first (an empty or new file takes
 * it). Returns the scheme that reads, or null when none does (a wrong key, not a database): the
 * connection is then keyed with the current scheme and its next read fails with "file is not a
 * database", as before.
 */
export function applyDatabaseKey(db: Database.Database, key: Uint8Array): CipherScheme | null {
  for (const scheme of CIPHER_SCHEMES) {
    for (const p of keyingPragmas(key, scheme)) db.pragma(p);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      return scheme;
    } catch (err) {
      if (!notADatabase(err)) throw err;
    }
  }
  for (const p of keyingPragmas(key)) db.pragma(p);
  return null;
}

/**
 * Changes the key of this connection's file, page by page, to `key` in the current scheme: a plain
 * file encrypted (the upgrade, db/encipher-database.ts), a file of the older scheme re-enciphered, a
 * copy given another key, or `null` for a plain copy. The library refuses it in WAL mode: the
 * caller switches to a rollback journal first, and runs it on a copy, never on the live file.
 */
export function rekeyConnection(db: Database.Database, key: Uint8Array | null): void {
  const literal = keyLiteral(key);
  for (const p of SCHEME_PRAGMAS[CURRENT_SCHEME]) db.pragma(p);
  db.pragma(`rekey = ${literal}`);
}
