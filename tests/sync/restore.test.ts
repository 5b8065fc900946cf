/**
 * An office PC restored from an older copy of its SQLite file (last week's backup, a copied data
 * folder): the district server holds changes this device pushed after the copy, which a normal pull
 * never sends back to it. The replica must find out at its next sync, fetch them back, take a fresh
 * node id so that its new stamps never repeat the old ones, and say so on the 同步 page. A replica
 * that was never restored must never do any of it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { syncChanges } from '../../server/db/schema';
import { DB_FILE_NAME } from '../../electron/backend/app';
import { databaseKeyFile } from '../../electron/backend/db/database-key';
import { httpTransport } from '../../electron/backend/sync/http';
import { outboxBatch } from '../../electron/backend/sync/encode';
import { syncConfig } from '../../electron/backend/sync/session';
import { ownCheck, syncNotices } from '../../electron/backend/sync/recover';
import { formatHlc, parseHlc } from '../../shared/hlc';
import { SyncRefusal } from '../../shared/sync/rejections';
import { openReplica, rows, type Replica } from './harness';
import { serverPerFile } from './file-server';
import { addCommunities, expectConverged, localHlcs, nameOf, rename, serverHlcs } from './invariants';

const district = serverPerFile();
const { open, replica } = district;

/** A consistent copy of a replica's live (WAL) database file, as a backup tool would take it. */
function copyOf(r: Replica): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-copy-')), DB_FILE_NAME);
  r.backend.store.sqlite.prepare('VACUUM INTO ?').run(file);
  return file;
}

/** Closes the replica, puts the copy in place of its database, and opens it again. */
function restore(r: Replica, copy: string): Replica {
  return district.reopen(r, () => {
    const dbFile = path.join(r.dataDir, DB_FILE_NAME);
    for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(f, { force: true });
    fs.copyFileSync(copy, dbFile);
  });
}

function tokenOf(r: Replica): string {
  return syncConfig(r.backend.store)!.token;
}

describe('a replica restored from an older copy of its data', () => {
  test('fetches back its later pushes, takes a new node, and nothing it writes afterwards is lost', async () => {
    let a = await replica('a');
    const b = await replica('b');
    const [keep, later, offline] = addCommunities(a, '恢复前', 3);
    await a.sync();
    await b.sync();

    const copy = copyOf(a);
    const atCopy = new Set(localHlcs(a));
    // after the copy: edits that reach the server and B, and that the copy will not have
    rename(a, later!, '复制后改名');
    const added = addCommunities(a, '复制后', 4);
    expect((await a.sync()).pushed).toBeGreaterThan(0);
    await b.sync();
    expect(nameOf(b, later!)).toBe('复制后改名');
    const lost = localHlcs(a).filter((h) => !atCopy.has(h));
    const oldNode = a.backend.store.nodeId;
    expect(lost.length).toBeGreaterThan(4);

    a = restore(a, copy);
    expect(a.backend.store.nodeId).toBe(oldNode);
    expect(nameOf(a, later!)).toBe('恢复前-1');
    expect(nameOf(a, added[0]!)).toBeUndefined();

    // An edit on the restored copy before it syncs, stamped — the worst case — exactly as one of
    // the lost changes: the old clock behind, the wall clock too. Pushed as it is, the server would
    // take it for that change again and acknowledge it without storing it.
    const twin = parseHlc(lost.find((h) => parseHlc(h).counter > 0)!);
    a.skew.ms = -3600_000;
    a.backend.store.clock.reset(formatHlc({ ...twin, counter: twin.counter - 1 }));
    rename(a, offline!, '恢复后离线修改');
    const [edit] = outboxBatch(a.backend.store, 10);
    expect(edit!.hlc).toBe(formatHlc(twin));
    a.skew.ms = 0;

    const summary = await a.sync();
    expect(summary.recovered).toBe(lost.length);
    expect(summary.notice).toContain(`已从区级服务器取回本机此后上传的 ${lost.length} 条修改`);
    // the later edits are back, under field-level LWW like any pulled change
    expect(nameOf(a, later!)).toBe('复制后改名');
    for (const id of added) expect(nameOf(a, id)).toMatch(/^复制后-/);
    expect(nameOf(a, keep!)).toBe('恢复前-0');
    // a fresh node, known to the server; the offline edit went out under it, its time unchanged
    const newNode = a.backend.store.nodeId;
    expect(newNode).not.toBe(oldNode);
    const movedHlc = formatHlc({ ...twin, node: newNode });
    expect(await serverHlcs(district.server, newNode)).toContain(movedHlc);
    expect(localHlcs(a, oldNode)).toEqual(await serverHlcs(district.server, oldNode));
    // the 同步 page says what happened
    const [notice] = syncNotices(a.backend.store);
    expect(notice).toMatchObject({ code: 'restored-copy', recovered: lost.length });
    expect(notice!.message).not.toContain('重新登记设备');
    expect(a.backend.sync.status().lastNotice?.message).toBe(notice!.message);

    await b.sync();
    expect(nameOf(b, offline!)).toBe('恢复后离线修改');

    // a new edit after the recovery reaches B and is stored, not taken for a duplicate
    rename(a, keep!, '恢复后新修改');
    const [fresh] = outboxBatch(a.backend.store, 10);
    expect(parseHlc(fresh!.hlc).node).toBe(newNode);
    expect((await a.sync()).pushed).toBe(1);
    await b.sync();
    expect(nameOf(b, keep!)).toBe('恢复后新修改');
    const stored = await district.server.opened.db
      .select({ hlc: syncChanges.hlc })
      .from(syncChanges)
      .where(and(eq(syncChanges.node, newNode), eq(syncChanges.hlc, fresh!.hlc)));
    expect(stored).toHaveLength(1);

    // and the next syncs are ordinary ones
    for (let i = 0; i < 2; i++) {
      const s = await a.sync();
      expect(s.recovered).toBeUndefined();
      await b.sync();
    }
    expect(a.backend.store.nodeId).toBe(newNode);
    expect(syncNotices(a.backend.store)).toHaveLength(1);
    await expectConverged(district.server, [a, b]);
  }, 120_000);

  test('found behind with nothing to push: the first pull finds out and recovers', async () => {
    let c = await replica('c');
    const copy = copyOf(c);
    const ids = addCommunities(c, '只在服务器', 2);
    await c.sync();
    c = restore(c, copy);
    const before = c.backend.store.nodeId;
    const s = await c.sync();
    expect(s.pushed).toBe(0);
    expect(s.recovered).toBeGreaterThanOrEqual(2);
    for (const id of ids) expect(nameOf(c, id)).toMatch(/^只在服务器-/);
    expect(c.backend.store.nodeId).not.toBe(before);
  }, 60_000);
});

