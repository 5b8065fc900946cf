/**
 * Making writes survive a power cut before a rename relies on them: fsync of a file's bytes, and of
 * its folder after a rename (POSIX; Windows cannot open a folder and flushes renames itself).
 */
import fs from 'node:fs';

/** The file's bytes on disk ('r+': Windows flushes only a handle opened for writing). */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A rename into or out of `dir` on disk (a folder on a share that cannot be fsynced is left as it is). */
export function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } catch (err) {
    if (!UNSUPPORTED.has((err as NodeJS.ErrnoException).code ?? '')) throw err;
  } finally {
    fs.closeSync(fd);
  }
}

const UNSUPPORTED = new Set(['EINVAL', 'ENOTSUP', 'EOPNOTSUPP', 'EPERM', 'EACCES']);
