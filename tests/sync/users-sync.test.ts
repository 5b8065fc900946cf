/**
 * Users rows through sync from office PCs (issue 13, item 6): a street admin signed in while online
 * carries a ticket, so the accounts they manage reach the other PCs; made without one (signed in
 * offline), the change waits in the outbox — not refused for good — while the rest syncs, and goes
 * out after the next online sign-in.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { rows, type Replica } from './harness';
import { twoPcsOfStreetA } from './file-server';
import { staffSessions } from './staff';
import { devices } from '../../server/db/schema';

const { call, signIn } = staffSessions();
const pcs = twoPcsOfStreetA('pcA', 'pcB');

beforeAll(async () => {
  // Past the minutes after enrollment in which a PC may bring the accounts it held.
  await pcs.server.opened.db.update(devices).set({ createdAt: new Date(Date.now() - 3600_000).toISOString() });
});

const userOf = (r: Replica, username: string) => rows(r, 'users').find((u) => u.username === username);

describe('users managed on a PC', () => {
  test("a street admin signed in online: the accounts they create reach the street's other PCs", async () => {
    const { a: pcA, b: pcB } = pcs;
    await signIn(pcA, 'zgz_admin', 'secret-pass-1');
    await call(pcA, 'users.create', { username: 'zgz_new', displayName: '新同事', role: 'caseworker', password: 'new-pass-123' });
    await pcA.sync();
    await pcB.sync();
    expect(userOf(pcB, 'zgz_new')).toMatchObject({ display_name: '新同事', role: 'caseworker' });
    expect(await call(pcA, 'sync.status', {})).toMatchObject({ pendingCount: 0, rejectedCount: 0 });
  });

  test('made without a ticket, a users change waits in the outbox while the rest syncs, and goes out after an online sign-in', async () => {
    const { a: pcA, b: pcB } = pcs;
    // As after a sign-in while offline: no ticket held.
    pcA.backend.store.setSecretMeta('sync_ticket', '');
    const id = String(userOf(pcA, 'zgz_new')!.id);
    await call(pcA, 'users.update', { id, role: 'supervisor' });
    await call(pcA, 'org.saveCommunity', { name: '等候社区', kind: 'community' });
    await pcA.sync();
    await pcA.sync(); // a second run does not refuse it either
    expect(await call(pcA, 'sync.status', {})).toMatchObject({ pendingCount: 1, rejectedCount: 0 });
    expect(await call(pcA, 'sync.rejections', {})).toEqual([]);
    await pcB.sync();
    expect(rows(pcB, 'communities').some((c) => c.name === '等候社区')).toBe(true);
    expect(userOf(pcB, 'zgz_new')).toMatchObject({ role: 'caseworker' });

    await signIn(pcA, 'zgz_admin', 'secret-pass-1');
    await pcA.sync();
    expect(await call(pcA, 'sync.status', {})).toMatchObject({ pendingCount: 0, rejectedCount: 0 });
    await pcB.sync();
    expect(userOf(pcB, 'zgz_new')).toMatchObject({ role: 'supervisor' });
  });
});
