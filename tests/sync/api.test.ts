/**
 * The sync.* API of real backends against the district server on 127.0.0.1: enrollment through the
 * API (empty device without sign-in; a device with data only by an administrator), background sync
 * after local changes, offline and back, clock drift, refused changes and their repair, and the
 * scheduler's life cycle (started only when enrolled, stopped on close).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as admin from '../../server/admin/commands';
import { createBackend, type Backend, type BackendOptions } from '../../electron/backend/app';
import { httpTransport } from '../../electron/backend/sync/http';
import type { SyncStatus } from '../../shared/sync/status';
import { startServer, STREET_A, STREET_B, type TestServer } from './harness';
import { deviceNumber } from '../../electron/backend/store/enrollment';
import { listDevices } from '../../server/sync/devices';
import { caller, prepareCards, setCareSubsidies } from '../support/care-data';
import { eq } from 'drizzle-orm';
import { syncRows } from '../../server/db/schema';
import { removeTestDir } from '../../electron/backend/testing/remove-dir';

let server: TestServer;
const open: { backend: Backend; dir: string }[] = [];
const offline = { on: false };

function backend(extra: Partial<BackendOptions> = {}, dir?: string) {
  const dataDir = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-sync-api-'));
  const b = createBackend({
    dataDir,
    logError: () => undefined,
    sync: {
      debounceMs: 50,
      intervalMs: 60_000,
      baseBackoffMs: 100,
      maxBackoffMs: 400,
      probeMs: 100,
      transport: (url, token) => (offline.on ? httpTransport('http://127.0.0.1:9', token, { timeoutMs: 500 }) : httpTransport(url, token)),
    },
    ...extra,
  });
  open.push({ backend: b, dir: dataDir });
  return b;
}

async function call<T = unknown>(b: Backend, p: string, input: unknown, token: string | null = null): Promise<T> {
  const res = await b.call(p, input, token);
  if (!res.ok) throw Object.assign(new Error(res.error.message), res.error);
  return res.result as T;
}

async function until(what: () => boolean | Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function code(partition = STREET_A) {
  return (await admin.issueEnrollmentCode(server.opened.db, new Date(), partition)).code;
}

function changeCount(b: Backend) {
  return (b.store.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
}

async function login(b: Backend, username = 'zgz_admin', password = 'secret-pass-1') {
  return (await call<{ token: string }>(b, 'auth.login', { username, password })).token;
}

beforeAll(async () => {
  server = await startServer();
  await admin.createUser(server.opened.db, new Date(), { username: 'zgz_cw', displayName: '李三', role: 'caseworker', password: 'secret-pass-3', partition: STREET_A });
}, 120_000);

afterAll(async () => {
  for (const o of open) {
    o.backend.close();
    removeTestDir(o.dir);
  }
  await server?.close();
});

describe('sync API', () => {
  test('an enrolled street PC takes district-wide figures from the district and sets only its own', async () => {
    const a = backend();
    await call(a, 'sync.enroll', { serverUrl: server.url, code: await code() });
    const ta = await login(a);
    const params = await call<{ key: string; settableHere: boolean; current: unknown }[]>(a, 'policy.listParams', {}, ta);
    const dibao = params.find((p) => p.key === 'dibao.standard')!;
    expect(dibao).toMatchObject({ settableHere: false });
    expect(dibao.current).not.toBeNull(); // from the district server's defaults
    expect(params.find((p) => p.key === 'care.supervisionHotline')).toMatchObject({ settableHere: true });
    const before = changeCount(a);
    await expect(
      call(a, 'policy.setParam', { key: 'dibao.standard', value: 120000, effectiveFrom: '2099-01-01' }, ta),
    ).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('区民政局统一设置') });
    expect(changeCount(a)).toBe(before);
    await call(a, 'policy.setParam', { key: 'care.supervisionHotline', value: '022-24390000', effectiveFrom: '2099-01-01' }, ta);
    expect(changeCount(a)).toBeGreaterThan(before);
  });

  test('each PC of a street gets its own number, so care cards issued offline on two PCs never share a number', async () => {
    const a = backend();
    const b = backend();
    const c = backend();
    await call(a, 'sync.enroll', { serverUrl: server.url, code: await code() });
    await call(b, 'sync.enroll', { serverUrl: server.url, code: await code() });
    await call(c, 'sync.enroll', { serverUrl: server.url, code: await code(STREET_B) });
    const [na, nb, nc] = [deviceNumber(a.store), deviceNumber(b.store), deviceNumber(c.store)];
    expect(na).toBeGreaterThan(0);
    expect(nb).toBe(na + 1);
    expect(nc).toBeGreaterThan(0);
    const devices = await listDevices(server.opened.db);
    expect(devices.filter((d) => d.scope.partition === STREET_A).map((d) => d.deviceNo)).toContain(nb);

    // Offline from here: the policy figures the care rules need came with enrollment, from the server.
    offline.on = true;
    try {
      const numbers: string[] = [];
      for (const [i, x] of [a, b].entries()) {
        setCareSubsidies(x, STREET_A);
        const [card] = await prepareCards(caller(x, await login(x)), 1, { seqStart: 700 + i * 10 });
        numbers.push(card!.cardNumber);
      }
      expect(numbers[0]).toMatch(new RegExp(`^ZL-${STREET_A}-\\d{4}-${String(na).padStart(2, '0')}-0001$`));
      expect(numbers[1]).toMatch(new RegExp(`^ZL-${STREET_A}-\\d{4}-${String(nb).padStart(2, '0')}-0001$`));
    } finally {
      offline.on = false;
    }
  });

  test('an empty device is not enrolled; a wrong code or address is refused naming the field, nothing written', async () => {
    const b = backend();
    const st = await call<SyncStatus>(b, 'sync.status', {});
    expect(st).toMatchObject({ enrolled: false, state: 'not-enrolled', pendingCount: 0, clockDrift: null });
    const before = changeCount(b);
    await expect(call(b, 'sync.enroll', { serverUrl: server.url, code: 'WRONG-CODE' })).rejects.toMatchObject({
      code: 'sync-failed',
      field: 'code',
      message: expect.stringContaining('登记码无效'),
    });
    await expect(call(b, 'sync.enroll', { serverUrl: 'http://127.0.0.1:9', code: 'ABCD-EFGH' })).rejects.toMatchObject({
      code: 'sync-failed',
      field: 'serverUrl',
    });
    await expect(call(b, 'sync.enroll', { serverUrl: 'ftp:/x', code: 'ABCD-EFGH' })).rejects.toMatchObject({ code: 'invalid-input', field: 'serverUrl' });
    await expect(call(b, 'sync.syncNow', {})).rejects.toMatchObject({ code: 'not-signed-in' });
    expect(changeCount(b)).toBe(before);
    expect(b.store.getMeta('sync_token')).toBeNull();
  });

  test('enrolling an empty device bootstraps its street; staff then sign in; a second enrollment is refused', async () => {
    const b = backend();
    const res = await call<{ scope: { partition: string }; firstSync: { ok: boolean } }>(b, 'sync.enroll', { serverUrl: `${server.url}/`, code: await code() });
    expect(res).toMatchObject({ scope: { kind: 'street', partition: STREET_A }, firstSync: { ok: true } });
    expect(await call(b, 'setup.status', {})).toMatchObject({ isSetUp: true, street: { code: STREET_A } });
    const st = await call<SyncStatus>(b, 'sync.status', {});
    expect(st).toMatchObject({ enrolled: true, serverUrl: server.url, state: 'online', pendingCount: 0, lastError: null });
    const token = await login(b);
    expect(st.lastSyncedAt).not.toBeNull();
    expect(st.clockDrift).toMatchObject({ level: 'ok' });
    const hist = await call<{ trigger: string; ok: boolean; snapshotRows: number }[]>(b, 'sync.history', {}, token);
    expect(hist[0]).toMatchObject({ trigger: 'enroll', ok: true });
    expect(hist[0]!.snapshotRows).toBeGreaterThan(0);
    await expect(call(b, 'sync.enroll', { serverUrl: server.url, code: await code() }, token)).rejects.toMatchObject({ code: 'already-enrolled' });
  });

  test('a device holding data: only an administrator of the same street may enroll it', async () => {
    const b = backend();
    await call(b, 'setup.initialize', {
      streetCode: STREET_A,
      streetName: '张贵庄街道',
      officeName: '张贵庄街道公共服务办公室',
      admin: { username: 'local_admin', displayName: '本地管理员', password: 'local-pass-1' },
    }).catch(async (e) => {
      throw e;
    });
    await expect(call(b, 'sync.enroll', { serverUrl: server.url, code: await code() })).rejects.toMatchObject({ code: 'not-signed-in' });
    const token = await login(b, 'local_admin', 'local-pass-1');
    const wrong = await code(STREET_B);
    await expect(call(b, 'sync.enroll', { serverUrl: server.url, code: wrong }, token)).rejects.toMatchObject({
      code: 'sync-failed',
      message: expect.stringContaining('其他街道'),
    });
    expect(b.store.getMeta('sync_token')).toBeNull();
    const res = await call<{ firstSync: { ok: boolean } }>(b, 'sync.enroll', { serverUrl: server.url, code: await code() }, token);
    expect(res.firstSync.ok).toBe(true);
    expect((await call<SyncStatus>(b, 'sync.status', {}, token)).pendingCount).toBe(0);
  });

  test('a local change syncs in the background (debounced) and reaches another device of the street', async () => {
    const a = backend();
    const b = backend();
    await call(a, 'sync.enroll', { serverUrl: server.url, code: await code() });
    await call(b, 'sync.enroll', { serverUrl: server.url, code: await code() });
    const ta = await login(a);
    const tb = await login(b);
    const saved = await call<{ id: string }>(a, 'org.saveCommunity', { name: '后台同步社区', kind: 'community' }, ta);
    await until(() => a.sync.history().some((h) => h.trigger === 'local-change' && h.ok && h.pushed > 0));
    expect((await call<SyncStatus>(a, 'sync.status', {}, ta)).pendingCount).toBe(0);
    const run = await call<{ ok: boolean; pulled: number }>(b, 'sync.syncNow', {}, tb);
    expect(run.ok).toBe(true);
    const list = await call<{ id: string; name: string }[]>(b, 'org.listCommunities', {}, tb);
    expect(list.find((c) => c.id === saved.id)?.name).toBe('后台同步社区');
  });

  test('offline: the status says so in Chinese, changes wait, and go out when the network returns', async () => {
    const a = backend();
    await call(a, 'sync.enroll', { serverUrl: server.url, code: await code() });
    const ta = await login(a);
    offline.on = true;
    try {
      await call(a, 'org.saveCommunity', { name: '断网时新建', kind: 'community' }, ta);
      const run = await call<{ ok: boolean; error: { code: string } }>(a, 'sync.syncNow', {}, ta);
      expect(run).toMatchObject({ ok: false, error: { code: 'network' } });
      const st = await call<SyncStatus>(a, 'sync.status', {}, ta);
      expect(st.state).toBe('offline');
      expect(st.pendingCount).toBeGreaterThan(0);
      expect(st.lastError).toMatchObject({ message: '无法连接区级服务器', action: expect.stringContaining('网络恢复后会自动同步') });
    } finally {
      offline.on = false;
    }
    // the background probe notices the server again and syncs without anyone pressing a button
    await until(async () => (await call<SyncStatus>(a, 'sync.status', {}, ta)).state === 'online');
    expect((await call<SyncStatus>(a, 'sync.status', {}, ta)).pendingCount).toBe(0);
    const hist = await call<{ trigger: string; ok: boolean }[]>(a, 'sync.history', {}, ta);
    expect(hist.some((h) => h.ok && (h.trigger === 'network' || h.trigger === 'interval'))).toBe(true);
  });

  test('a fast clock is reported in words with what to do', async () => {
    const a = backend({ now: () => new Date(Date.now() + 12 * 60_000) });
    await call(a, 'sync.enroll', { serverUrl: server.url, code: await code() });
    const ta = await login(a);
    const st = await call<SyncStatus>(a, 'sync.status', {}, ta);
    expect(st.clockDrift).toMatchObject({ level: 'severe', words: '本机时间比区级服务器快约 12 分钟' });
    expect(st.clockDrift!.action).toContain('北京时间');
    // Meanwhile its work still syncs: once the drift is known, changes are stamped with the server's time.
    const saved = await call<{ id: string }>(a, 'org.saveCommunity', { name: '钟快的电脑建的社区' }, ta);
    const run = await call<{ ok: boolean }>(a, 'sync.syncNow', {}, ta);
    expect(run.ok).toBe(true);
    const refused = await call<{ code: string; tableName: string }[]>(a, 'sync.rejections', {}, ta);
    expect(refused.map((r) => `${r.tableName}:${r.code}`)).toEqual([]);
    expect((await call<SyncStatus>(a, 'sync.status', {}, ta)).pendingCount).toBe(0);
    const [row] = await server.opened.db.select().from(syncRows).where(eq(syncRows.rowId, saved.id));
    expect(row?.fields.name).toBe('钟快的电脑建的社区');
  });

  test('refused changes are listed with reason and action; "take the server’s value" repairs them', async () => {
    const a = backend();
    await call(a, 'sync.enroll', { serverUrl: server.url, code: await code() });
    const ta = await login(a);
    const cwToken = await login(a, 'zgz_cw', 'secret-pass-3');
    const actor = { userId: null, username: 'test', streetCode: STREET_A };
    const community = (await call<{ id: string; name: string }[]>(a, 'org.listCommunities', {}, ta))[0]!;
    // a change that moves a row to another street, and a row created in another street's partition
    a.store.update('communities', community.id, { name: '改到别的街道', streetCode: STREET_B }, actor, null);
    const foreign = a.store.insert('communities', { streetCode: STREET_B, name: '别的街道的社区' }, actor, null);
    const run = await call<{ rejected: number }>(a, 'sync.syncNow', {}, ta);
    expect(run.rejected).toBe(2);
    const rej = await call<{ hlc: string; rowId: string; code: string; message: string; action: string; tableLabel: string }[]>(a, 'sync.rejections', {}, cwToken);
    expect(rej).toHaveLength(2);
    expect(rej.every((r) => r.code === 'partition-forbidden' && r.tableLabel === '社区（村）' && /联系区级管理员/.test(r.action))).toBe(true);
    expect((await call<SyncStatus>(a, 'sync.status', {}, ta)).rejectedCount).toBe(2);

    for (const r of rej) await call(a, 'sync.resolveRejection', { hlc: r.hlc, action: 'take-server' }, ta);
    const row = a.store.prepare('SELECT name, street_code FROM communities WHERE id = ?').get(community.id);
    expect(row).toEqual({ name: community.name, street_code: STREET_A });
    expect(a.store.prepare('SELECT 1 FROM communities WHERE id = ?').get(foreign)).toBeUndefined();
    expect(await call(a, 'sync.rejections', {}, ta)).toEqual([]);
    await expect(call(a, 'sync.resolveRejection', { hlc: rej[0]!.hlc, action: 'take-server' }, ta)).rejects.toMatchObject({ code: 'not-found' });
    expect((await call<{ ok: boolean; rejected: number }>(a, 'sync.syncNow', {}, ta))).toMatchObject({ ok: true, rejected: 0 });
  });

  test('background sync starts when an enrolled device reopens and stops on close', async () => {
    const a = backend();
    await call(a, 'sync.enroll', { serverUrl: server.url, code: await code() });
    const dir = open.find((o) => o.backend === a)!.dir;
    a.close();
    open.splice(open.findIndex((o) => o.backend === a), 1);
    const again = backend({}, dir);
    await until(() => again.sync.history().some((h) => h.trigger === 'start'));
    again.close();
    open.splice(open.findIndex((o) => o.backend === again), 1);
    await expect(again.sync.runNow()).rejects.toMatchObject({ code: 'sync-failed' });
    const plain = backend();
    expect(plain.sync.enrolled).toBe(false);
    await expect(plain.sync.runNow()).rejects.toMatchObject({ code: 'not-enrolled' });
    removeTestDir(dir);
  });
});
