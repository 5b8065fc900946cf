/**
 * A poisoned change on an office PC (issue 13, item 3): a community name holding a NUL, written
 * into the row and the change log as an old PC would have (today's API refuses it), sits before
 * 10,000 other changes. The server refuses it alone; the rest syncs; the 同步 page's API lists it
 * with the record it belongs to and how to fix it; the user fixes the name through the API, the fix
 * syncs (carrying the refused row's other fields), the refusal is superseded, and the other PC
 * converges.
 *
 * Its time is CPU, not waiting: no timer, backoff or sleep is involved. The district server stores
 * each pushed change with about five PGlite statements (~5 ms of CPU a change measured here, the
 * savepoint a small part of it), so the 10,000-change push is ~50 s of this process's CPU, and on a
 * machine with L runnable processes on 2 cores its wall time grows about L/2 times (180 s ran out at
 * load ~20). The guard against a regression is the push's CPU time, which load does not change; the
 * wall-clock timeout only catches a hang.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { syncRows } from '../../server/db/schema';
import { rows, actorOf, STREET_A } from './harness';
import { twoPcsOfStreetA } from './file-server';
import { staffSessions } from './staff';

const { call, signIn } = staffSessions();
const pcs = twoPcsOfStreetA('pcA', 'pcB');

beforeAll(() => signIn(pcs.a, 'zgz_admin', 'secret-pass-1'));

async function serverCommunities(): Promise<number> {
  const [r] = await pcs.server.opened.db
    .select({ n: count() })
    .from(syncRows)
    .where(and(eq(syncRows.tableName, 'communities'), eq(syncRows.partition, STREET_A)));
  return r!.n;
}

describe('a change the server refuses on a PC', () => {
  test('does not block the 10,000 changes behind it, is listed with its record, and a fix supersedes it', async () => {
    const { server, a: pcA, b: pcB } = pcs;
    const store = pcA.backend.store;
    const bad = await call(pcA, 'org.saveCommunity', { name: '坏名社区', kind: 'community' });
    // As an old PC wrote it: the NUL in the row and in the logged change.
    const poisoned = '坏\u0000名社区';
    store.sqlite.prepare('UPDATE communities SET name = ? WHERE id = ?').run(poisoned, bad.id);
    const logged = store.sqlite.prepare("SELECT seq, fields FROM change_log WHERE table_name = 'communities' AND row_id = ?").get(bad.id) as { seq: number; fields: string };
    store.sqlite.prepare('UPDATE change_log SET fields = ? WHERE seq = ?').run(JSON.stringify({ ...JSON.parse(logged.fields), name: poisoned }), logged.seq);
    const before = await serverCommunities();
    store.tx(() => {
      for (let i = 0; i < 10_000; i++) store.insert('communities', { streetCode: STREET_A, name: `批量社区${i}` }, actorOf(STREET_A), null);
    });

    const cpuBefore = process.cpuUsage();
    const run = await pcA.sync();
    const pushCpu = process.cpuUsage(cpuBefore);
    expect(run.pushed).toBeGreaterThanOrEqual(10_000);
    // linear in the changes (a quadratic step would be many times this), whatever the machine's load
    expect((pushCpu.user + pushCpu.system) / 1e6).toBeLessThan(150);
    expect(await serverCommunities()).toBe(before + 10_000);
    const st = await call(pcA, 'sync.status', {});
    expect(st).toMatchObject({ pendingCount: 0, rejectedCount: 1 });
    const [listed, ...more] = await call(pcA, 'sync.rejections', {});
    expect(more).toEqual([]);
    expect(listed).toMatchObject({
      tableName: 'communities',
      rowId: bad.id,
      tableLabel: '社区（村）',
      code: 'bad-text',
      field: 'name',
      recordLabel: expect.stringContaining('名社区'),
      action: expect.stringContaining('重新输入'),
    });

    await call(pcA, 'org.saveCommunity', { id: bad.id, name: '好名社区', kind: 'community' });
    await pcA.sync();
    expect(await call(pcA, 'sync.rejections', {})).toEqual([]);
    expect(await call(pcA, 'sync.status', {})).toMatchObject({ pendingCount: 0, rejectedCount: 0 });
    const [row] = await server.opened.db.select().from(syncRows).where(and(eq(syncRows.tableName, 'communities'), eq(syncRows.rowId, bad.id)));
    expect(row?.fields).toMatchObject({ id: bad.id, name: '好名社区', street_code: STREET_A, kind: 'community' });

    await pcB.sync();
    const a = rows(pcA, 'communities', STREET_A);
    const b = rows(pcB, 'communities', STREET_A);
    expect(b.length).toBe(a.length);
    expect(b).toEqual(a);
    expect(b.find((c) => c.id === bad.id)).toMatchObject({ name: '好名社区' });
  }, 1_200_000);
});
