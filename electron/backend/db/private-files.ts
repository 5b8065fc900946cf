/**
 * The data folder holds every household's ID numbers and the device's sync token: on POSIX it is
 * 0700 and its files 0600, whatever the umask, and a folder or file left looser by an older version
 * (or a copy) is tightened on start. SQLite creates -wal and -shm with the mode of the database file,
 * so the database is created here first. On Windows the profile's ACLs apply and this does nothing
 * beyond creating the folder.
 */
import fs from 'node:fs';
import path from 'node:path';

const POSIX = process.platform !== 'win32';
const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

function tighten(target: string, mode: number): void {
  if ((fs.lstatSync(target).mode & 0o077) !== 0) fs.chmodSync(target, mode);
}

/** Creates the folder (and missing parents) 0700, and tightens it and the files in it. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  if (!POSIX) return;
  tighten(dir, DIR_MODE);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile()) tighten(path.join(dir, entry.name), FILE_MODE);
    else if (entry.isDirectory()) tighten(path.join(dir, entry.name), DIR_MODE);
  }
}

/** Creates the file empty with 0600 when it is missing (a file that exists keeps its content). */
export function ensurePrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', FILE_MODE));
  if (POSIX) tighten(file, FILE_MODE);
}
