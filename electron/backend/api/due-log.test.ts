/**
 * The kept due order moved by the log of changed last visits (services/screening/kept-due-order)
 * equals the lists worked out from scratch after random visits, withdrawals, bursts written through
 * another connection (as a sync apply) and households deleted; the log stays bounded, and an order
 * behind its pruned entries reads the whole table; after one visit the lists read the changed rows
 * only; a database made before the log's migration gets it when opened; a backup restored is read
 * afresh (its log's seqs repeat those an order of the replaced database saw).
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type Database from 'better-sqlite3-multiple-ciphers';
import { openDatabase } from '../db/open';
import { forgetKeptResults } from '../store/since-last-change';
import { LOG_KEPT } from '../services/screening/kept-due-order';
import { allDueLists, makeWorld, type World } from '../testing/screening-fixtures';

let w: World;
beforeEach(async () => {
  w = await makeWorld('2020-07-01T01:00:00.000Z');
});
afterEach(async () => {
  await w.h.close();
});

const db = (): Database.Database => w.h.backend.store.sqlite;

/** Kept (moved by the log since the last check) against cold (nothing kept). */
async function expectKeptEqualsCold(): Promise<void> {
  const kept = await allDueLists(w);
  forgetKeptResults(w.h.backend.store);
  expect(kept).toEqual(await allDueLists(w));
}

/** A small deterministic generator (the same steps on every run). */
function random(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
}

async function street(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const health = (['healthy', 'chronic', 'serious'] as const)[i % 3];
    ids.push(await w.household({ grid: i % 2 ? w.gridB : w.gridA, members: [{ name: `户主${i}`, birth: i % 4 === 0 ? '1935-03-01' : '1975-05-01', health }] }));
  }
  await w.moveClock('2020-07-08T02:00:00.000Z'); // a Wednesday: today, this week and overdue differ
  return ids;
}

const visit = (id: string, on: string) => w.h.call('screening.recordVisit', { householdId: id, visitedOn: on, method: 'home', visitorName: '刘网格' });
const logSize = () => db().prepare('SELECT count(*) FROM household_last_visit_changes').pluck().get() as number;

/** Rows of another street's households, straight into the table (a sync of many visits at once). */
function otherStreetRows(n: number): void {
  const ins = db().prepare('INSERT INTO household_last_visit (household_id, last_visited_on) VALUES (?, ?)');
  db().transaction(() => {
    for (let i = 0; i < n; i++) ins.run(`other-street-${i}`, '2020-07-01');
  })();
}

