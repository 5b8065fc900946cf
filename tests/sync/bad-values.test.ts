/**
 * Issue 13 items 3 and 4 at the server: a value an older PC stored before the API checked it (a NUL
 * in a name, a bidi override, an impossible date) is refused per change (bad-text, bad-value) naming the
 * column, by the one vocabulary (valueProblem); the good changes of the same batch are stored.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { count } from 'drizzle-orm';
import { syncChanges } from '../../server/db/schema';
import { httpTransport } from '../../electron/backend/sync/http';
import { syncConfig } from '../../electron/backend/sync/session';
import { makeReplica, rows, startServer, STREET_A, type Replica, type TestServer } from './harness';

let server: TestServer;
let r1: Replica;
beforeAll(async () => {
  server = await startServer();
  r1 = await makeReplica(server, 'r1', STREET_A);
  await r1.sync();
});
afterAll(async () => {
  r1.close();
  await server.close();
});

const changes = async () => (await server.opened.db.select({ n: count() }).from(syncChanges))[0]!.n;

test('bad text and dates are refused per change, naming the column; the rest of the batch is stored', async () => {
  const store = r1.backend.store;
  const t = httpTransport(server.url, syncConfig(store)!.token);
  const community = rows(r1, 'communities', STREET_A)[0]!;
  const base = { node: store.nodeId, rowId: String(community.id), partition: STREET_A, table: 'communities' };
  const before = await changes();
  const res = await t.push([
    { ...base, hlc: store.clock.tick(), fields: { name: '张\u0000三' } },
    { ...base, hlc: store.clock.tick(), fields: { contact_name: '张\u202e三' } },
    { ...base, hlc: store.clock.tick(), fields: { updated_at: '2024-13-45T00:00:00.000Z' } },
    { ...base, hlc: store.clock.tick(), fields: { name: '新立社区' } },
  ]);
  expect(res.rejected.map((r) => [r.code, r.field])).toEqual([
    // A NUL is text PostgreSQL cannot hold at all: its own reason (bad-value to PCs older than it).
    ['bad-text', 'name'],
    ['bad-value', 'contact_name'],
    ['bad-value', 'updated_at'],
  ]);
  expect(res.rejected[0]!.message).toContain('空字符');
  expect(res.rejected[1]!.message).toContain('文字方向');
  expect(res.rejected[2]!.message).toContain('不是日历上的日期');
  expect(res.accepted).toHaveLength(1);
  expect(await changes()).toBe(before + 1);
});
