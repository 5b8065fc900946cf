/**
 * Fault injection: three office replicas sync with the district server through a proxy the test
 * controls, which drops requests, drops responses after the server committed, duplicates, holds
 * and reorders, cuts a body half-way; the server restarts mid-sync and a client is killed while it
 * applies a pulled page. After recovery every replica holds the same rows, the server holds each
 * acknowledged change exactly once, and no local change is lost. A fault meant to fail a sync meets
 * the transport's one resend of a request closed before any answer too (`again`): the network stays
 * down for that request; one such loss absorbed by the resend is reset-resend.test.ts.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { eq } from 'drizzle-orm';
import { devices, syncRows } from '../../server/db/schema';
import * as admin from '../../server/admin/commands';
import { authenticate, enroll as enrollServer, forgetRecentEnrollments, revokeDevice } from '../../server/sync/devices';
import { createBackend } from '../../electron/backend/app';
import { httpTransport } from '../../electron/backend/sync/http';
import { enrollDevice } from '../../electron/backend/sync/session';
import { SYNC_CATALOG } from '../../shared/sync/catalog';
import { META, pullCursor } from '../../electron/backend/sync/pull';
import { makeReplica, openReplica, rows, startServer, STREET_A, type Replica, type TestServer } from './harness';
import { addCommunities, expectConverged as expectConvergedOf, localHlcs, nameOf, rename, serverHlcs as serverHlcsOf, unpushed } from './invariants';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { removeTestDir } from '../../electron/backend/testing/remove-dir';

let server: TestServer;
let proxy: FaultProxy;
let r1: Replica;
let r2: Replica;
let r3: Replica;
const all = () => [r1, r2, r3];

const PUSH = (r: { method: string; path: string }) => r.method === 'POST' && r.path === '/v1/push';
const ENROLL = (r: { method: string; path: string }) => r.method === 'POST' && r.path === '/v1/enroll';
const PULL = (r: { method: string; path: string }) => r.method === 'GET' && r.path === '/v1/pull';

async function recover(): Promise<void> {
  for (let i = 0; i < 2; i++) for (const r of all()) await r.sync();
}

const expectConverged = () => expectConvergedOf(server, all());
const serverHlcs = (node: string) => serverHlcsOf(server, node);

async function expectOnServer(hlcs: string[], node: string, present: boolean): Promise<void> {
  const on = new Set(await serverHlcs(node));
  expect(hlcs.filter((h) => on.has(h) !== present)).toEqual([]);
}

beforeAll(async () => {
  server = await startServer();
  proxy = await startFaultProxy(server.url);
  r1 = await makeReplica(server, 'r1', STREET_A, { url: proxy.url, timeoutMs: 10_000 });
  r2 = await makeReplica(server, 'r2', STREET_A, { url: proxy.url, timeoutMs: 10_000 });
  r3 = await makeReplica(server, 'r3', STREET_A, { url: proxy.url, timeoutMs: 10_000 });
  await recover();
}, 120_000);

afterAll(async () => {
  for (const r of all()) r?.close();
  await proxy?.close();
  await server?.close();
});

beforeEach(() => {
  proxy.events.length = 0;
});

describe('sync through a faulty network', () => {
  test('a dropped push never reaches the server and is sent again', async () => {
    const ids = addCommunities(r1, 'drop-req', 3);
    const sent = unpushed(r1);
    const fault = proxy.plan({ mode: 'drop-request', match: PUSH, again: 'drop-request' });
    await expect(r1.sync()).rejects.toThrow();
    expect(await proxy.fired(fault)).toMatchObject({ upstream: [], client: 'cut' });
    await expectOnServer(sent, r1.backend.store.nodeId, false);
    expect(unpushed(r1)).toEqual(sent);
    await recover();
    await expectConverged();
    for (const r of all()) expect(nameOf(r, ids[2]!)).toBe('drop-req-2');
  });

  test('a dropped pull leaves the cursor where it was', async () => {
    const ids = addCommunities(r1, 'drop-pull', 2);
    await r1.sync();
    const before = pullCursor(r2.backend.store);
    const fault = proxy.plan({ mode: 'drop-request', match: PULL, again: 'drop-request' });
    await expect(r2.sync()).rejects.toThrow();
    await proxy.fired(fault);
    expect(pullCursor(r2.backend.store)).toBe(before);
    expect(nameOf(r2, ids[0]!)).toBeUndefined();
    await recover();
    await expectConverged();
  });

  test('a push committed by the server whose answer is lost is sent again and kept once', async () => {
    const ids = addCommunities(r2, 'lost-answer', 4);
    rename(r2, ids[0]!, 'lost-answer-renamed');
    const sent = unpushed(r2);
    const fault = proxy.plan({ mode: 'drop-response', match: PUSH, again: 'drop-response' });
    await expect(r2.sync()).rejects.toThrow();
    expect(await proxy.fired(fault)).toMatchObject({ upstream: [200], client: 'cut' });
    // the server committed all of it; the client still counts it as unpushed
    await expectOnServer(sent, r2.backend.store.nodeId, true);
    expect(unpushed(r2)).toEqual(sent);
    const summary = await r2.sync();
    expect(summary.pushed).toBe(sent.length);
    await recover();
    await expectConverged();
    for (const r of all()) expect(nameOf(r, ids[0]!)).toBe('lost-answer-renamed');
  });

  test('a pulled page whose answer is lost is pulled again', async () => {
    const ids = addCommunities(r3, 'lost-page', 3);
    await r3.sync();
    const before = pullCursor(r1.backend.store);
    const fault = proxy.plan({ mode: 'drop-response', match: PULL, again: 'drop-response' });
    await expect(r1.sync()).rejects.toThrow();
    expect(await proxy.fired(fault)).toMatchObject({ upstream: [200], client: 'cut' });
    expect(pullCursor(r1.backend.store)).toBe(before);
    await recover();
    await expectConverged();
    for (const r of all()) expect(nameOf(r, ids[1]!)).toBe('lost-page-1');
  });

  test('an answer cut half-way is a network error for the app, and its next run recovers', async () => {
    const ids = addCommunities(r1, 'half-answer', 2);
    await r1.sync();
    addCommunities(r2, 'half-answer-r2', 1);
    const before = pullCursor(r2.backend.store);
    const fault = proxy.plan({ mode: 'cut-mid-response', match: PULL });
    try {
      const failed = await r2.backend.sync.runNow('manual');
      expect(await proxy.fired(fault)).toMatchObject({ upstream: [200], client: 'cut' });
      // the push before the cut went through, and the history says so
      expect(failed).toMatchObject({ ok: false, pushed: 1, error: { code: 'network' } });
      expect(r2.backend.sync.status()).toMatchObject({ state: 'offline', pendingCount: 0 });
      expect(pullCursor(r2.backend.store)).toBe(before);
      const ok = await r2.backend.sync.runNow('manual');
      expect(ok).toMatchObject({ ok: true, error: null });
      expect(r2.backend.sync.status()).toMatchObject({ state: 'online', lastError: null });
      expect(nameOf(r2, ids[1]!)).toBe('half-answer-1');
    } finally {
      r2.backend.sync.stop(); // the tests sync by hand
    }
    await recover();
    await expectConverged();
  });

  test('a push delivered twice at once is stored once', async () => {
    const ids = addCommunities(r1, 'twice', 5);
    rename(r1, ids[4]!, 'twice-renamed');
    const sent = unpushed(r1);
    const fault = proxy.plan({ mode: 'duplicate', match: PUSH });
    const summary = await r1.sync();
    expect(await proxy.fired(fault)).toMatchObject({ upstream: [200, 200], client: 200 });
    expect(summary).toMatchObject({ pushed: sent.length, rejected: 0 });
    expect(await serverHlcs(r1.backend.store.nodeId)).toEqual(localHlcs(r1));
    const [row] = await server.opened.db.select().from(syncRows).where(eq(syncRows.rowId, ids[4]!));
    expect(row!.fields.name).toBe('twice-renamed');
    await recover();
    await expectConverged();
  });

  test('an older push held back and delivered after a newer one loses to it everywhere', async () => {
    const [id] = addCommunities(r1, 'reorder', 1);
    await recover();
    rename(r1, id!, 'older-by-clock');
    const fault = proxy.plan({ mode: 'hold', match: PUSH });
    const held = r1.sync();
    await proxy.fired(fault);
    // meanwhile r2 renames the same row later by clock and syncs through
    r2.skew.ms = 1000;
    rename(r2, id!, 'newer-by-clock');
    r2.skew.ms = 0;
    await r2.sync();
    const released = await proxy.releaseHeld();
    expect(released.map((e) => e.client)).toEqual([200]);
    await held;
    const [row] = await server.opened.db.select().from(syncRows).where(eq(syncRows.rowId, id!));
    expect(row!.fields.name).toBe('newer-by-clock');
    await recover();
    await expectConverged();
    for (const r of all()) expect(nameOf(r, id!)).toBe('newer-by-clock');
  });

  test('a push that times out, is retried, and then arrives late is stored once', async () => {
    const ids = addCommunities(r2, 'late', 3);
    const sent = unpushed(r2);
    const fault = proxy.plan({ mode: 'hold', match: PUSH });
    await expect(r2.sync({ timeoutMs: 1500 })).rejects.toThrow();
    await proxy.fired(fault);
    await expectOnServer(sent, r2.backend.store.nodeId, false);
    rename(r2, ids[0]!, 'late-renamed');
    await r2.sync(); // the retry carries the held changes and the new one
    await expectOnServer(unpushed(r2), r2.backend.store.nodeId, true);
    const released = await proxy.releaseHeld(); // the stale copy reaches the server last
    expect(released[0]!.upstream).toEqual([200]);
    expect(released[0]!.client).toBe('cut');
    await recover();
    await expectConverged();
    for (const r of all()) expect(nameOf(r, ids[0]!)).toBe('late-renamed');
  });

  test('a connection cut half-way through a push body writes nothing', async () => {
    const ids = addCommunities(r3, 'cut', 40);
    const sent = unpushed(r3);
    const fault = proxy.plan({ mode: 'cut-mid-body', match: PUSH, again: 'cut-mid-body' });
    await expect(r3.sync()).rejects.toThrow();
    expect(await proxy.fired(fault)).toMatchObject({ upstream: [], client: 'cut' });
    await expectOnServer(sent, r3.backend.store.nodeId, false);
    await recover();
    await expectConverged();
    for (const r of all()) expect(nameOf(r, ids[39]!)).toBe('cut-39');
  });

  test('the server restarts in the middle of a batched push and of a paged pull', async () => {
    const ids = addCommunities(r1, 'restart', 150);
    let restarting: Promise<void> | null = null;
    const onForwarded = () => {
      restarting = server.restart();
    };
    const push = proxy.plan({ mode: 'pass', match: PUSH, nth: 2, onForwarded, again: 'drop-request' });
    await expect(r1.sync({ batch: 50 })).rejects.toThrow();
    expect(await proxy.fired(push)).toMatchObject({ client: 'cut' });
    await restarting;
    // the first batch was acknowledged before the restart
    expect(unpushed(r1).length).toBeLessThanOrEqual(100);
    await r1.sync({ batch: 50 });
    const before = pullCursor(r2.backend.store);
    const pull = proxy.plan({ mode: 'pass', match: PULL, nth: 2, onForwarded, again: 'drop-request' });
    await expect(r2.sync({ page: 50 })).rejects.toThrow();
    expect(await proxy.fired(pull)).toMatchObject({ client: 'cut' });
    await restarting;
    expect(pullCursor(r2.backend.store)).toBeGreaterThan(before);
    await recover();
    await expectConverged();
    for (const r of all()) expect(nameOf(r, ids[149]!)).toBe('restart-149');
  });

  test('a client killed while it applies a pulled page resumes from its cursor', async () => {
    const ids = addCommunities(r1, 'killed', 150);
    await r1.sync();
    r3.close({ keepData: true });
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(path.dirname(fileURLToPath(import.meta.url)), 'kill-child.ts'), r3.dataDir, '50', '2'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const report = await new Promise<{ committedCursor: string; pageCursor: string; inTransaction: boolean }>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`child did not reach page 2: ${out} ${err}`)), 30_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /^applying (.*)$/m.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(JSON.parse(m[1]!));
        }
      });
      child.on('exit', () => reject(new Error(`child exited early: ${out} ${err}`)));
    }).catch((e: unknown) => {
      child.kill('SIGKILL');
      throw e;
    });
    const exited = new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(report.inTransaction).toBe(true);

    r3 = openReplica('r3', r3.dataDir, { url: proxy.url, timeoutMs: 10_000 });
    // page 1 is there in full with its cursor; nothing of page 2
    expect(r3.backend.store.getMeta(META.cursor)).toBe(report.committedCursor);
    const arrived = ids.filter((id) => nameOf(r3, id) !== undefined).length;
    expect(arrived).toBe(50);
    await recover();
    await expectConverged();
    for (const id of ids) expect(nameOf(r3, id)).toBe(nameOf(r1, id));
  }, 60_000);

  test('a new device bootstraps through lost snapshot pages and a server restart', async () => {
    addCommunities(r2, 'bootstrap', 120);
    await r2.sync();
    const r7 = await makeReplica(server, 'r7', STREET_A, { url: proxy.url, timeoutMs: 10_000 });
    try {
      const SNAPSHOT = (r: { method: string; path: string }) => r.path === '/v1/snapshot';
      const lost = proxy.plan({ mode: 'drop-response', match: SNAPSHOT, nth: 2, again: 'drop-response' });
      await expect(r7.sync({ page: 50 })).rejects.toThrow();
      await proxy.fired(lost);
      const after = r7.backend.store.getMeta(META.snapshotAfter);
      expect(after).not.toBeNull(); // page 1 kept
      let restarting: Promise<void> | null = null;
      const cut = proxy.plan({ mode: 'pass', match: SNAPSHOT, nth: 2, onForwarded: () => (restarting = server.restart()), again: 'drop-request' });
      addCommunities(r1, 'during-bootstrap', 3); // written while the device bootstraps
      await r1.sync();
      await expect(r7.sync({ page: 50 })).rejects.toThrow();
      await proxy.fired(cut);
      await restarting;
      expect(r7.backend.store.getMeta(META.bootstrapped)).toBeNull();
      // the page before the cut is kept: the position moved on (positions are not ordered as text: a
      // walk goes from the district partition to the street's, 'district' > '120110…')
      const moved = r7.backend.store.getMeta(META.snapshotAfter);
      expect(moved).not.toBeNull();
      expect(moved).not.toBe(after);
      await r7.sync({ page: 50 });
      await recover();
      for (const table of SYNC_CATALOG.keys()) expect(rows(r7, table), table).toEqual(rows(r1, table));
    } finally {
      r7.close();
    }
    await expectConverged();
  });

  test('an enrollment whose answer is lost can be retried with the same code by the same device only', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-replica-r4-'));
    const b = createBackend({ dataDir, logError: () => undefined, sync: { autoStart: false } });
    const other = createBackend({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-replica-r5-')), logError: () => undefined, sync: { autoStart: false } });
    try {
      const { code } = await admin.issueEnrollmentCode(server.opened.db, new Date(), STREET_A);
      const input = { serverUrl: proxy.url, code, deviceName: 'r4' };
      const fault = proxy.plan({ mode: 'drop-response', match: ENROLL, again: 'drop-response' });
      await expect(enrollDevice(b.store, httpTransport(proxy.url, null), input)).rejects.toThrow();
      expect(await proxy.fired(fault)).toMatchObject({ upstream: [200], client: 'cut' });
      await server.restart(); // and the server forgot the answer it had sent
      // another device cannot use the code; the one whose answer was lost can, and stays one device
      await expect(enrollDevice(other.store, httpTransport(proxy.url, null), input)).rejects.toMatchObject({ code: 'enrollment-code-invalid' });
      await enrollDevice(b.store, httpTransport(proxy.url, null), input);
      expect(await server.opened.db.select().from(devices).where(eq(devices.node, b.store.nodeId))).toHaveLength(1);
      b.close();
      const r4 = openReplica('r4', dataDir);
      await r4.sync();
      expect(rows(r4, 'communities')).toEqual(rows(r1, 'communities'));
      // once the device has used its token, the code is spent for good, even for that device
      const node = r4.backend.store.nodeId;
      r4.close();
      await expect(httpTransport(proxy.url, null).enroll({ code, deviceName: 'r4', node })).rejects.toMatchObject({ code: 'enrollment-code-invalid' });
    } finally {
      other.close();
      removeTestDir(path.dirname(other.dbFile));
    }
  });

  test('an enrollment delivered twice gives the device one working token', async () => {
    const r = createBackend({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-replica-r6-')), logError: () => undefined, sync: { autoStart: false } });
    const { code } = await admin.issueEnrollmentCode(server.opened.db, new Date(), STREET_A);
    const fault = proxy.plan({ mode: 'duplicate', match: ENROLL });
    await enrollDevice(r.store, httpTransport(proxy.url, null), { serverUrl: proxy.url, code, deviceName: 'r6' });
    expect(await proxy.fired(fault)).toMatchObject({ upstream: [200, 200], client: 200 });
    r.close();
    const r6 = openReplica('r6', path.dirname(r.dbFile));
    try {
      await r6.sync();
      expect(rows(r6, 'communities')).toEqual(rows(r1, 'communities'));
      expect(await server.opened.db.select().from(devices).where(eq(devices.node, r6.backend.store.nodeId))).toHaveLength(1);
    } finally {
      r6.close();
    }
  });

  test('a lost enrollment answer may be retried only by its device, unrevoked, unused, within 15 minutes', async () => {
    const db = server.opened.db;
    const t0 = new Date();
    const at = (min: number) => new Date(t0.getTime() + min * 60_000);
    const { code } = await admin.issueEnrollmentCode(db, t0, STREET_A);
    const input = { code, deviceName: 'r8', node: 'f00dfeedf00dfeed' };
    const first = await enrollServer(db, input, t0);
    const refused = { code: 'enrollment-code-invalid' };
    await expect(enrollServer(db, { ...input, node: 'beefbeefbeefbeef' }, at(1))).rejects.toMatchObject(refused);
    await expect(enrollServer(db, input, at(16))).rejects.toMatchObject(refused);
    expect((await enrollServer(db, input, at(1))).token).toBe(first.token); // the same answer again
    forgetRecentEnrollments(db); // a restarted server: a new token, the lost one void
    const again = await enrollServer(db, input, at(2));
    expect(again.device.id).toBe(first.device.id);
    await expect(authenticate(db, first.token, at(3))).rejects.toMatchObject({ code: 'device-unknown' });
    await authenticate(db, again.token, at(3));
    await expect(enrollServer(db, input, at(4))).rejects.toMatchObject(refused); // used: spent for good
    const other = await admin.issueEnrollmentCode(db, t0, STREET_A);
    const d = await enrollServer(db, { ...input, code: other.code, node: 'cafecafecafecafe' }, t0);
    await revokeDevice(db, d.device.id, at(1));
    await expect(enrollServer(db, { ...input, code: other.code, node: 'cafecafecafecafe' }, at(2))).rejects.toMatchObject(refused);
  });
});
