/**
 * 待建档 (households tagged 留守 with no open record of that kind) is read in one pass over the
 * street's households for every kind: on a demo street with a year of history it lists the same
 * households, kinds and order as one statement per kind (the way it was read before), with and
 * without the list's kind and community filters.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { LEFT_BEHIND_KINDS, LEGACY_TAG_OF } from '../../../../shared/left-behind/types';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import { generateStreet } from '../../demo/generate';
import { loadStreetData } from '../../demo/load';
import { makeHarness, type Harness } from '../../testing/harness';
import { listLeftBehind } from './read';

const NOW = new Date('2026-11-19T06:30:00Z');
let h: Harness;
let street: string;

beforeAll(async () => {
  h = await makeHarness({ setUp: false, now: () => NOW });
  loadStreetData(h.backend.store, generateStreet({ households: 300, referenceDate: shanghaiDate(NOW) }), { history: true });
  const db = h.backend.store.sqlite;
  street = (db.prepare('SELECT street_code AS s FROM households LIMIT 1').get() as { s: string }).s;
  // The demo's pending households are of one kind: tag a few with the other kinds too (one with two
  // kinds), as an imported register would, so the order across kinds is tested.
  const untagged = db.prepare("SELECT id, categories FROM households WHERE status = 'active' AND categories NOT LIKE '%left-behind%' ORDER BY id LIMIT 4").all() as { id: string; categories: string }[];
  const add = (i: number, tags: string[]) =>
    db.prepare('UPDATE households SET categories = ? WHERE id = ?').run(JSON.stringify([...(JSON.parse(untagged[i]!.categories) as string[]), ...tags]), untagged[i]!.id);
  add(0, [LEGACY_TAG_OF.woman]);
  add(1, [LEGACY_TAG_OF.elderly, LEGACY_TAG_OF.child]);
  add(2, [LEGACY_TAG_OF.elderly]);
}, 300_000);
afterAll(async () => {
  await h?.close();
});

/** The second way: each kind's tagged households without an open record of the kind, kind by kind. */
function perKind(kinds: readonly string[], communityId: string | null): string[] {
  const out: string[] = [];
  for (const kind of kinds) {
    const tag = LEGACY_TAG_OF[kind as 'child'];
    const rows = h.backend.store.sqlite
      .prepare(
        `SELECT h.id FROM households h JOIN communities c ON c.id = h.community_id
          WHERE h.street_code = ? AND h.deleted_at IS NULL AND h.status IN ('active', 'watch')
            AND EXISTS (SELECT 1 FROM json_each(h.categories) t WHERE t.value = ?)
            AND NOT EXISTS (SELECT 1 FROM left_behind_records r WHERE r.household_id = h.id AND r.kind = ? AND r.closed_on IS NULL AND r.deleted_at IS NULL)
            AND (? IS NULL OR h.community_id = ?)
          ORDER BY c.sort_order, c.name, h.address, h.id`,
      )
      .all(street, tag, kind, communityId, communityId) as { id: string }[];
    out.push(...rows.map((r) => `${kind}|${r.id}`));
  }
  return out;
}

test('待建档 in one pass equals the kinds read one by one', () => {
  const store = h.backend.store;
  const all = LEFT_BEHIND_KINDS.map((k) => k.code);
  const pending = listLeftBehind(store, street, { filter: 'open' }).pending;
  expect(pending.map((p) => `${p.kind}|${p.householdId}`)).toEqual(perKind(all, null));
  // the demo street has pending households of more than one kind, so order across kinds is tested
  expect(new Set(pending.map((p) => p.kind)).size).toBe(3);
  for (const kind of all) {
    expect(listLeftBehind(store, street, { filter: 'open', kind }).pending.map((p) => `${p.kind}|${p.householdId}`)).toEqual(perKind([kind], null));
  }
  const community = pending[0]!;
  const communityId = (store.sqlite.prepare('SELECT community_id AS c FROM households WHERE id = ?').get(community.householdId) as { c: string }).c;
  const inCommunity = listLeftBehind(store, street, { filter: 'open', communityId }).pending;
  expect(inCommunity.map((p) => `${p.kind}|${p.householdId}`)).toEqual(perKind(all, communityId));
  expect(inCommunity.length).toBeLessThan(pending.length);
  // the head's name is the household's head
  const head = store.sqlite.prepare("SELECT name FROM persons WHERE household_id = ? AND relation = '02' AND deleted_at IS NULL").get(community.householdId) as { name: string } | undefined;
  expect(community.headName).toBe(head?.name ?? '');
});
