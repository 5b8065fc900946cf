/**
 * Three office replicas (real backends, separate SQLite files) and a district server listening on
 * 127.0.0.1: convergence of concurrent and offline edits, deletes by HLC, street scope on every
 * endpoint, revoked devices, bad and oversized payloads.
 */
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { count } from 'drizzle-orm';
import { syncChanges, syncRows } from '../../server/db/schema';
import { httpTransport } from '../../electron/backend/sync/http';
import { syncConfig } from '../../electron/backend/sync/session';
import { openRejections } from '../../electron/backend/sync/encode';
import { revokeDevice } from '../../server/sync/devices';
import { SyncRefusal } from '../../shared/sync/rejections';
import { formatHlc } from '../../shared/hlc';
import { actorOf, makeReplica, rows, startServer, STREET_A, STREET_B, type Replica, type TestServer } from './harness';

let server: TestServer;
let r1: Replica;
let r2: Replica;
let r3: Replica;

async function serverCounts() {
  const [c] = await server.opened.db.select({ n: count() }).from(syncChanges);
  const [r] = await server.opened.db.select({ n: count() }).from(syncRows);
  return { changes: c!.n, rows: r!.n };
}

async function syncAll(times = 2) {
  for (let i = 0; i < times; i++) for (const r of [r1, r2, r3]) await r.sync();
}

function tokenOf(r: Replica) {
  return syncConfig(r.backend.store)!.token;
}

beforeAll(async () => {
  server = await startServer({ bodyLimit: 256 * 1024 });
  r1 = await makeReplica(server, 'r1', STREET_A);
  r2 = await makeReplica(server, 'r2', STREET_A);
  r3 = await makeReplica(server, 'r3', STREET_B);
  await syncAll(1);
}, 120_000);

afterAll(async () => {
  for (const r of [r1, r2, r3]) r?.close();
  await server?.close();
});

