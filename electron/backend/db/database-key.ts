/**
 * Where the key of a data folder's database is kept. The key is 32 random bytes made on first start.
 * In Electron it is sealed with the OS key store (the shell's SecretBox: DPAPI on Windows, the
 * keyring on Linux) in `doudi.key` beside the database: a copy of the folder taken to another PC or
 * user account cannot open it. In browser mode and tests there is no key store: the key is kept
 * plain in `<data folder>.key` BESIDE the data folder (mode 0600), so that a copy of the folder alone
 * does not carry it; weaker (anyone who can read that file as this user has the data), as the README
 * says. The key cannot live in local_meta: that table is inside the file it opens.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { syncDir } from './durable';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { PLAIN_BOX, type SecretBox } from '../store/secret-box';
import { DATABASE_KEY_BYTES } from './cipher';

export const SEALED_KEY_FILE = 'doudi.key';

export function databaseKeyFile(dataDir: string, secrets: SecretBox = PLAIN_BOX): string {
  return secrets.kind === 'os' ? path.join(dataDir, SEALED_KEY_FILE) : `${path.resolve(dataDir)}.key`;
}

export function newDatabaseKey(): Buffer {
  return randomBytes(DATABASE_KEY_BYTES);
}

/** The key, or null when its file does not exist; refuses (`database-key-unopenable`) a key that cannot be opened here. */
export function readDatabaseKey(dataDir: string, secrets: SecretBox = PLAIN_BOX): Buffer | null {
  const file = databaseKeyFile(dataDir, secrets);
  let stored: string;
  try {
    stored = fs.readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let hex: string | null = null;
  try {
    hex = secrets.open(stored);
  } catch {
    hex = null; // the key store refused (another user, a keyring that is locked)
  }
  if (hex === null || !new RegExp(`^[0-9a-f]{${DATABASE_KEY_BYTES * 2}}$`).test(hex)) {
    throw new AppError('database-key-unopenable', `本机数据库的密钥（${file}）无法在此电脑或此账号下打开：请输入纸面恢复密钥`, {
      details: { keyFile: file },
    });
  }
  return Buffer.from(hex, 'hex');
}

/** Writes the key (sealed when the shell can) 0600, atomically and durably: a crash leaves the old file or the new one. */
export function writeDatabaseKey(dataDir: string, key: Uint8Array, secrets: SecretBox = PLAIN_BOX): void {
  if (key.length !== DATABASE_KEY_BYTES) throw new Error(`database key must be ${DATABASE_KEY_BYTES} bytes`);
  const file = databaseKeyFile(dataDir, secrets);
  const tmp = `${file}.tmp`;
  fs.rmSync(tmp, { force: true });
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    fs.writeSync(fd, `${secrets.seal(Buffer.from(key).toString('hex'))}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  syncDir(path.dirname(file));
}

