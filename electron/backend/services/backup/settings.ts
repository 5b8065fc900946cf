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

/**
 * Checks that a file can be written in the folder. Only the default folder is created (0700): a
 * chosen one (a USB drive, a share) must exist, so that a typo never makes folders elsewhere.
 */
export function prepareFolder(folder: string, opts: { create?: boolean } = {}): string {
  if (!path.isAbsolute(folder)) throw new AppError('backup-folder-invalid', '备份文件夹须填写完整路径（如 D:\\备份 或 /media/u盘/备份）', { field: 'folder' });
  const resolved = path.resolve(folder);
  if (opts.create) fs.mkdirSync(resolved, { recursive: true, mode: 0o700 });
  if (!fs.existsSync(resolved) || !fs.statSync(resolved).isDirectory()) {
    throw new AppError('backup-folder-invalid', `备份文件夹不存在：${resolved}（请先插入U盘或建好文件夹）`, { field: 'folder' });
  }
  try {
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
