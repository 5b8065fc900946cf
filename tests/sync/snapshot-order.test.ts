/**
 * A bootstrap parks nothing (issue 19): the district server sends a snapshot's tables parents first
 * (the wire catalog's SYNC_TABLE_ORDER), so a fresh PC of a street with enrolments, their steps and
 * care files stores every row as its page comes, with the same rows as the PC that wrote them. A PC
 * that began its bootstrap in the name order of an older server goes on in that order and finishes.
 * Real server over HTTP on 127.0.0.1, real SQLite files.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeReplica, rows, startServer, STREET_A, type Replica, type TestServer } from './harness';
import { caller, prepareCards, setCareSubsidies } from '../support/care-data';
import { SYNC_CATALOG } from '../../shared/sync/catalog';
import { httpTransport } from '../../electron/backend/sync/http';
import { syncConfig } from '../../electron/backend/sync/session';
import { applySnapshotPage, snapshotProgress } from '../../electron/backend/sync/pull';
import { pendingCount } from '../../electron/backend/sync/pending';
import { searchRegistry } from '../../electron/backend/services/registry/read';

let server: TestServer;
let source: Replica;
const open: Replica[] = [];
/** Small pages, so that a street's tables spread over many. */
const PAGE = 7;

beforeAll(async () => {
  server = await startServer();
  source = await makeReplica(server, 'order-source', STREET_A);
  await source.sync();
  const login = await source.backend.call('auth.login', { username: 'zgz_admin', password: 'secret-pass-1' }, null);
  if (!login.ok) throw new Error(login.error.message);
  setCareSubsidies(source.backend, STREET_A);
  // 特困 households (an imported enrolment and its step each) with a care profile, caregiver,
  // signed agreement, plan and card.
  await prepareCards(caller(source.backend, (login.result as { token: string }).token), 4);
  await source.sync();
}, 180_000);

afterAll(async () => {
  for (const r of [source, ...open]) r?.close();
  await server?.close();
});

function transportOf(r: Replica) {
  const cfg = syncConfig(r.backend.store)!;
  return httpTransport(cfg.serverUrl, cfg.token);
}

/**
 * Every synced table's rows of the street, by id (the district figures the source set for the care
 * rules stay on it: a street PC cannot push them).
 */
function everyRow(r: Replica): Record<string, Record<string, unknown>[]> {
  return Object.fromEntries([...SYNC_CATALOG.keys()].map((t) => [t, rows(r, t, STREET_A)]));
}

describe('snapshot order', () => {
  test('the street holds children whose tables come before their parents in name order', () => {
    for (const t of ['enrolments', 'enrolment_steps', 'care_profiles', 'caregivers', 'care_agreements', 'care_cards', 'care_plans']) {
      expect(rows(source, t).length, t).toBeGreaterThan(0);
    }
  });

  test('a fresh PC bootstraps page by page without parking a row, and holds the same rows', async () => {
    const fresh = await makeReplica(server, 'order-fresh', STREET_A);
    open.push(fresh);
    const t = transportOf(fresh);
    let pages = 0;
    let parked = 0;
    for (let p = snapshotProgress(fresh.backend.store); !p.done; p = snapshotProgress(fresh.backend.store)) {
      const page = await t.snapshot({ after: p.after, cursor: p.cursor, limit: PAGE });
      parked += applySnapshotPage(fresh.backend.store, page).parked;
      expect(pendingCount(fresh.backend.store)).toBe(0);
      pages++;
    }
    expect(pages).toBeGreaterThan(5);
    expect(parked).toBe(0);
    await fresh.sync();
    await source.sync();
    expect(everyRow(fresh)).toEqual(everyRow(source));
  });

  test('a PC that began in the name order of an older server, with rows parked, finishes in that order', async () => {
    const midway = await makeReplica(server, 'order-midway', STREET_A);
    open.push(midway);
    const store = midway.backend.store;
    const t = transportOf(midway);
    // The position an older server's first page would have ended before: ahead of every row of
    // the district partition in (table, row id) order. Pages of the name order follow it until a
    // child waits parked for its household in the street's partition; then the PC is upgraded.
    let after = 'district/a/0';
    let cursor: number | null = null;
    while (pendingCount(store) === 0) {
      const page = await t.snapshot({ after, cursor, limit: PAGE });
      applySnapshotPage(store, page);
      expect(page.next).not.toBeNull();
      expect(page.next!.startsWith('deps/')).toBe(false);
      after = page.next!;
      cursor = page.cursor;
    }
    expect(snapshotProgress(store)).toMatchObject({ after, done: false });
    await midway.sync({ page: PAGE });
    expect(snapshotProgress(store).done).toBe(true);
    expect(pendingCount(store)).toBe(0);
    await source.sync();
    expect(everyRow(midway)).toEqual(everyRow(source));
  });

  test('a fresh PC bootstrapped by a sync in small pages holds the same rows, indexes and search index as the source, and its search finds', async () => {
    const fresh = await makeReplica(server, 'order-search', STREET_A);
    open.push(fresh);
    await fresh.sync({ page: PAGE });
    const store = fresh.backend.store;
    expect(snapshotProgress(store).done).toBe(true);
    await source.sync();
    expect(everyRow(fresh)).toEqual(everyRow(source));
    // the snapshot's rows are indexed once, after its last page: nothing is left noted or deferred
    expect(store.prepare('SELECT count(*) AS n FROM search_index_dirty').get()).toEqual({ n: 0 });
    expect(store.prepare('SELECT deferred FROM search_index_state').get()).toEqual({ deferred: 0 });
    const bodies = (r: Replica) =>
      ['person_search', 'household_search'].flatMap((t) => r.backend.store.prepare(`SELECT body FROM ${t} ORDER BY body`).pluck().all() as string[]);
    expect(bodies(fresh)).toEqual(bodies(source));
    // the secondary indexes, dropped while the rows came, are all back as the source has them
    const indexes = (r: Replica) => r.backend.store.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all();
    expect(indexes(fresh)).toEqual(indexes(source));
    expect(store.getMeta('sync_bootstrap_dropped_indexes')).toBeNull();
    const persons = rows(fresh, 'persons', STREET_A).filter((p) => p.deleted_at === null);
    expect(persons.length).toBeGreaterThan(3);
    for (const p of persons) {
      const byName = searchRegistry(store, STREET_A, String(p.name), 50).map((h) => h.personId);
      const byId = searchRegistry(store, STREET_A, String(p.id_number), 10).map((h) => h.personId);
      expect(byName, String(p.name)).toContain(p.id);
      expect(byId, String(p.id_number)).toContain(p.id);
    }
  });
});
