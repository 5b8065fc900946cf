/**
 * A request closed before any answer byte (a keep-alive connection reset as the request went out)
 * is sent once more at once by the PC's transport (electron/backend/sync/http.ts). Through the
 * fault proxy to the real district server on 127.0.0.1: one loss is absorbed and nothing is
 * doubled on the server; a loss of the resend too fails the sync with the 'network' reason, its
 * Chinese message, and nothing lost.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { syncChanges } from '../../server/db/schema';
import { pullCursor } from '../../electron/backend/sync/pull';
import { makeReplica, startServer, STREET_A, type Replica, type TestServer } from './harness';
import { addCommunities, expectConverged, localHlcs, nameOf, rename, serverHlcs, unpushed } from './invariants';
import { startFaultProxy, type FaultProxy } from './fault-proxy';

let server: TestServer;
let proxy: FaultProxy;
let r1: Replica;
let r2: Replica;

const PUSH = (r: { method: string; path: string }) => r.method === 'POST' && r.path === '/v1/push';
const PULL = (r: { method: string; path: string }) => r.method === 'GET' && r.path === '/v1/pull';

/** Rows of the server's change log for these stamps of the node: one each when nothing is doubled. */
async function serverRowsOf(node: string, hlcs: string[]): Promise<number> {
  const got = await server.opened.db
    .select({ hlc: syncChanges.hlc })
    .from(syncChanges)
    .where(and(eq(syncChanges.node, node), inArray(syncChanges.hlc, hlcs)));
  return got.length;
}

/** What the proxy saw of requests matching `match`: mode, server's statuses, client's outcome. */
function seen(match: (r: { method: string; path: string }) => boolean) {
  return proxy.events.filter(match).map((e) => ({ mode: e.mode, upstream: e.upstream, client: e.client }));
}

beforeAll(async () => {
  server = await startServer();
  proxy = await startFaultProxy(server.url);
  r1 = await makeReplica(server, 'r1', STREET_A, { url: proxy.url, timeoutMs: 10_000 });
  r2 = await makeReplica(server, 'r2', STREET_A, { url: proxy.url, timeoutMs: 10_000 });
  for (const r of [r1, r2]) await r.sync();
}, 120_000);

afterAll(async () => {
  for (const r of [r1, r2]) r?.close();
  await proxy?.close();
  await server?.close();
});

beforeEach(() => {
  proxy.events.length = 0;
});

describe('a request reset before any answer', () => {
  test('a push reset once is sent again: the sync succeeds and the server holds each change once', async () => {
    const ids = addCommunities(r1, 'reset-once', 3);
    rename(r1, ids[0]!, 'reset-once-renamed');
    const sent = unpushed(r1);
    const fault = proxy.plan({ mode: 'drop-request', match: PUSH });
    const summary = await r1.sync();
    await proxy.fired(fault);
    expect(seen(PUSH)).toEqual([
      { mode: 'drop-request', upstream: [], client: 'cut' },
      { mode: 'pass', upstream: [200], client: 200 },
    ]);
    expect(summary).toMatchObject({ pushed: sent.length, rejected: 0 });
    expect(unpushed(r1)).toEqual([]);
    expect(await serverRowsOf(r1.backend.store.nodeId, sent)).toBe(sent.length);
    expect(await serverHlcs(server, r1.backend.store.nodeId)).toEqual(localHlcs(r1));
  });

  test('a pull reset once is sent again: the sync brings the other PC’s rows', async () => {
    const ids = addCommunities(r1, 'pull-once', 2);
    await r1.sync();
    const fault = proxy.plan({ mode: 'drop-request', match: PULL });
    await r2.sync();
    expect(await proxy.fired(fault)).toMatchObject({ upstream: [], client: 'cut' });
    expect(nameOf(r2, ids[1]!)).toBe('pull-once-1');
    await expectConverged(server, [r1, r2]);
  });

  test('a push whose answer was lost after the server applied it is sent again and applied once', async () => {
    const ids = addCommunities(r2, 'applied', 4);
    rename(r2, ids[3]!, 'applied-renamed');
    const sent = unpushed(r2);
    const node = r2.backend.store.nodeId;
    const fault = proxy.plan({ mode: 'drop-response', match: PUSH });
    const summary = await r2.sync();
    await proxy.fired(fault);
    // the server answered both copies; the second stored nothing
    expect(seen(PUSH)).toEqual([
      { mode: 'drop-response', upstream: [200], client: 'cut' },
      { mode: 'pass', upstream: [200], client: 200 },
    ]);
    expect(summary).toMatchObject({ pushed: sent.length, rejected: 0 });
    expect(unpushed(r2)).toEqual([]);
    expect(await serverRowsOf(node, sent)).toBe(sent.length);
    expect(await serverHlcs(server, node)).toEqual(localHlcs(r2));
    await r1.sync();
    expect(nameOf(r1, ids[3]!)).toBe('applied-renamed');
  });

  test('a push reset twice fails the sync with the network reason in Chinese and loses nothing; the next run sends it', async () => {
    const ids = addCommunities(r1, 'reset-twice', 2);
    const sent = unpushed(r1);
    const node = r1.backend.store.nodeId;
    const before = pullCursor(r1.backend.store);
    const fault = proxy.plan({ mode: 'drop-request', match: PUSH, again: 'drop-request' });
    try {
      const failed = await r1.backend.sync.runNow('manual');
      await proxy.fired(fault);
      expect(seen(PUSH)).toEqual([
        { mode: 'drop-request', upstream: [], client: 'cut' },
        { mode: 'drop-request', upstream: [], client: 'cut' },
      ]);
      expect(failed).toMatchObject({ ok: false, pushed: 0, error: { code: 'network', message: '无法连接区级服务器' } });
      expect(r1.backend.sync.status()).toMatchObject({ state: 'offline', pendingCount: sent.length });
      expect(unpushed(r1)).toEqual(sent);
      expect(await serverRowsOf(node, sent)).toBe(0);
      expect(pullCursor(r1.backend.store)).toBe(before);
      const ok = await r1.backend.sync.runNow('manual');
      expect(ok).toMatchObject({ ok: true, pushed: sent.length, error: null });
      expect(r1.backend.sync.status()).toMatchObject({ state: 'online', lastError: null, pendingCount: 0 });
    } finally {
      r1.backend.sync.stop(); // the tests sync by hand
    }
    expect(await serverRowsOf(node, sent)).toBe(sent.length);
    await r2.sync();
    expect(nameOf(r2, ids[1]!)).toBe('reset-twice-1');
    await expectConverged(server, [r1, r2]);
  });
});
