/**
 * The due lists kept between visits (the order moved, not re-sorted: services/screening/due-order)
 * equal the lists worked out from scratch, for the street and for each scope, after visits that move
 * households across the today / week / overdue limits, a visit withdrawn, a visit written by another
 * connection (as a sync apply on another handle), and the day turning; the 工作台 counts the same.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openDatabase } from '../db/open';
import { forgetKeptResults } from '../store/since-last-change';
import { allDueLists, makeWorld, type World } from '../testing/screening-fixtures';

let w: World;
beforeEach(async () => {
  w = await makeWorld('2020-07-01T01:00:00.000Z');
});
afterEach(async () => {
  await w.h.close();
});

/** Kept (moved after the last change) against cold (nothing kept), and the 工作台 against the lists. */
async function expectKeptEqualsCold(): Promise<void> {
  const kept = await allDueLists(w);
  forgetKeptResults(w.h.backend.store);
  const cold = await allDueLists(w);
  expect(kept).toEqual(cold);
  const totals = kept.slice(0, 3).map((l) => (l as { total: number }).total);
  expect(kept[kept.length - 1]).toEqual(totals);
}

/** A small deterministic generator (the same visits on every run). */
function random(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('due lists kept between visits equal lists worked out from scratch', () => {
  test('random visits, a visit withdrawn, a visit from another connection, the day turning', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const health = (['healthy', 'chronic', 'serious'] as const)[i % 3];
      ids.push(await w.household({ grid: i % 2 ? w.gridB : w.gridA, members: [{ name: `户主${i}`, birth: i % 4 === 0 ? '1935-03-01' : '1975-05-01', health }] }));
    }
    await w.moveClock('2020-07-08T02:00:00.000Z'); // a Wednesday: today, this week and overdue differ
    await expectKeptEqualsCold();
    const rnd = random(15);
    const visit = (id: string, on: string) => w.h.call('screening.recordVisit', { householdId: id, visitedOn: on, method: 'home', visitorName: '刘网格' });
    for (let step = 0; step < 10; step++) {
      await visit(ids[Math.floor(rnd() * ids.length)]!, `2020-07-0${1 + Math.floor(rnd() * 8)}`);
      await expectKeptEqualsCold();
    }
    // A visit today takes a household off today's list: kept still equals cold.
    const before = (await w.h.call('screening.dueList', { list: 'today' })).rows.map((r) => r.householdId);
    await visit(before[0]!, '2020-07-08');
    expect((await w.h.call('screening.dueList', { list: 'today' })).rows.map((r) => r.householdId)).not.toContain(before[0]);
    await expectKeptEqualsCold();
    // A visit withdrawn (as a sync apply marks it): the household goes back to its earlier due date.
    const db = w.h.backend.store.sqlite;
    const latest = db.prepare('SELECT id FROM visits WHERE household_id = ? AND deleted_at IS NULL ORDER BY visited_on DESC LIMIT 1').get(before[0]) as { id: string };
    db.prepare('UPDATE visits SET deleted_at = ? WHERE id = ?').run('2020-07-08T02:00:00.000Z', latest.id);
    expect((await w.h.call('screening.dueList', { list: 'today' })).rows.map((r) => r.householdId)).toContain(before[0]);
    await expectKeptEqualsCold();
    // Another connection moves a visit (another PC's change applied on another handle).
    const other = openDatabase(w.h.backend.dbFile, { key: w.h.backend.store.databaseKey });
    try {
      other.sqlite.prepare("UPDATE visits SET visited_on = '2020-06-30' WHERE id = (SELECT id FROM visits WHERE deleted_at IS NULL ORDER BY visited_on DESC LIMIT 1)").run();
    } finally {
      other.close();
    }
    await expectKeptEqualsCold();
    // The day turns (next Monday: a new week), then more visits.
    await w.moveClock('2020-07-13T02:00:00.000Z');
    await expectKeptEqualsCold();
    for (let step = 0; step < 4; step++) {
      await visit(ids[Math.floor(rnd() * ids.length)]!, `2020-07-1${Math.floor(rnd() * 4)}`);
      await expectKeptEqualsCold();
    }
  });
});
