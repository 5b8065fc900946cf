/**
 * What must hold after any fault and recovery (faults.test.ts, chaos.test.ts): every replica holds
 * the same rows, the server holds each local change exactly once and has merged the same values,
 * and no replica keeps an unpushed, parked or refused change. Plus small edit helpers.
 */
import { expect } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { syncChanges, syncRows } from '../../server/db/schema';
import { SYNC_CATALOG } from '../../shared/sync/catalog';
import { outboxCount } from '../../electron/backend/sync/encode';
import { pendingCount } from '../../electron/backend/sync/pending';
import { actorOf, rows, STREET_A, type Replica, type TestServer } from './harness';

export function addCommunities(r: Replica, prefix: string, n: number): string[] {
  const ids: string[] = [];
  r.backend.store.tx(() => {
    for (let i = 0; i < n; i++) ids.push(r.backend.store.insert('communities', { streetCode: STREET_A, name: `${prefix}-${i}` }, actorOf(STREET_A), null));
  });
  return ids;
}

export function rename(r: Replica, id: string, name: string): void {
  r.backend.store.update('communities', id, { name }, actorOf(STREET_A), null);
}

export function nameOf(r: Replica, id: string): unknown {
  return r.backend.store.sqlite.prepare('SELECT name FROM communities WHERE id = ?').pluck().get(id);
}

export async function serverHlcs(server: TestServer, node: string): Promise<string[]> {
  const got = await server.opened.db.select({ hlc: syncChanges.hlc }).from(syncChanges).where(eq(syncChanges.node, node));
  return got.map((g) => g.hlc).sort();
}

/** Every change the replica logged (its ledger, harness.ts: acknowledged changes leave change_log). */
export function localHlcs(r: Replica, node?: string): string[] {
  const where = node === undefined ? '' : ' WHERE node_id = ?';
  return r.backend.store.sqlite.prepare(`SELECT hlc FROM test_change_ledger${where} ORDER BY hlc`).pluck().all(...(node === undefined ? [] : [node])) as string[];
}

/** The node ids a replica's change log holds (more than one after a restored copy renewed its node). */
export function localNodes(r: Replica): string[] {
  const logged = r.backend.store.sqlite.prepare('SELECT DISTINCT node_id FROM test_change_ledger').pluck().all() as string[];
  return [...new Set([...logged, r.backend.store.nodeId])].sort();
}

export function unpushed(r: Replica): string[] {
  return r.backend.store.sqlite.prepare('SELECT hlc FROM change_log WHERE pushed_at IS NULL ORDER BY hlc').pluck().all() as string[];
}

export async function expectConverged(server: TestServer, replicas: Replica[]): Promise<void> {
  for (const r of replicas) {
    expect(outboxCount(r.backend.store), `${r.name} outbox`).toBe(0);
    expect(pendingCount(r.backend.store), `${r.name} parked fields`).toBe(0);
    expect(r.backend.store.sqlite.prepare('SELECT count(*) FROM sync_rejections').pluck().get(), `${r.name} rejections`).toBe(0);
    // every local change is on the server exactly once (the unique index would refuse a copy, so
    // compare the whole lists: a change re-sent under a new clock would show up here)
    for (const node of localNodes(r)) {
      expect(await serverHlcs(server, node), `${r.name} changes of node ${node} on the server`).toEqual(localHlcs(r, node));
    }
  }
  const [first, ...others] = replicas;
  for (const table of SYNC_CATALOG.keys()) {
    const want = rows(first!, table);
    for (const r of others) expect(rows(r, table), `${table} on ${r.name}`).toEqual(want);
  }
  // and the server merged the same values
  const merged = await server.opened.db
    .select({ rowId: syncRows.rowId, fields: syncRows.fields })
    .from(syncRows)
    .where(and(eq(syncRows.tableName, 'communities'), eq(syncRows.partition, STREET_A)));
  const onServer = merged.map((m) => ({ id: m.rowId, name: m.fields.name, deleted_at: m.fields.deleted_at ?? null })).sort((a, b) => a.id.localeCompare(b.id));
  const local = rows(first!, 'communities', STREET_A).map((c) => ({ id: c.id, name: c.name, deleted_at: c.deleted_at }));
  expect(local).toEqual(onServer);
}
