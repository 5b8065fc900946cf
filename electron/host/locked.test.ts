/**
 * A data folder whose key file is gone (a copied folder, a sealed key from another account): the
 * backend starts locked instead of failing, answers why, and opens with the paper recovery key,
 * checked against the file before anything is written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { createBackend, DB_FILE_NAME } from '../backend/app';
import { databaseKeyFile, newDatabaseKey } from '../backend/db/database-key';
import { formatRecoveryKey } from '../backend/db/recovery-key';
import { startBackendHost, type BackendHost } from './host';
import { removeTestDir } from '../backend/testing/remove-dir';

let dataDir: string;
let host: BackendHost | undefined;
afterEach(async () => {
  await host?.close();
  removeTestDir(dataDir);
  fs.rmSync(databaseKeyFile(dataDir), { force: true });
});

test('without its key the backend starts locked, says why, and the recovery key opens it', async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-locked-'));
  const first = createBackend({ dataDir, logError: () => undefined, sync: { autoStart: false } });
  await first.call('setup.initialize', { streetCode: '120110001000', streetName: '张贵庄街道', officeName: '张贵庄街道公共服务办公室', admin: { username: 'admin', displayName: '王管理', password: 'admin-pass-1' } }, null);
  const recoveryKey = formatRecoveryKey(first.store.databaseKey!);
  first.close();
  fs.rmSync(databaseKeyFile(dataDir));
  const bytes = fs.readFileSync(path.join(dataDir, DB_FILE_NAME));

  host = await startBackendHost({ dataDir, sync: { autoStart: false }, logError: () => undefined });
  expect(await host.call('setup.status', {}, null)).toMatchObject({ ok: false, error: { code: 'database-key-missing', message: expect.stringContaining('恢复密钥') } });
  expect(await host.call('auth.login', { username: 'admin', password: 'admin-pass-1' }, null)).toMatchObject({ ok: false, error: { code: 'database-key-missing' } });
  expect(await host.call('database.unlock', { recoveryKey: 'ABCD-EFGH' }, null)).toMatchObject({ ok: false, error: { code: 'recovery-key-invalid' } });
  expect(await host.call('database.unlock', { recoveryKey: formatRecoveryKey(newDatabaseKey()) }, null)).toMatchObject({
    ok: false,
    error: { code: 'database-key-wrong', field: 'recoveryKey' },
  });
  expect(await host.call('database.unlock', {}, null)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  expect(fs.existsSync(databaseKeyFile(dataDir))).toBe(false);
  expect(fs.readFileSync(path.join(dataDir, DB_FILE_NAME)).equals(bytes)).toBe(true);

  // as copied by hand: lower case, spaces for dashes
  expect(await host.call('database.unlock', { recoveryKey: recoveryKey.toLowerCase().replace(/-/g, ' ') }, null)).toEqual({ ok: true, result: { ok: true } });
  expect(await host.call('setup.status', {}, null)).toMatchObject({ ok: true, result: { isSetUp: true } });
  expect(await host.call('auth.login', { username: 'admin', password: 'admin-pass-1' }, null)).toMatchObject({ ok: true });
  if (process.platform !== 'win32') expect((fs.statSync(databaseKeyFile(dataDir)).mode & 0o777).toString(8)).toBe('600');
}, 60_000);
