/**
 * The start-up of the street database in a data folder: the folder made private, the key read (or
 * made, for a new database), a file of an older version encrypted or brought to the current cipher
 * scheme (db/encipher-database.ts), then the file opened with its key. A key that is missing or cannot be opened stops here with a
 * refusal that says so (the window then asks for the recovery key): never a new empty database
 * over an encrypted one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { PLAIN_BOX, type SecretBox } from '../store/secret-box';
import { databaseKeyFile, newDatabaseKey, readDatabaseKey, writeDatabaseKey } from './database-key';
import { encipherDatabase, isPlainDatabase, keyedWithOlderScheme, type EncryptStep } from './encipher-database';
import type Database from 'better-sqlite3-multiple-ciphers';
import { connect, openDatabase, type OpenedDb } from './open';
import { ensurePrivateDir, ensurePrivateFile } from './private-files';

export const DB_FILE_NAME = 'doudi.sqlite';

export interface StreetDatabaseOptions {
  secrets?: SecretBox;
  migrationsFolder?: string;
  /** The upgrade of a plain file, step by step (the window shows it as progress). */
  onEncryptStep?: (step: EncryptStep) => void;
  /** The key already read by the caller (createBackend reads it once, for its backups too). */
  key?: Buffer;
  /** Benches only (bench encryption-overhead): a plain file as before issue 16, for comparison. The app, tests and e2e never set it. */
  unencrypted?: boolean;
}

function hasData(file: string): boolean {
  try {
    return fs.statSync(file).size > 0;
  } catch {
    return false;
  }
}

/** The key of the database in `dataDir`, made and stored when there is no database yet or only a plain one. */
export function streetDatabaseKey(dataDir: string, secrets: SecretBox = PLAIN_BOX): Buffer {
  const dbFile = path.join(dataDir, DB_FILE_NAME);
  const key = readDatabaseKey(dataDir, secrets) ?? sealPlainKey(dataDir, secrets);
  if (key) return key;
  if (hasData(dbFile) && !isPlainDatabase(dbFile)) {
    const file = databaseKeyFile(dataDir, secrets);
    throw new AppError('database-key-missing', `本机数据库已加密，但找不到它的密钥文件（${file}）：请输入纸面恢复密钥`, {
      details: { keyFile: file },
    });
  }
  const made = newDatabaseKey();
  writeDatabaseKey(dataDir, made, secrets);
  return made;
}

/**
 * A key kept plain beside the folder while the OS key store was not available (Electron on a Linux
 * without a keyring) is sealed once the store is there, and the plain file removed.
 */
function sealPlainKey(dataDir: string, secrets: SecretBox): Buffer | null {
  if (secrets.kind !== 'os') return null;
  const plain = readDatabaseKey(dataDir, PLAIN_BOX);
  if (!plain) return null;
  writeDatabaseKey(dataDir, plain, secrets);
  fs.rmSync(databaseKeyFile(dataDir, PLAIN_BOX));
  return plain;
}

export function openStreetDatabase(dataDir: string, opts: StreetDatabaseOptions = {}): OpenedDb {
  ensurePrivateDir(dataDir);
  const dbFile = path.join(dataDir, DB_FILE_NAME);
  if (opts.unencrypted) {
    ensurePrivateFile(dbFile);
    return openDatabase(dbFile, { key: null, migrationsFolder: opts.migrationsFolder });
  }
  const key = opts.key ?? streetDatabaseKey(dataDir, opts.secrets);
  if (hasData(dbFile) && (isPlainDatabase(dbFile) || keyedWithOlderScheme(dbFile, key))) encipherDatabase(dbFile, key, { onStep: opts.onEncryptStep });
  ensurePrivateFile(dbFile);
  return openDatabase(dbFile, { key, migrationsFolder: opts.migrationsFolder });
}

/**
 * A bare connection on the database of `dataDir`, keyed with its key file (browser mode, tests) or
 * `key` (a recovery key typed in): tools and tests that read or fix the file beside the app.
 */
export function connectStreetDatabase(
  dataDir: string,
  opts: { key?: Uint8Array; secrets?: SecretBox; readonly?: boolean } = {},
): Database.Database {
  const file = path.join(dataDir, DB_FILE_NAME);
  const key = opts.key ?? readDatabaseKey(dataDir, opts.secrets);
  if (!key && !isPlainDatabase(file)) {
    throw new AppError('database-key-missing', `本机数据库已加密，但找不到它的密钥文件（${databaseKeyFile(dataDir, opts.secrets)}）：请提供纸面恢复密钥`);
  }
  return connect(file, key, { readonly: opts.readonly ?? false, fileMustExist: true });
}
