/**
 * The host's reader worker over a real worker thread and a real SQLite file: the cheap reads are
 * answered while the writer is held inside one synchronous SQLite call (here: waiting on a write
 * lock another connection holds, as it would inside an import's COMMIT); a read after a write sees
 * it (setup, sign-in, sign-out); errors keep their code and Chinese message; the user's
 * actions served by the reader keep the session alive in the writer; a reader that stops is
 * restarted, its calls answered meanwhile.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { connectStreetDatabase } from '../backend/db/street-database';
import { SESSION_IDLE_MS } from '../backend/services/auth/sessions';
import { ADMIN, TEST_STREET } from '../backend/testing/harness';
import { importRows, importWorkbook } from '../backend/testing/import-file';
import { removeTestDir } from '../backend/testing/remove-dir';
import { startBackendHost, type BackendHost } from './host';

let dataDir: string;
let host: BackendHost;
let lock: Database.Database | null;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-host-reader-'));
  host = await startBackendHost({ dataDir, sync: { autoStart: false }, logError: () => undefined });
  lock = null;
  expect(await host.readerOpen()).toBe(true);
});
afterEach(async () => {
  lock?.close();
  await host.close();
  removeTestDir(dataDir);
});

async function must<T>(procedure: string, input: unknown, token: string | null): Promise<T> {
  const env = await host.call(procedure, input, token);
  if (!env.ok) throw new Error(`${procedure}: ${env.error.code} ${env.error.message}`);
  return env.result as T;
}

async function setUp(): Promise<{ token: string }> {
  const info = await must<{ token: string }>(
    'setup.initialize',
    { streetCode: TEST_STREET.code, streetName: TEST_STREET.name, officeName: TEST_STREET.officeName, admin: ADMIN },
    null,
  );
  return { token: info.token };
}

/** A registry import of a few rows, previewed: its commit is all-or-nothing, opened with BEGIN IMMEDIATE. */
async function previewImport(token: string, rows: number): Promise<string> {
  const [community] = await must<{ name: string }[]>('org.listCommunities', {}, token);
  const base64 = await importWorkbook(importRows(community!.name, rows));
  return (await must<{ importId: string }>('registry.importPreview', { fileName: '导入.xlsx', base64 }, token)).importId;
}

/**
 * Holds the database's write lock from a connection of the test's own: the writer's next write
 * waits for it inside one synchronous SQLite call (busy_timeout), its thread answering nothing.
 */
function holdWriteLock(): () => void {
  lock = connectStreetDatabase(dataDir);
  lock.exec('BEGIN IMMEDIATE');
  return () => {
    lock?.exec('ROLLBACK');
    lock?.close();
    lock = null;
  };
}