describe('the due order kept by the log of changed last visits', () => {
  test('equals the order from scratch after random visits, withdrawals, bursts on another connection and deletions', async () => {
    const ids = await street(16);
    await expectKeptEqualsCold();
    const rnd = random(42);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const day = () => `2020-07-0${1 + Math.floor(rnd() * 8)}`;
    const other = openDatabase(w.h.backend.dbFile, { key: w.h.backend.store.databaseKey });
    let deleted = 0;
    try {
      for (let step = 0; step < 30; step++) {
        const r = rnd();
        const live = () => db().prepare('SELECT id FROM visits WHERE deleted_at IS NULL').pluck().all() as string[];
        if (r < 0.4 || live().length === 0) {
          await visit(pick(ids), day());
          if (rnd() < 0.3) await visit(pick(ids), day()); // two changes before the lists are read
        } else if (r < 0.6) {
          db().prepare('UPDATE visits SET deleted_at = ? WHERE id = ?').run('2020-07-08T02:00:00.000Z', pick(live())); // withdrawn
        } else if (r < 0.9) {
          // Another PC's changes applied on another handle: moved, withdrawn and restored visits in one commit.
          const all = other.sqlite.prepare('SELECT id FROM visits').pluck().all() as string[];
          other.sqlite.transaction(() => {
            for (let k = 1 + Math.floor(rnd() * 5); k > 0; k--) {
              const id = pick(all);
              if (rnd() < 0.5) other.sqlite.prepare('UPDATE visits SET visited_on = ? WHERE id = ?').run(day(), id);
              else other.sqlite.prepare('UPDATE visits SET deleted_at = ? WHERE id = ?').run(rnd() < 0.5 ? null : '2020-07-08T02:00:00.000Z', id);
            }
          })();
        } else if (deleted < 3) {
          const gone = ids.splice(Math.floor(rnd() * ids.length), 1)[0]!;
          // Deleted on another PC, the deletion applied by sync (a 低保 household cannot be deleted here in 2020).
          other.sqlite.prepare('UPDATE households SET deleted_at = ? WHERE id = ?').run('2020-07-08T02:00:00.000Z', gone);
          deleted++;
        }
        await expectKeptEqualsCold();
      }
    } finally {
      other.close();
    }
    expect(deleted).toBeGreaterThan(0);
    // The day turns: the order is worked out again for the new day, then kept again.
    await w.moveClock('2020-07-13T02:00:00.000Z');
    await expectKeptEqualsCold();
    await visit(ids[0]!, '2020-07-13');
    await expectKeptEqualsCold();
  });

  test('the log keeps its last entries only; an order behind the pruned ones reads the whole table', async () => {
    const ids = await street(4);
    await expectKeptEqualsCold();
    await visit(ids[0]!, '2020-07-08'); // the first change after the kept order: pruned below
    otherStreetRows(LOG_KEPT + 10);
    const [lo, hi, n] = db().prepare('SELECT min(seq), max(seq), count(*) FROM household_last_visit_changes').raw(true).get() as number[];
    expect(n).toBe(LOG_KEPT);
    expect(hi! - lo! + 1).toBe(LOG_KEPT);
    const kept = await allDueLists(w);
    expect((kept[0] as { rows: { householdId: string }[] }).rows.map((r) => r.householdId)).not.toContain(ids[0]);
    forgetKeptResults(w.h.backend.store);
    expect(kept).toEqual(await allDueLists(w));
    expect(logSize()).toBe(LOG_KEPT);
  });

  test('after one visit the lists read the changed household only, not the whole table', async () => {
    const ids = await street(3);
    otherStreetRows(3000);
    await w.h.call('screening.dueList', { list: 'today' }); // cold: the whole table
    await visit(ids[1]!, '2020-07-08');
    const proto = Object.getPrototypeOf(db().prepare('SELECT 1')) as { all: (...args: unknown[]) => unknown[] };
    const all = proto.all;
    let rows = 0;
    proto.all = function (this: Database.Statement, ...args: unknown[]) {
      const out = all.apply(this, args);
      if (this.source.includes('household_last_visit')) rows += out.length;
      return out;
    };
    let today;
    try {
      today = await w.h.call('screening.dueList', { list: 'today' });
    } finally {
      proto.all = all;
    }
    expect(today.rows.map((r) => r.householdId)).not.toContain(ids[1]);
    expect(rows).toBe(2); // one entry of the log, one row of the household's last visit
  });

  test('a backup restored: the lists are those of the backup, nothing kept from the replaced database is moved', async () => {
    const ids = await street(4);
    await visit(ids[0]!, '2020-07-02');
    await expectKeptEqualsCold();
    const entry = await w.h.call('backup.create', {});
    await visit(ids[1]!, '2020-07-08');
    await visit(ids[2]!, '2020-07-08');
    await allDueLists(w); // kept: the orders have seen both visits
    await w.h.call('backup.restore', { path: entry.path, confirmed: true });
    await visit(ids[3]!, '2020-07-08'); // in the backup, the seq the first of the two visits had
    const today = (await w.h.call('screening.dueList', { list: 'today' })).rows.map((r) => r.householdId);
    expect(today).toContain(ids[1]);
    expect(today).not.toContain(ids[3]);
    await expectKeptEqualsCold();
  });

  test('a database made before the log gets it when opened, and its kept order follows visits', async () => {
    const ids = await street(4);
    await visit(ids[0]!, '2020-07-02');
    // As an older version left the database: no log, no triggers, the migration not recorded.
    const names = db().prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'household_last_visit_changes_%'").pluck().all() as string[];
    expect(names).toHaveLength(3);
    for (const name of names) db().exec(`DROP TRIGGER "${name}"`);
    db().exec('DROP TABLE household_last_visit_changes');
    db().prepare('DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)').run();
    // Opening the database migrates it (as the app does at start).
    openDatabase(w.h.backend.dbFile, { key: w.h.backend.store.databaseKey }).close();
    expect(logSize()).toBe(0);
    await expectKeptEqualsCold();
    await visit(ids[1]!, '2020-07-08');
    expect(logSize()).toBe(1);
    await expectKeptEqualsCold();
    await visit(ids[0]!, '2020-07-08');
    await expectKeptEqualsCold();
  });
});
