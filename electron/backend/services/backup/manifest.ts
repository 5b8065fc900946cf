/**
 * The manifest: one JSON file beside the backups listing each with its time, size, row counts and
 * check. It lives in the backup folder, not in the database, so it survives restoring an older
 * database. Written whole to a temporary file and renamed (a crash leaves the old or the new one).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupEntry } from '../../../../shared/backup/types';

export const MANIFEST_NAME = 'doudi-backups.json';

export function readManifest(folder: string): BackupEntry[] {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(folder, MANIFEST_NAME), 'utf8')) as { backups?: BackupEntry[] };
    return Array.isArray(parsed.backups) ? parsed.backups : [];
  } catch {
    return []; // none yet, or unreadable: the files themselves stay where they are
  }
}

export function writeManifest(folder: string, entries: BackupEntry[]): void {
  const file = path.join(folder, MANIFEST_NAME);
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeFileSync(fd, JSON.stringify({ backups: entries }, null, 1));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/** Adds or replaces one entry (by file name). */
export function recordBackup(folder: string, entry: BackupEntry): void {
  writeManifest(folder, [...readManifest(folder).filter((e) => e.file !== entry.file), entry]);
}
