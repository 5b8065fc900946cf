/**
 * Opening the street database with its recovery key typed in: when the key file is missing or the
 * sealed key cannot be opened here (another PC or user account). The key is checked against the
 * file before anything is written; then it is stored again as on first start (sealed in Electron),
 * so the next start needs no paper.
 */
import path from 'node:path';
import { writeDatabaseKey } from './database-key';
import { connect } from './open';
import { parseRecoveryKey } from './recovery-key';
import { DB_FILE_NAME } from './street-database';
import type { SecretBox } from '../store/secret-box';

export function unlockWithRecoveryKey(dataDir: string, typed: string, secrets?: SecretBox): void {
  const key = parseRecoveryKey(typed); // recovery-key-invalid for a typo
  connect(path.join(dataDir, DB_FILE_NAME), key, { fileMustExist: true }).close(); // database-key-wrong for another file's key
  writeDatabaseKey(dataDir, key, secrets);
}