describe('two PCs running on copies of one data folder', () => {
  test('each finds out in turn, nothing either writes is lost, and they converge', async () => {
    const p = await replica('p');
    const q = await replica('q');
    const twinDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-replica-p2-'));
    fs.copyFileSync(copyOf(p), path.join(twinDir, DB_FILE_NAME));
    fs.copyFileSync(databaseKeyFile(p.dataDir), databaseKeyFile(twinDir)); // a copied folder and its key
    const p2 = openReplica('p2', twinDir);
    open.push(p2);
    const written = new Map<string, string>();
    for (let round = 0; round < 3; round++) {
      for (const r of [p, p2]) {
        const [id] = addCommunities(r, `${r.name}-${round}`, 1);
        written.set(id!, `${r.name}-${round}-0`);
        await r.sync();
      }
      await q.sync();
    }
    for (const r of [p, p2, p, q]) await r.sync();
    for (const r of [p, p2, q]) for (const [id, name] of written) expect(nameOf(r, id), `${name} on ${r.name}`).toBe(name);
    for (const table of ['communities', 'audit_events', 'users']) {
      expect(rows(p2, table)).toEqual(rows(p, table));
      expect(rows(q, table)).toEqual(rows(p, table));
    }
    expect(syncNotices(p.backend.store).length + syncNotices(p2.backend.store).length).toBeGreaterThan(0);
    // taking turns again and again: the notice asks for one of them to be enrolled anew
    const notices = [...syncNotices(p.backend.store), ...syncNotices(p2.backend.store)];
    expect(notices.some((n) => n.message.includes('重新登记设备'))).toBe(true);
    expect(p.backend.store.nodeId).not.toBe(p2.backend.store.nodeId);
  }, 120_000);
});

describe('a replica never restored', () => {
  test('never recovers anything, whatever its batches, across several syncs, even after a lost answer', async () => {
    const d = await replica('d');
    const e = await replica('e');
    const nodes = [d.backend.store.nodeId, e.backend.store.nodeId];
    for (let round = 0; round < 3; round++) {
      const ids = addCommunities(d, `d${round}`, 5);
      rename(e, addCommunities(e, `e${round}`, 1)[0]!, `e${round}改`);
      rename(d, ids[0]!, `d${round}改`);
      for (const r of [d, e]) {
        const s = await r.sync({ batch: 3 });
        expect(s.recovered).toBeUndefined();
        expect(s.notice).toBeUndefined();
      }
    }
    // a push the server stored whose answer never arrived: sent again, it is no sign of a restore
    addCommunities(d, 'lost-answer', 3);
    const t = httpTransport(district.server.url, tokenOf(d));
    await t.push(outboxBatch(d.backend.store, 100), ownCheck(d.backend.store));
    const s = await d.sync();
    expect(s.recovered).toBeUndefined();
    await e.sync();
    expect([d.backend.store.nodeId, e.backend.store.nodeId]).toEqual(nodes);
    for (const r of [d, e]) {
      expect(syncNotices(r.backend.store)).toEqual([]);
      expect(r.backend.sync.status().lastNotice).toBeNull();
    }
    await expectConverged(district.server, [d, e]);
  }, 120_000);
});