describe('sync between three replicas and the district server', () => {
  test('a new device bootstraps its street, district users reach it, and staff sign in offline', async () => {
    expect(rows(r1, 'streets').map((s) => s.code)).toEqual([STREET_A]);
    expect(rows(r1, 'communities').length).toBeGreaterThan(3);
    expect(rows(r3, 'streets').map((s) => s.code)).toEqual([STREET_B]);
    expect(rows(r3, 'users').map((u) => u.username)).toEqual(['fnc_admin']);
    const login = await r1.backend.call('auth.login', { username: 'zgz_admin', password: 'secret-pass-1' }, null);
    expect(login.ok).toBe(true);
    const status = await r1.backend.call('setup.status', {}, null);
    expect(status).toMatchObject({ ok: true, result: { isSetUp: true } });
  });

  test('concurrent edits of the same and of different fields converge everywhere', async () => {
    const store1 = r1.backend.store;
    const id = store1.insert('communities', { streetCode: STREET_A, name: '新建社区' }, actorOf(STREET_A), null);
    await syncAll();
    r2.skew.ms = 2000; // r2's edit of the same field is later by HLC
    r1.backend.store.update('communities', id, { name: '甲名', contactName: '联系人甲' }, actorOf(STREET_A), null);
    r2.backend.store.update('communities', id, { name: '乙名', contactPhone: '022-12345678' }, actorOf(STREET_A), null);
    await syncAll();
    r2.skew.ms = 0;
    const a = rows(r1, 'communities', STREET_A);
    expect(rows(r2, 'communities', STREET_A)).toEqual(a);
    const row = a.find((r) => r.id === id)!;
    expect(row).toMatchObject({ name: '乙名', contact_name: '联系人甲', contact_phone: '022-12345678' });
    expect(rows(r3, 'communities', STREET_A)).toEqual([]);
  });

  test('edits made offline arrive after reconnection', async () => {
    const id = r2.backend.store.insert('communities', { streetCode: STREET_A, name: '离线社区' }, actorOf(STREET_A), null);
    await expect(r2.syncOffline()).rejects.toThrow();
    expect(r2.backend.store.getMeta('sync_last_error')).toContain('network');
    r2.backend.store.update('communities', id, { sortOrder: 42 }, actorOf(STREET_A), null);
    await r1.sync();
    expect(rows(r1, 'communities').some((r) => r.id === id)).toBe(false);
    await r2.sync();
    await r1.sync();
    expect(rows(r1, 'communities').find((r) => r.id === id)).toMatchObject({ name: '离线社区', sort_order: 42 });
  });

  test('deletes win or lose by HLC, field by field', async () => {
    const id = r1.backend.store.insert('communities', { streetCode: STREET_A, name: '将删社区' }, actorOf(STREET_A), null);
    await syncAll();
    r1.backend.store.softDelete('communities', id, actorOf(STREET_A), null);
    r2.skew.ms = 1500;
    r2.backend.store.update('communities', id, { name: '删除后改名' }, actorOf(STREET_A), null);
    await syncAll();
    r2.skew.ms = 0;
    for (const r of [r1, r2]) {
      const row = rows(r, 'communities').find((x) => x.id === id)!;
      expect(row.deleted_at).not.toBeNull();
      expect(row.name).toBe('删除后改名');
    }
    expect(rows(r1, 'communities', STREET_A)).toEqual(rows(r2, 'communities', STREET_A));
  });

  test('pull: a street device never receives another street’s changes', async () => {
    r1.backend.store.insert('communities', { streetCode: STREET_A, name: '甲街私有' }, actorOf(STREET_A), null);
    await r1.sync();
    const page = await httpTransport(server.url, tokenOf(r3)).pull(0, 1000);
    expect(page.changes.length).toBeGreaterThan(0);
    expect(page.changes.filter((c) => c.partition !== STREET_B && c.partition !== 'district')).toEqual([]);
    await r3.sync();
    expect(rows(r3, 'communities').filter((c) => c.street_code !== STREET_B)).toEqual([]);
  });

  test('snapshot: a street device never receives another street’s rows', async () => {
    const snap = await httpTransport(server.url, tokenOf(r3)).snapshot({ after: null, cursor: null, limit: 1000 });
    expect(snap.rows.length).toBeGreaterThan(0);
    expect(snap.rows.filter((r) => r.partition !== STREET_B && r.partition !== 'district')).toEqual([]);
  });

  test('push: a street device cannot write another street’s partition nor a row of it', async () => {
    const before = await serverCounts();
    const victim = rows(r1, 'communities', STREET_A)[0]!;
    const store3 = r3.backend.store;
    const hlc = () => store3.clock.tick();
    const t = httpTransport(server.url, tokenOf(r3));
    const at = new Date().toISOString();
    const res = await t.push([
      // a new row in street A's partition
      { hlc: hlc(), node: store3.nodeId, table: 'communities', rowId: '01900000-0000-7000-8000-00000000000a', partition: STREET_A, fields: { id: '01900000-0000-7000-8000-00000000000a', created_at: at, updated_at: at, street_code: STREET_A, name: '越权' } },
      // street A's existing row, claimed to be in street B
      { hlc: hlc(), node: store3.nodeId, table: 'communities', rowId: String(victim.id), partition: STREET_B, fields: { name: '篡改' } },
      // district-wide rows are the district's to write
      { hlc: hlc(), node: store3.nodeId, table: 'policy_params', rowId: '01900000-0000-7000-8000-00000000000b', partition: 'district', fields: { value: '1' } },
    ]);
    expect(res.accepted).toEqual([]);
    expect(res.rejected.map((r) => r.code)).toEqual(['partition-forbidden', 'partition-forbidden', 'partition-forbidden']);
    expect(res.rejected[0]!.message).toMatch(/无权/);
    expect(await serverCounts()).toEqual(before);
  });

  test('per-change validation: unknown table, unknown column, bad value, clock ahead', async () => {
    const before = await serverCounts();
    const store1 = r1.backend.store;
    const t = httpTransport(server.url, tokenOf(r1));
    const row = rows(r1, 'communities', STREET_A)[0]!;
    const base = { node: store1.nodeId, rowId: String(row.id), partition: STREET_A };
    const ahead = formatHlc({ millis: Date.now() + 10 * 60_000, counter: 0, node: store1.nodeId });
    const res = await t.push([
      { ...base, hlc: store1.clock.tick(), table: 'secret_table', fields: { x: 1 } },
      { ...base, hlc: store1.clock.tick(), table: 'communities', fields: { shoe_size: 1 } },
      { ...base, hlc: store1.clock.tick(), table: 'communities', fields: { sort_order: 'many' } },
      { ...base, hlc: store1.clock.tick(), table: 'communities', fields: { kind: 'castle' } },
      { ...base, hlc: ahead, table: 'communities', fields: { name: '未来' } },
    ]);
    expect(res.rejected.map((r) => r.code)).toEqual(['unknown-table', 'unknown-column', 'bad-value', 'bad-value', 'clock-ahead']);
    expect(await serverCounts()).toEqual(before);
  });

  test('changes a fast clock stamped in the future are re-stamped with the server’s time and accepted', async () => {
    r1.skew.ms = 6 * 60_000; // this PC's clock runs 6 minutes fast, before any sync has measured it
    const id = r1.backend.store.insert('communities', { streetCode: STREET_A, name: '钟快社区' }, actorOf(STREET_A), null);
    const after = r1.backend.store.insert('communities', { streetCode: STREET_A, name: '钟快社区二' }, actorOf(STREET_A), null);
    const summary = await r1.sync();
    expect(summary.rejected).toBe(0);
    expect(openRejections(r1.backend.store)).toEqual([]);
    expect(Number(r1.backend.store.getMeta('sync_clock_skew_ms'))).toBeGreaterThan(5 * 60_000);
    // Still fast: later edits are stamped with the server's time and go straight through.
    r1.backend.store.update('communities', id, { name: '钟快社区（改）' }, actorOf(STREET_A), null);
    expect((await r1.sync()).rejected).toBe(0);
    r1.skew.ms = 0;
    await r2.sync();
    const names = rows(r2, 'communities').filter((c) => c.id === id || c.id === after).map((c) => c.name);
    expect(names.sort()).toEqual(['钟快社区二', '钟快社区（改）']);
    // Their order survived the new stamps: the rename is later than the insert on every replica.
    expect(rows(r1, 'communities').find((c) => c.id === id)!.name).toBe('钟快社区（改）');
  });

  test('a revoked device is refused on push and pull', async () => {
    const deviceId = r3.backend.store.getMeta('sync_device_id')!;
    expect(await revokeDevice(server.opened.db, deviceId, new Date())).toBe(true);
    const t = httpTransport(server.url, tokenOf(r3));
    await expect(t.pull(0, 10)).rejects.toMatchObject({ code: 'device-revoked', status: 403 });
    await expect(t.push([])).rejects.toMatchObject({ code: 'device-revoked' });
    await expect(r3.sync()).rejects.toBeInstanceOf(SyncRefusal);
    await expect(httpTransport(server.url, 'not-a-token').pull(0, 10)).rejects.toMatchObject({ code: 'device-unknown', status: 401 });
  });

  test('a bad or oversized payload is refused with a clear error and nothing is written', async () => {
    const before = await serverCounts();
    const post = (body: Buffer, gzip: boolean) =>
      fetch(`${server.url}/v1/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokenOf(r1)}`, 'content-type': 'application/json', ...(gzip ? { 'content-encoding': 'gzip' } : {}) },
        body: new Blob([new Uint8Array(body)]),
      });
    const bad = await post(Buffer.from('{"changes": [{"hlc": 1}]}'), false);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'bad-payload', message: '同步数据格式不正确' });
    const notJson = await post(Buffer.from('{"changes": ['), false);
    expect(notJson.status).toBe(400);
    // 1 MB of JSON gzips to a few KB: the limit applies to the inflated size
    const big = zlib.gzipSync(JSON.stringify({ changes: [], pad: 'x'.repeat(1024 * 1024) }));
    expect(big.length).toBeLessThan(256 * 1024);
    const large = await post(big, true);
    expect(large.status).toBe(413);
    expect(await large.json()).toMatchObject({ code: 'payload-too-large' });
    expect(await serverCounts()).toEqual(before);
  });
});
