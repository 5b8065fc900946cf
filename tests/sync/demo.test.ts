/**
 * A demo database never becomes real (issue 13, item 2): it has a street code of its own outside
 * Dongli's, it cannot enroll (refused on the PC before the code is spent, and at the server), a
 * replica that says demo is refused at push, and no account named demo reaches a real street.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as admin from '../../server/admin/commands';
import { listDevices } from '../../server/sync/devices';
import { createBackend, type Backend } from '../../electron/backend/app';
import { generateStreet } from '../../electron/backend/demo/generate';
import { DEMO_PASSWORD, loadStreetData } from '../../electron/backend/demo/load';
import { httpTransport } from '../../electron/backend/sync/http';
import { applyPullPage } from '../../electron/backend/sync/pull';
import { hashPassword } from '../../shared/auth/password-hash';
import { HybridClock } from '../../shared/hlc';
import { findStreet } from '../../shared/streets';
import { SyncRefusal } from '../../shared/sync/rejections';
import { uuidv7 } from '../../shared/uuid';
import { actorOf, makeReplica, startServer, STREET_A, type TestServer } from './harness';
import { removeTestDir } from '../../electron/backend/testing/remove-dir';

let server: TestServer;
let demo: Backend;
let demoDir: string;

beforeAll(async () => {
  server = await startServer();
  demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-demo-enroll-'));
  demo = createBackend({ dataDir: demoDir, logError: () => undefined });
  loadStreetData(demo.store, generateStreet({ households: 5, referenceDate: '2026-06-01' }));
}, 60_000);

afterAll(async () => {
  demo?.close();
  removeTestDir(demoDir);
  await server?.close();
});

async function post(pathname: string, body: unknown, token?: string) {
  const r = await fetch(`${server.url}${pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as { code?: string; message?: string; token?: string; rejected?: { code: string }[] } };
}

describe('a demo database', () => {
  test('has a street code outside the real ones', async () => {
    const street = demo.store.getMeta('street_code')!;
    expect(street).toMatch(/^\d{12}$/);
    expect(street.startsWith('120110')).toBe(false);
    expect(findStreet(street)).toBeUndefined();
  });

  test('cannot enroll: the PC refuses before the code is spent, in Chinese', async () => {
    const { code } = await admin.issueEnrollmentCode(server.opened.db, new Date(), STREET_A);
    const login = await demo.call('auth.login', { username: 'demo', password: DEMO_PASSWORD }, null);
    expect(login.ok).toBe(true);
    const token = login.ok ? (login.result as { token: string }).token : null;
    const res = await demo.call('sync.enroll', { serverUrl: server.url, code, deviceName: '演示电脑' }, token);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('demo-cannot-enroll');
      expect(res.error.message).toContain('演示');
    }
    expect(await listDevices(server.opened.db)).toEqual([]);
    // the code is still good for a real PC
    const real = await post('/v1/enroll', { code, deviceName: '真实电脑', node: 'real-pc-1', replica: { demo: false, streetCode: STREET_A } });
    expect(real.status).toBe(200);
  });
});

describe('the server', () => {
  test('refuses an enrollment from a demo replica or from a replica of an unknown street, and keeps the code', async () => {
    const { code } = await admin.issueEnrollmentCode(server.opened.db, new Date(), STREET_A);
    const asDemo = await post('/v1/enroll', { code, deviceName: '演示电脑', node: 'demo-pc', replica: { demo: true, streetCode: STREET_A } });
    expect(asDemo).toMatchObject({ status: 403, body: { code: 'demo-replica' } });
    expect(asDemo.body.message).toContain('演示');
    const unknown = await post('/v1/enroll', { code, deviceName: '外区电脑', node: 'other-pc', replica: { demo: false, streetCode: '120110099000' } });
    expect(unknown).toMatchObject({ status: 422, body: { code: 'unknown-street' } });
    const before = (await listDevices(server.opened.db)).length;
    expect((await post('/v1/enroll', { code, deviceName: '真实电脑', node: 'real-pc-2' })).status).toBe(200);
    expect((await listDevices(server.opened.db)).length).toBe(before + 1);
  });

  test('refuses a push from a replica that says demo, storing nothing', async () => {
    const { code } = await admin.issueEnrollmentCode(server.opened.db, new Date(), STREET_A);
    const { body } = await post('/v1/enroll', { code, deviceName: '旧演示电脑', node: 'old-demo-pc' });
    const clock = new HybridClock('old-demo-pc');
    const id = uuidv7(Date.now());
    const change = {
      hlc: clock.tick(),
      node: 'old-demo-pc',
      table: 'communities',
      rowId: id,
      partition: STREET_A,
      fields: { id, created_at: '2026-06-01T00:00:00.000Z', updated_at: '2026-06-01T00:00:00.000Z', deleted_at: null, street_code: STREET_A, name: '演示社区', kind: 'community', sort_order: 99 },
    };
    const pushed = await post('/v1/push', { changes: [change], replica: { demo: true, streetCode: STREET_A } }, body.token);
    expect(pushed).toMatchObject({ status: 403, body: { code: 'demo-replica' } });
    const again = await httpTransport(server.url, body.token!).row('communities', id);
    expect(again.row).toBeNull();
  });

  test('refuses a user row named demo in a real street', async () => {
    const { code } = await admin.issueEnrollmentCode(server.opened.db, new Date(), STREET_A);
    const { body } = await post('/v1/enroll', { code, deviceName: '街道电脑', node: 'street-pc' });
    const id = uuidv7(Date.now());
    const at = '2026-06-01T00:00:00.000Z';
    const change = {
      hlc: new HybridClock('street-pc').tick(),
      node: 'street-pc',
      table: 'users',
      rowId: id,
      partition: STREET_A,
      fields: { id, created_at: at, updated_at: at, deleted_at: null, street_code: STREET_A, username: 'Demo', display_name: '演示管理员', role: 'street-admin', password_hash: 'x', phone: null, disabled: 0 },
    };
    const pushed = await post('/v1/push', { changes: [change] }, body.token);
    expect(pushed.status).toBe(200);
    expect(pushed.body.rejected?.map((r) => r.code)).toEqual(['demo-account']);
  });
});

describe('a real PC pulling a user row named demo (stored at the server before this rule)', () => {
  test('does not write it: demo/demo never signs in on a real street', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-demo-pull-'));
    const real = createBackend({ dataDir: dir, logError: () => undefined });
    try {
      const set = await real.call('setup.initialize', { streetCode: STREET_A, streetName: '张贵庄街道', officeName: '张贵庄街道公共服务办公室', admin: { username: 'zgz_admin', displayName: '王一', password: 'secret-pass-1' } }, null);
      expect(set.ok).toBe(true);
      const id = uuidv7(Date.now());
      const at = '2026-06-01T00:00:00.000Z';
      const fields = { id, created_at: at, updated_at: at, deleted_at: null, street_code: STREET_A, username: 'demo', display_name: '演示管理员', role: 'street-admin', password_hash: hashPassword(DEMO_PASSWORD), phone: null, disabled: 0 };
      real.store.tx(() => applyPullPage(real.store, { changes: [{ seq: 1, hlc: new HybridClock('old-demo-pc').tick(), node: 'old-demo-pc', table: 'users', rowId: id, partition: STREET_A, fields }], cursor: 1, hasMore: false, serverTime: at }));
      expect(real.store.sqlite.prepare("SELECT count(*) AS n FROM users WHERE username = 'demo'").get()).toEqual({ n: 0 });
      const login = await real.call('auth.login', { username: 'demo', password: DEMO_PASSWORD }, null);
      expect(login.ok).toBe(false);
    } finally {
      real.close();
      removeTestDir(dir);
    }
  });
});

describe('a PC enrolled before this rule whose data is a demo', () => {
  test('does not sync: the PC refuses before anything is sent', async () => {
    const r = await makeReplica(server, 'old-demo', STREET_A);
    try {
      r.backend.store.setMeta('is_demo', '1');
      r.backend.store.insert('communities', { streetCode: STREET_A, name: '演示社区甲', kind: 'community', sortOrder: 98 }, actorOf(STREET_A), null);
      const err = await r.sync().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SyncRefusal);
      expect((err as SyncRefusal).code).toBe('demo-replica');
    } finally {
      r.close();
    }
  });
});
