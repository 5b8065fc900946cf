import Database from 'better-sqlite3-multiple-ciphers';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import * as schema from '../db/schema';
import { Store } from '../store/store';
import { parseHlc } from '../../../shared/hlc';
import type { PulledChange } from '../../../shared/sync/wire';
import { outboxBatch } from './encode';
import { forgetAcknowledged } from './forget';
import type { SyncTransport } from './http';
import { ownCheck, recoverOwnChanges, recoveryUnderWay, syncNotices } from './recover';
import { memoryStore } from './testing/memory-replicas';

const S = '120110001000';
const actor = { userId: null, username: 'system', streetCode: S };
const at = () => new Date(Date.UTC(2026, 5, 1, 8));
let stores: Store[] = [];
afterEach(() => {
  for (const s of stores) s.sqlite.close();
  stores = [];
});

function track(s: Store): Store {
  stores.push(s);
  return s;
}

/** What the server holds of this device: the pushed changes, numbered. */
function push(store: Store, server: PulledChange[]): void {
  for (const c of outboxBatch(store, 1000)) server.push({ ...c, seq: server.length + 1 });
  store.prepare('UPDATE change_log SET pushed_at = ? WHERE pushed_at IS NULL').run(store.nowIso());
}

/** A byte-for-byte copy of a replica's database, opened as another Store. */
function copyOf(store: Store): Store {
  const sqlite = new Database(store.sqlite.serialize());
  return track(new Store({ sqlite, orm: drizzle(sqlite, { schema }), key: null, close: () => sqlite.close() }, { now: at }));
}

function fakeServer(server: PulledChange[], opts: { failPulls?: number } = {}) {
  const nodes: string[] = [];
  let fail = opts.failPulls ?? 0;
  const t = {
    pull: async (after: number, limit: number, o: { own?: boolean } = {}) => {
      expect(o.own).toBe(true);
      if (fail-- > 0) throw new TypeError('fetch failed');
      const rest = server.filter((c) => c.seq > after);
      const page = rest.slice(0, limit);
      const hasMore = rest.length > limit;
      return { changes: page, cursor: hasMore ? page[page.length - 1]!.seq : Math.max(after, server.length), hasMore, serverTime: at().toISOString() };
    },
    renewNode: async (node: string) => {
      nodes.push(node);
      return { node, serverTime: at().toISOString() };
    },
  } as unknown as SyncTransport;
  return { t, nodes };
}

function nameOf(s: Store, id: string): unknown {
  return s.prepare('SELECT name FROM communities WHERE id = ?').pluck().get(id);
}

describe('recovering a replica restored from an older copy', () => {
  test('fetches back the lost changes into the log as pushed, renews the node, moves the outbox to it', async () => {
    const server: PulledChange[] = [];
    const a = track(memoryStore(at));
    const id = a.insert('communities', { streetCode: S, name: '甲' }, actor, null);
    push(a, server);
    const copy = copyOf(a);
    a.update('communities', id, { name: '乙' }, actor, null);
    const other = a.insert('communities', { streetCode: S, name: '丙' }, actor, null);
    push(a, server);
    const oldNode = copy.nodeId;
    const knownBefore = ownCheck(copy).known;

    copy.update('communities', id, { contactName: '恢复后' }, actor, null);
    const [edit] = outboxBatch(copy, 10);

    const { t, nodes } = fakeServer(server);
    const { recovered, notice } = await recoverOwnChanges(copy, t, { page: 1 });
    expect(recovered).toBe(2);
    expect(notice.message).toContain('取回本机此后上传的 2 条修改');
    expect(syncNotices(copy)).toEqual([notice]);
    expect(recoveryUnderWay(copy)).toBeNull();
    expect(nameOf(copy, id)).toBe('乙');
    expect(nameOf(copy, other)).toBe('丙');
    expect(copy.nodeId).toBe(nodes[0]);
    expect(copy.nodeId).not.toBe(oldNode);
    expect(copy.getMeta('node_id')).toBe(copy.nodeId);
    // the log knows again everything the server holds of it
    expect(ownCheck(copy).known > knownBefore).toBe(true);
    expect(ownCheck(copy).known).toBe(server.map((c) => c.hlc).sort().at(-1));
    // the edit made on the copy keeps its time and takes the new node, its field clock too
    const [moved] = outboxBatch(copy, 10);
    expect(moved!.node).toBe(copy.nodeId);
    expect({ ...parseHlc(moved!.hlc), node: '' }).toEqual({ ...parseHlc(edit!.hlc), node: '' });
    expect(copy.prepare("SELECT hlc FROM field_clocks WHERE row_id = ? AND field = 'contact_name'").pluck().get(id)).toBe(moved!.hlc);
    // and new stamps follow every stamp fetched
    copy.update('communities', id, { name: '丁' }, actor, null);
    const last = outboxBatch(copy, 10).at(-1)!;
    expect(last.hlc > server.at(-1)!.hlc).toBe(true);
    expect(parseHlc(last.hlc).node).toBe(copy.nodeId);
  });

  test('a change copied before its answer arrived is marked pushed, not sent again under another node', async () => {
    const server: PulledChange[] = [];
    const a = track(memoryStore(at));
    a.insert('communities', { streetCode: S, name: '甲' }, actor, null);
    const copy = copyOf(a); // the insert is not yet acknowledged in the copy
    push(a, server);
    const { t } = fakeServer(server);
    const { recovered } = await recoverOwnChanges(copy, t, { page: 10 });
    expect(recovered).toBe(0);
    expect(outboxBatch(copy, 10)).toEqual([]);
    expect(syncNotices(copy)[0]!.message).toContain('没有本机缺少的修改');
  });

  test('cut off half-way, it resumes with the node it registered and counts every change once', async () => {
    const server: PulledChange[] = [];
    const a = track(memoryStore(at));
    const copy = copyOf(a);
    for (const n of ['一', '二', '三']) a.insert('communities', { streetCode: S, name: n }, actor, null);
    push(a, server);
    const first = fakeServer(server, { failPulls: 1 });
    await expect(recoverOwnChanges(copy, first.t, { page: 2 })).rejects.toThrow('fetch failed');
    expect(recoveryUnderWay(copy)).toEqual({ recovered: 0, knownAtStart: 'none', node: first.nodes[0] });
    const again = fakeServer(server);
    const { recovered } = await recoverOwnChanges(copy, again.t, { page: 2 });
    expect(recovered).toBe(3);
    expect(again.nodes).toEqual(first.nodes);
    expect(copy.nodeId).toBe(first.nodes[0]);
  });

  test('changes the copy had acknowledged (and forgotten) are not counted as recovered; the fetched ones leave the log', async () => {
    const server: PulledChange[] = [];
    const a = track(memoryStore(at));
    a.insert('communities', { streetCode: S, name: '甲' }, actor, null);
    push(a, server);
    a.tx(() => forgetAcknowledged(a));
    const copy = copyOf(a); // acknowledged, its pull cursor still at 0
    a.insert('communities', { streetCode: S, name: '乙' }, actor, null);
    push(a, server);
    const { recovered } = await recoverOwnChanges(copy, fakeServer(server).t, { page: 10 });
    expect(recovered).toBe(1);
    expect(copy.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(0);
    expect(ownCheck(copy).known).toBe(server.at(-1)!.hlc);
  });
});