describe('the server end of it', () => {
  test('refuses a behind replica before storing anything, only when asked to check (old clients are not)', async () => {
    const f = await replica('f');
    const t = httpTransport(district.server.url, tokenOf(f));
    addCommunities(f, 'f', 1);
    await f.sync();
    const known = ownCheck(f.backend.store);
    const earlier = { known: 'none', node: known.node };
    await expect(t.pull(0, 10, { check: earlier })).rejects.toMatchObject({ code: 'replica-behind', status: 409 });
    await expect(t.pull(0, 10, { check: { ...known, node: 'someoneelse' } })).rejects.toMatchObject({ code: 'replica-behind' });
    await expect(t.pull(0, 10, { check: known })).resolves.toHaveProperty('changes');
    await expect(t.pull(0, 10)).resolves.toHaveProperty('changes');
    // a push of new changes is refused before anything is stored
    addCommunities(f, 'f-new', 1);
    const batch = outboxBatch(f.backend.store, 100);
    const refusal = await t.push(batch, earlier).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(SyncRefusal);
    expect(refusal).toMatchObject({ code: 'replica-behind', message: expect.stringContaining('较早的备份') });
    expect(await serverHlcs(district.server, known.node)).not.toContain(batch[0]!.hlc);
    // a late copy of a push already stored stores nothing and is acknowledged as before
    await expect(t.push([], earlier)).resolves.toMatchObject({ accepted: [] });
    // the device's own changes, for a recovery
    const own = await t.pull(0, 1000, { own: true });
    expect(own.changes.map((c) => c.hlc).sort()).toEqual(await serverHlcs(district.server, known.node));
    // a different change under a stored stamp is refused even with no gap (it would be taken for a duplicate)
    const stored = own.changes.find((c) => c.table === 'communities')!;
    const twin = { ...stored, fields: { ...stored.fields, name: '同一时钟戳的另一修改' } };
    delete (twin as { seq?: number }).seq;
    await expect(t.push([twin], known)).rejects.toMatchObject({ code: 'replica-behind' });
    // old clients ask for no check
    await expect(t.push(batch)).resolves.toMatchObject({ accepted: batch.map((c) => c.hlc) });
    await f.sync();
    expect(f.backend.store.nodeId).toBe(known.node);
  }, 60_000);

  test('checks the new parameters at the boundary, in Chinese naming the field, and keeps nodes unique', async () => {
    const g = await replica('g');
    const h = await replica('h');
    const auth = { authorization: `Bearer ${tokenOf(g)}` };
    const bad = async (res: Response) => ({ status: res.status, body: (await res.json()) as { code: string; message: string } });

    const known = await bad(await fetch(`${district.server.url}/v1/pull?known=yesterday`, { headers: auth }));
    expect(known).toMatchObject({ status: 400, body: { code: 'bad-payload' } });
    expect(known.body.message).toContain('参数 known');
    const own = await bad(await fetch(`${district.server.url}/v1/pull?own=yes`, { headers: auth }));
    expect(own.body.message).toContain('参数 own');
    const node = await bad(await fetch(`${district.server.url}/v1/push?node=${encodeURIComponent('a b')}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"changes":[]}' }));
    expect(node).toMatchObject({ status: 400, body: { code: 'bad-payload' } });
    expect(node.body.message).toContain('参数 node');
    const renewal = await bad(await fetch(`${district.server.url}/v1/node`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"node":"!"}' }));
    expect(renewal.body.message).toContain('节点编号 node');

    const t = httpTransport(district.server.url, tokenOf(g));
    await expect(t.renewNode(h.backend.store.nodeId)).rejects.toMatchObject({ code: 'node-taken', status: 409 });
    await expect(t.renewNode('0123456789abcdef')).resolves.toMatchObject({ node: '0123456789abcdef' });
    await expect(t.pull(0, 10, { check: ownCheck(g.backend.store) })).rejects.toMatchObject({ code: 'replica-behind' });
    // the replica finds the server knows it by another node, and renews its own
    const s = await g.sync();
    expect(s.notice).toContain('换用新的节点编号');
    expect(g.backend.store.nodeId).not.toBe('0123456789abcdef');
    await expect(g.sync()).resolves.toMatchObject({ pulled: expect.any(Number) });
  }, 60_000);
});
