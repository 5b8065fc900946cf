/**
 * `VACUUM INTO` of an encrypted database, the integrity_check of a written backup, and the WAL
 * checkpoint after a long transaction, on a thread of its own: one SQLite statement that copies
 * the whole file (about 1.7 s for 50 MB here) would otherwise hold the backend's thread, which
 * serves the window. The thread opens its own read connection (a WAL snapshot: writers go on),
 * keyed by the pragmas of db/cipher.ts (`keyingChoices`, each scheme's tried in turn there: the
 * keying rule stays in one place), and the caller follows the copy's size for progress.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { keyingChoices } from '../../db/cipher';

const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let db;
try {
  db = new Database(workerData.file, { readonly: !workerData.checkpoint, fileMustExist: true });
  // each scheme's keying in turn until the schema reads (db/cipher.ts applyDatabaseKey's rule)
  for (const [i, pragmas] of workerData.keyings.entries()) {
    for (const p of pragmas) db.pragma(p);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      break;
    } catch (err) {
      if (err.code !== 'SQLITE_NOTADB' || i === workerData.keyings.length - 1) throw err;
    }
  }
  db.pragma('busy_timeout = 5000');
  if (workerData.checkpoint) db.pragma('wal_checkpoint(PASSIVE)');
  if (workerData.target) db.prepare('VACUUM INTO ?').run(workerData.target);
  const check = workerData.check ? db.prepare('PRAGMA integrity_check').pluck().all().join('；') : null;
  parentPort.postMessage({ ok: true, check });
} catch (err) {
  parentPort.postMessage({ ok: false, message: String((err && err.message) || err) });
} finally {
  if (db) db.close();
}
`;

export function vacuumIntoOnThread(file: string, key: Uint8Array, target: string, onProgress?: (done: number, total: number) => void): Promise<void> {
  const total = fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
  return onThread({ file, target, keyings: keyingChoices(key), check: false, checkpoint: false }, () => {
    try {
      onProgress?.(Math.min(fs.statSync(target).size, total), total);
    } catch {
      // not created yet
    }
  }).then(() => undefined);
}

/** integrity_check of a written backup, off the backend's thread (it reads every page). */
export function integrityCheckOnThread(file: string, key: Uint8Array | null): Promise<string> {
  return onThread({ file, target: null, keyings: key ? keyingChoices(key) : [[]], check: true, checkpoint: false }, () => undefined).then((c) => c ?? '');
}

/**
 * Copies the WAL's committed pages into the database file (a PASSIVE checkpoint: readers and
 * writers go on) from a connection of its own: after a long transaction (a 20,000-row import) the
 * automatic checkpoint at its COMMIT copied tens of MB and held the backend's thread for seconds.
 */
export function checkpointOnThread(file: string, key: Uint8Array | null): Promise<void> {
  return onThread({ file, target: null, keyings: key ? keyingChoices(key) : [[]], check: false, checkpoint: true }, () => undefined).then(() => undefined);
}

function onThread(data: { file: string; target: string | null; keyings: string[][]; check: boolean; checkpoint: boolean }, tick: () => void): Promise<string | null> {
  const module = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
  const worker = new Worker(THREAD, { eval: true, workerData: { module, ...data } });
  const timer = setInterval(tick, 100);
  return new Promise<string | null>((resolve, reject) => {
    worker.once('message', (m: { ok: boolean; message?: string; check: string | null }) => (m.ok ? resolve(m.check) : reject(new Error(m.message))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the backup thread ended (${code})`)));
  }).finally(() => {
    clearInterval(timer);
    void worker.terminate();
  });
}
