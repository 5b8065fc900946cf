/**
 * The backend in its worker seals the device token with the shell's key store through the host (the
 * worker blocks on a shared buffer while the host's thread encrypts): enrollment stores it sealed,
 * sync opens it, and nothing readable is left on disk.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as admin from '../../server/admin/commands';
import { startBackendHost, type BackendHost } from '../../electron/host/host';
import { databaseKeyFile } from '../../electron/backend/db/database-key';
import { connectStreetDatabase } from '../../electron/backend/db/street-database';
import { osSecretBox } from '../../electron/backend/store/secret-box';
import { startServer, STREET_A, type TestServer } from './harness';
import { removeTestDir } from '../../electron/backend/testing/remove-dir';

let server: TestServer;
let host: BackendHost;
let dataDir: string;
const asked: string[] = [];
// A stand-in for safeStorage: reversible, and visibly not the plain value.
const keyStore = {
  encrypt: (plain: string) => {
    asked.push('encrypt');
    return Buffer.from([...plain].reverse().join(''), 'utf8').toString('base64');
  },
  decrypt: (sealed: string) => {
    asked.push('decrypt');
    return [...Buffer.from(sealed, 'base64').toString('utf8')].reverse().join('');
  },
};

beforeAll(async () => {
  server = await startServer();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-sealing-'));
  host = await startBackendHost({ dataDir, secrets: keyStore, sync: { autoStart: false }, logError: () => undefined });
});
afterAll(async () => {
  await host?.close();
  await server?.close();
  removeTestDir(dataDir);
});

test('enrollment seals the device token through the host; a sync opens it', async () => {
  const { code } = await admin.issueEnrollmentCode(server.opened.db, new Date(), STREET_A);
  const enrolled = await host.call('sync.enroll', { serverUrl: server.url, code, deviceName: 'sealing test' }, null);
  expect(enrolled).toMatchObject({ ok: true, result: { firstSync: { ok: true } } });
  expect(asked).toContain('encrypt');
  expect(asked).toContain('decrypt');

  // the database key is sealed beside the database too; no plain key file beside the folder
  const box = osSecretBox((p) => Buffer.from(keyStore.encrypt(p), 'base64'), (s) => keyStore.decrypt(Buffer.from(s).toString('base64')));
  expect(fs.readFileSync(databaseKeyFile(dataDir, box), 'utf8')).toMatch(/^sealed:/);
  expect(fs.existsSync(`${dataDir}.key`)).toBe(false);
  const db = connectStreetDatabase(dataDir, { secrets: box, readonly: true });
  try {
    const rows = db.prepare("SELECT key, value FROM local_meta WHERE key LIKE 'sync%token%'").all() as { key: string; value: string }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) if (r.value) expect(r.value.startsWith('sealed:')).toBe(true);
  } finally {
    db.close();
  }
  const login = await host.call('auth.login', { username: 'zgz_admin', password: 'secret-pass-1' }, null);
  const token = (login as { result: { token: string } }).result.token;
  expect(await host.call('sync.syncNow', {}, token)).toMatchObject({ ok: true, result: { ok: true } });
});
