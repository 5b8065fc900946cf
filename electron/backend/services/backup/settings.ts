/**
 * Where backups go: a folder the admin chooses (another disk, a network share), by default beside
 * the data folder (`<data folder>-backups`). Kept in a small file of the data folder, not in the
 * database, so that restoring an older database does not move the backups.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/errors';

const SETTINGS_NAME = 'backup-settings.json';

export function defaultBackupFolder(dataDir: string): string {
  return `${path.resolve(dataDir)}-backups`;
}

export function backupFolder(dataDir: string): string {
  try {
    const s = JSON.parse(fs.readFileSync(path.join(dataDir, SETTINGS_NAME), 'utf8')) as { folder?: unknown };
    if (typeof s.folder === 'string' && path.isAbsolute(s.folder)) return s.folder;
  } catch {
    // none chosen yet
  }
  return defaultBackupFolder(dataDir);
}

/** Creates the folder (0700 when new) and checks that a file can be written there. */
export function prepareFolder(folder: string): string {
  if (!path.isAbsolute(folder)) throw new AppError('backup-folder-invalid', '备份文件夹须填写完整路径（如 D:\\备份 或 /media/u盘/备份）', { field: 'folder' });
  const resolved = path.resolve(folder);
  try {
    fs.mkdirSync(resolved, { recursive: true, mode: 0o700 });
    const probe = path.join(resolved, `.doudi-write-test-${process.pid}`);
    fs.writeFileSync(probe, '', { mode: 0o600 });
    fs.rmSync(probe);
  } catch {
    throw new AppError('backup-folder-invalid', `备份文件夹无法写入：${resolved}`, { field: 'folder' });
  }
  return resolved;
}

export function setBackupFolder(dataDir: string, folder: string): string {
  const resolved = prepareFolder(folder);
  const file = path.join(dataDir, SETTINGS_NAME);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify({ folder: resolved }), { mode: 0o600 });
  fs.renameSync(`${file}.tmp`, file);
  return resolved;
}