describe('the host reader', () => {
  test('cheap reads are answered while the writer is held in one synchronous call; the held work goes through after and is seen', async () => {
    const { token } = await setUp();
    const importId = await previewImport(token, 5);
    const release = holdWriteLock();
    const order: string[] = [];
    // The import's commit opens its transaction with BEGIN IMMEDIATE: the writer's thread waits for
    // the lock inside that one call (busy_timeout, up to 5 s), answering nothing, as in a long COMMIT.
    const held = host.call('registry.importCommit', { importId }, token).then((r) => {
      order.push('held work');
      return r;
    });
    await new Promise((r) => setTimeout(r, 500));
    const t0 = performance.now();
    const me = await host.call('auth.me', {}, token);
    const status = await host.call('setup.status', {}, null);
    const clock = await host.call('app.clock', {}, null);
    const waited = performance.now() - t0;
    order.push('reads');
    release();
    expect(me).toMatchObject({ ok: true, result: { token, user: { username: ADMIN.username } } });
    expect(status).toMatchObject({ ok: true, result: { isSetUp: true } });
    expect(clock).toMatchObject({ ok: true });
    expect(waited).toBeLessThan(2000); // not the writer's wait
    const done = await held;
    expect(done, JSON.stringify(done)).toMatchObject({ ok: true, result: { households: 5 } });
    expect(order).toEqual(['reads', 'held work']);
    expect(await host.call('registry.listHouseholds', {}, token)).toMatchObject({ ok: true, result: { total: 5 } });
  }, 120_000);

  test('a read after a write sees it: setup, sign-in, sign-out', async () => {
    expect(await host.call('setup.status', {}, null)).toMatchObject({ ok: true, result: { isSetUp: false } });
    const { token } = await setUp();
    expect(await host.call('setup.status', {}, null)).toMatchObject({ ok: true, result: { isSetUp: true } });
    expect(await host.call('auth.me', {}, token)).toMatchObject({ ok: true, result: { token, user: { username: ADMIN.username } } });
    const second = await must<{ token: string }>('auth.login', { username: ADMIN.username, password: ADMIN.password }, null);
    expect(await host.call('auth.session', {}, second.token)).toMatchObject({ ok: true });
    expect(await host.call('auth.logout', {}, second.token)).toMatchObject({ ok: true });
    const after = await host.call('auth.me', {}, second.token);
    expect(after).toEqual({ ok: false, error: { code: 'session-invalid', message: '登录状态无效，请重新登录' } });
    expect(await host.call('auth.me', {}, token)).toMatchObject({ ok: true });
  }, 60_000);

  test('errors keep their code and Chinese message across the reader', async () => {
    const { token } = await setUp();
    const importId = await previewImport(token, 3);
    const release = holdWriteLock(); // the writer answers nothing meanwhile: these are the reader's
    const held = host.call('registry.importCommit', { importId }, token);
    await new Promise((r) => setTimeout(r, 500));
    const anon = await host.call('auth.me', {}, null);
    const forged = await host.call('auth.me', {}, 'no-such-token');
    const bad = await host.call('setup.status', { extra: 1 }, null);
    release();
    expect(anon).toEqual({ ok: false, error: { code: 'not-signed-in', message: '请先登录' } });
    expect(forged).toEqual({ ok: false, error: { code: 'session-invalid', message: '登录状态无效，请重新登录' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!bad.ok) expect(bad.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await held).toMatchObject({ ok: true });
  }, 120_000);

  test("the user's actions served by the reader keep the session alive in the writer", async () => {
    const { token } = await setUp();
    // 40 minutes of reading only (auth.me is a user action), past the 30-minute idle limit
    for (const minutes of [20, 40]) {
      host.setClockOffset(minutes * 60_000);
      expect(await host.call('auth.me', {}, token)).toMatchObject({ ok: true });
    }
    expect(await host.call('users.list', {}, token)).toMatchObject({ ok: true });
    // and idleness still ends it, in both
    host.setClockOffset(40 * 60_000 + SESSION_IDLE_MS + 60_000);
    expect(await host.call('users.list', {}, token)).toMatchObject({ ok: false, error: { code: 'session-expired' } });
    expect(await host.call('auth.me', {}, token)).toMatchObject({ ok: false, error: { code: 'session-expired' } });
  }, 60_000);

  test('a reader that stops is restarted; its calls are answered meanwhile', async () => {
    const { token } = await setUp();
    await host.kill('reader');
    expect(await host.call('auth.me', {}, token)).toMatchObject({ ok: true, result: { user: { username: ADMIN.username } } });
    expect(await host.readerOpen()).toBe(true);
    // the new reader has the sessions: a sign-in after the restart and the one before both answer
    const second = await must<{ token: string }>('auth.login', { username: ADMIN.username, password: ADMIN.password }, null);
    expect(await host.call('auth.me', {}, second.token)).toMatchObject({ ok: true });
    expect(await host.call('auth.me', {}, token)).toMatchObject({ ok: true });
  }, 60_000);

  test('a restore replaces the file with the reader closed; the reader then reads the restored file', async () => {
    const info = await must<{ token: string; user: { id: string } }>('auth.me', {}, (await setUp()).token);
    const token = info.token;
    const backup = await must<{ path: string }>('backup.create', {}, token);
    await must('users.update', { id: info.user.id, displayName: '李主任' }, token);
    expect(await host.call('auth.me', {}, token)).toMatchObject({ ok: true, result: { user: { displayName: '李主任' } } });
    expect(await host.call('backup.restore', { path: backup.path, confirmed: true }, token)).toMatchObject({ ok: true });
    expect(await host.readerOpen()).toBe(true);
    expect(await host.call('auth.me', {}, token)).toMatchObject({ ok: true, result: { user: { displayName: ADMIN.displayName } } });
  }, 120_000);
});
