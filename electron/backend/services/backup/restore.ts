/**
 * Restoring the office database from a backup. Three steps, so that a crash at any point leaves
 * either the old database or the restored one, never a mix:
 *  1. stage: the backup is copied (with this PC's key: a backup of another PC is read with its
 *     recovery key and re-keyed) to `<db>.restoring` beside the database and checked;
 *  2. a marker `restore-pending.json` is written (fsync): from here the restore will complete;
 *  3. swap (connections closed): the old -wal/-shm are removed (a WAL must never be replayed onto
 *     another file), the staged file is renamed over the database, the marker removed.
 * At start, `finishPendingRestore` completes step 3 of a restore a crash interrupted. The current
 * database is backed up (kind pre-restore) before step 1, by the caller.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fsyncFile, syncDir } from '../../db/durable';
import { AppError } from '../../../../shared/errors';
import type { RestorePreview } from '../../../../shared/backup/types';
import type { Store } from '../../store/store';
import { parseRecoveryKey } from '../../db/recovery-key';
import { syncConfig } from '../../sync/session';
import { copyFile, factsOf, inspectFile, inspectWritten, type FileFacts } from './copy';

const MARKER = 'restore-pending.json';

export function stagedFile(dbFile: string): string {
  return `${dbFile}.restoring`;
}

/** The key a backup is read with: the recovery key typed for another PC's backup, else this PC's. */
export function backupKey(localKey: Uint8Array | null, recoveryKey: string | null | undefined): Uint8Array | null {
  return recoveryKey ? parseRecoveryKey(recoveryKey) : localKey;
}

/** Opens and checks a backup, refusing one that cannot be read, is damaged or is of another street. */
export async function readBackup(file: string, key: Uint8Array | null, currentStreet: string | null): Promise<FileFacts> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new AppError('backup-not-found', `找不到备份文件：${file}`, { field: 'path' });
  let facts: FileFacts;
  try {
    facts = await inspectWritten(file, key); // its integrity_check off the backend's thread
  } catch {
    throw new AppError(
      'backup-unreadable',
      key ? '无法用本机密钥打开该备份文件：若是其他电脑的备份，请输入那台电脑的恢复密钥' : '该文件不是本程序的数据库备份，或已损坏',
      { field: 'path' },
    );
  }
  if (facts.check !== 'ok') throw new AppError('backup-damaged', `备份文件检查未通过（${facts.check.slice(0, 200)}），不能用于恢复`, { field: 'path' });
  if (currentStreet && facts.streetCode && facts.streetCode !== currentStreet) {
    throw new AppError('backup-other-street', `该备份属于其他街道（${facts.streetName ?? facts.streetCode}），不能恢复到本街道的电脑`, { field: 'path' });
  }
  return facts;
}

/** What the restore would replace: the backup's time and contents beside the current database's. */
export async function previewRestore(store: Store, file: string, key: Uint8Array | null, createdAt: string | null): Promise<RestorePreview> {
  const current = factsOf(store);
  const backup = await readBackup(file, key, current.streetCode);
  // the backup's own time: the manifest's, else its last write
  const at = createdAt ?? backup.lastWriteAt ?? fs.statSync(file).mtime.toISOString();
  const after = (store.prepare('SELECT count(*) AS n FROM audit_events WHERE at > ?').get(at) as { n: number }).n;
  return {
    path: file,
    backup: { createdAt: at, streetCode: backup.streetCode, streetName: backup.streetName, rows: backup.rows, pendingChanges: backup.pendingChanges, check: backup.check },
    current: {
      streetCode: current.streetCode,
      streetName: current.streetName,
      rows: current.rows,
      lastWriteAt: current.lastWriteAt,
      eventsAfterBackup: after,
      pendingChanges: current.pendingChanges,
      enrolled: syncConfig(store) !== null,
    },
  };
}

/** Steps 1 and 2: the staged copy with this PC's key, checked, and the marker. */
export function stageRestore(dbFile: string, file: string, sourceKey: Uint8Array | null, localKey: Uint8Array | null): void {
  const staged = stagedFile(dbFile);
  fs.rmSync(path.join(path.dirname(dbFile), MARKER), { force: true });
  copyFile(file, sourceKey, staged, localKey);
  const facts = inspectFile(staged, localKey);
  if (facts.check !== 'ok') {
    fs.rmSync(staged, { force: true });
    throw new AppError('backup-damaged', `备份复制后检查未通过（${facts.check.slice(0, 200)}），本机数据库未改动`, { field: 'path' });
  }
  fsyncFile(staged);
  const marker = path.join(path.dirname(dbFile), MARKER);
  fs.writeFileSync(marker, JSON.stringify({ staged: path.basename(staged), from: file }), { mode: 0o600 });
  fsyncFile(marker);
}

/** Step 3, with every connection to the database closed. */
export function swapRestored(dbFile: string): void {
  const staged = stagedFile(dbFile);
  const marker = path.join(path.dirname(dbFile), MARKER);
  if (fs.existsSync(staged)) {
    for (const f of [`${dbFile}-wal`, `${dbFile}-shm`, `${dbFile}-journal`]) fs.rmSync(f, { force: true });
    fs.renameSync(staged, dbFile);
    syncDir(path.dirname(dbFile));
  }
  fs.rmSync(marker, { force: true });
}

/** At start: completes a restore a crash interrupted after its marker; drops a staged copy without one. */
export function finishPendingRestore(dbFile: string): boolean {
  const marker = path.join(path.dirname(dbFile), MARKER);
  if (fs.existsSync(marker)) {
    swapRestored(dbFile);
    return true;
  }
  fs.rmSync(stagedFile(dbFile), { force: true });
  return false;
}

