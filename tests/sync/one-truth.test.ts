/**
 * The migration to one truth on two PCs of a street (issue 18), through the real server on
 * 127.0.0.1: both hold the same households tagged the old way, both migrate at start before either
 * has synced, and after syncing both hold one imported enrolment per programme (derived ids: the
 * same rows, merged), the tags without programme codes, and the server has the same.
 */
import { eq } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { syncRows } from '../../server/db/schema';
import { makeIdNumber } from '../../shared/id-number';
import { ONE_TRUTH_META } from '../../electron/backend/services/assistance/one-truth';
import { actorOf, rows, STREET_A, type Replica } from './harness';
import { twoPcsOfStreetA } from './file-server';
import { staffSessions } from './staff';

const pcs = twoPcsOfStreetA('truthA', 'truthB');
const { call, signIn } = staffSessions();

test('two PCs migrating the same tagged households converge on one enrolment per programme', async () => {
  const { server } = pcs;
  let { a, b } = pcs;
  await signIn(a, 'zgz_admin', 'secret-pass-1');
  const communityId = (await call(a, 'org.listCommunities', {}))[0]!.id;
  const ids: string[] = [];
  for (const [i, tags] of [['dibao', 'lonely-elderly'], ['tekun-home'], ['severe-disabled']].entries()) {
    const hh = await call(a, 'registry.createHousehold', {
      household: { communityId, gridId: null, address: `东丽区示例里${i + 20}号`, hukouType: 'urban' },
      members: [{ name: `迁移${i}`, idNumber: makeIdNumber('120110', '19500101', 41 + i * 2), relation: '02' }],
    });
    // As an older version wrote them: programme codes as tags, through the store's write path.
    a.backend.store.update('households', hh.id, { categories: tags }, actorOf(STREET_A), null);
    ids.push(hh.id);
  }
  await a.sync();
  await b.sync();
  expect(rows(b, 'households', STREET_A)).toHaveLength(3);

  // Both upgrade offline: the migration runs at start on each, before either has synced.
  for (const r of [a, b]) r.backend.store.sqlite.prepare('DELETE FROM local_meta WHERE key = ?').run(ONE_TRUTH_META);
  // Closed and opened again: the start-up path (and its migration) runs.
  a = pcs.reopen(a);
  b = pcs.reopen(b);
  for (const r of [a, b]) {
    expect(JSON.parse(r.backend.store.getMeta(ONE_TRUTH_META)!)).toMatchObject({ households: 2, enrolled: { dibao: 1, 'tekun-home': 1 }, kept: 0 });
  }
  for (let i = 0; i < 2; i++) {
    await a.sync();
    await b.sync();
  }

  const enrolments = (r: Replica) =>
    rows(r, 'enrolments', STREET_A).map((e) => ({ id: e.id, programme: e.programme, household_id: e.household_id, status: e.status, source: e.source, start_month: e.start_month }));
  expect(enrolments(a)).toHaveLength(2);
  expect(enrolments(b)).toEqual(enrolments(a));
  expect(enrolments(a).map((e) => [e.household_id, e.programme]).sort()).toEqual([[ids[0], 'dibao'], [ids[1], 'tekun-home']].sort());
  expect(rows(a, 'enrolment_steps', STREET_A)).toHaveLength(2);
  expect(rows(b, 'enrolment_steps', STREET_A).map((s) => s.id)).toEqual(rows(a, 'enrolment_steps', STREET_A).map((s) => s.id));
  for (const r of [a, b]) {
    const tags = Object.fromEntries(rows(r, 'households', STREET_A).map((h) => [h.id, JSON.parse(h.categories as string) as string[]]));
    expect(tags).toEqual({ [ids[0]!]: ['lonely-elderly'], [ids[1]!]: [], [ids[2]!]: ['severe-disabled'] });
  }
  const onServer = await server.opened.db.select({ rowId: syncRows.rowId }).from(syncRows).where(eq(syncRows.tableName, 'enrolments'));
  expect(onServer.map((r) => r.rowId).sort()).toEqual(enrolments(a).map((e) => e.id as string).sort());
}, 180_000);
