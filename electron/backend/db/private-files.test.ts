import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createBackend, DB_FILE_NAME } from '../app';
import { removeTestDir } from '../testing/remove-dir';

// ID numbers and the device token live in the data folder: other users of the machine must not read it.

let root: string;
let umask: number;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-modes-'));
  umask = process.umask(0o022); // the usual default, which makes files 0644 and folders 0755
});
afterEach(() => {
  process.umask(umask);
  removeTestDir(root);
});

const mode = (p: string) => fs.statSync(p).mode & 0o777;

async function openAndWrite(dataDir: string) {
  const backend = createBackend({ dataDir, logError: () => undefined, sync: { autoStart: false } });
  await backend.call('setup.status', {}, null);
  backend.store.prepare("CREATE TABLE IF NOT EXISTS t (x)").run(); // something in the WAL
  return backend;
}

describe.skipIf(process.platform === 'win32')('data folder modes (POSIX)', () => {
  test('a new data folder is 0700 (its new parents too) and the database, -wal and -shm are 0600', async () => {
    const dataDir = path.join(root, 'home', '.doudi-desk', 'data');
    const backend = await openAndWrite(dataDir);
    try {
      expect(mode(dataDir).toString(8)).toBe('700');
      expect(mode(path.dirname(dataDir)).toString(8)).toBe('700');
      for (const f of [DB_FILE_NAME, `${DB_FILE_NAME}-wal`, `${DB_FILE_NAME}-shm`]) {
        expect(mode(path.join(dataDir, f)).toString(8), f).toBe('600');
      }
    } finally {
      backend.close();
    }
  });

  test('a folder and files left 0755/0644 by an older version are tightened on start', async () => {
    const dataDir = path.join(root, 'data');
    fs.mkdirSync(dataDir, { mode: 0o755 });
    (await openAndWrite(dataDir)).close();
    fs.chmodSync(dataDir, 0o755);
    for (const f of fs.readdirSync(dataDir)) fs.chmodSync(path.join(dataDir, f), 0o644);
    fs.writeFileSync(path.join(dataDir, `${DB_FILE_NAME}-wal`), '', { mode: 0o644 });
    fs.chmodSync(path.join(dataDir, `${DB_FILE_NAME}-wal`), 0o644);
    const backend = await openAndWrite(dataDir);
    try {
      expect(mode(dataDir).toString(8)).toBe('700');
      for (const f of fs.readdirSync(dataDir)) expect(mode(path.join(dataDir, f)).toString(8), f).toBe('600');
      expect(fs.readdirSync(dataDir)).toContain(`${DB_FILE_NAME}-wal`);
    } finally {
      backend.close();
    }
  });
});
