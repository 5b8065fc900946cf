import { describe, expect, test } from 'vitest';
import type { Store } from './store';
import { indexNotedInTurns, withSearchIndexDeferred, withSearchIndexDeferredAsync, withSearchIndexNoted } from './search-index';
import { applyRemote, fromChange } from '../sync/apply';
import { outboxBatch } from '../sync/encode';
import { TEST_ACTOR, TEST_STREET, testReplicas } from '../sync/testing/memory-replicas';
import { makeIdNumber } from '../../../shared/id-number';

const S = TEST_STREET;
const actor = TEST_ACTOR;
const replica = testReplicas();

/** Every search-index entry, by the id of the row it indexes. */
function indexOf(s: Store): string[] {
  const persons = s.prepare('SELECT p.id AS id, x.body AS body FROM person_search x JOIN persons p ON p.rowid = x.rowid ORDER BY p.id').all();
  const households = s.prepare('SELECT h.id AS id, x.body AS body FROM household_search x JOIN households h ON h.rowid = x.rowid ORDER BY h.id').all();
  const total = (s.prepare('SELECT (SELECT count(*) FROM person_search) + (SELECT count(*) FROM household_search) AS n').get() as { n: number }).n;
  const rows = [...persons, ...households] as { id: string; body: string }[];
  // An entry whose row is gone would not join: the counts must agree.
  expect(total).toBe(rows.length);
  return rows.map((r) => `${r.id} ${r.body}`);
}

function shipDeferred(from: Store, to: Store): void {
  const changes = outboxBatch(from, 10_000);
  withSearchIndexDeferred(to, () => applyRemote(to, changes.map(fromChange)));
  from.tx(() => from.sqlite.prepare('UPDATE change_log SET pushed_at = ? WHERE pushed_at IS NULL').run(from.nowIso()));
}

function addFamily(s: Store, n: number): { household: string; persons: string[] } {
  const c = s.insert('communities', { streetCode: S, name: `詹滨西里${n}社区` }, actor, null);
  const household = s.insert('households', { streetCode: S, communityId: c, address: `詹滨西里${n}号楼`, hukouType: 'urban', phone: `1380000${String(n).padStart(4, '0')}` }, actor, null);
  const persons = [0, 1].map((k) =>
    s.insert(
      'persons',
      {
        streetCode: S,
        householdId: household,
        relation: k === 0 ? 'self' : 'spouse',
        name: k === 0 ? `李${n}同` : `王${n}华`,
        namePinyin: k === 0 ? `li${n}tong` : `wang${n}hua`,
        nameInitials: k === 0 ? 'lt' : 'wh',
        idNumber: makeIdNumber('120110', k === 0 ? '19600101' : '19620202', n * 2 + k),
        sex: k === 0 ? 'male' : 'female',
        birthDate: k === 0 ? '1960-01-01' : '1962-02-02',
      },
      actor,
      null,
    ),
  );
  return { household, persons };
}

describe('deferred search indexing', () => {
  test('rows applied with the index deferred are indexed exactly as the per-row triggers index local writes', () => {
    const a = replica();
    const b = replica();
    const fams = [1, 2, 3].map((n) => addFamily(a, n));
    shipDeferred(a, b);
    expect(indexOf(b)).toEqual(indexOf(a));
    expect(indexOf(a)).toHaveLength(9);

    // Renamed, re-addressed, soft-deleted: the deferred path replaces and removes entries too.
    a.update('persons', fams[0]!.persons[0]!, { name: '李改名', namePinyin: 'ligaiming' }, actor, null);
    a.update('households', fams[1]!.household, { address: '詹滨东里9号楼', phone: null }, actor, null);
    a.softDelete('persons', fams[2]!.persons[1]!, actor, null);
    shipDeferred(a, b);
    expect(indexOf(b)).toEqual(indexOf(a));
    expect(indexOf(b)).toHaveLength(8);
    expect(b.prepare("SELECT count(*) AS n FROM person_search WHERE person_search MATCH '李改名'").get()).toEqual({ n: 1 });
    expect(b.prepare("SELECT count(*) AS n FROM household_search WHERE household_search MATCH '滨东里'").get()).toEqual({ n: 1 });

    // Local writes afterwards are indexed by the triggers again, and nothing stays noted.
    addFamily(b, 4);
    expect(b.prepare("SELECT count(*) AS n FROM person_search WHERE person_search MATCH 'li4tong'").get()).toEqual({ n: 1 });
    expect(b.prepare('SELECT deferred FROM search_index_state').get()).toEqual({ deferred: 0 });
    expect(b.prepare('SELECT count(*) AS n FROM search_index_dirty').get()).toEqual({ n: 0 });
  });

  test('a failed bulk write leaves neither rows, index entries nor the deferral behind', () => {
    const a = replica();
    const b = replica();
    addFamily(a, 5);
    const changes = outboxBatch(a, 10_000);
    expect(() =>
      withSearchIndexDeferred(b, () => {
        applyRemote(b, changes.map(fromChange));
        throw new Error('断电');
      }),
    ).toThrow('断电');
    expect(b.prepare('SELECT count(*) AS n FROM persons').get()).toEqual({ n: 0 });
    expect(indexOf(b)).toEqual([]);
    expect(b.prepare('SELECT deferred FROM search_index_state').get()).toEqual({ deferred: 0 });
    expect(b.prepare('SELECT count(*) AS n FROM search_index_dirty').get()).toEqual({ n: 0 });
  });

  test('nested bulk writes index once, at the end of the outer one', () => {
    const a = replica();
    const b = replica();
    addFamily(a, 6);
    const changes = outboxBatch(a, 10_000);
    withSearchIndexDeferred(b, () => {
      withSearchIndexDeferred(b, () => applyRemote(b, changes.map(fromChange)));
      // still deferred: the inner call left indexing to the outer one
      expect(b.prepare('SELECT count(*) AS n FROM person_search').get()).toEqual({ n: 0 });
      expect(b.prepare('SELECT count(*) AS n FROM search_index_dirty').get()).toEqual({ n: 3 });
    });
    expect(indexOf(b)).toEqual(indexOf(a));
  });

  test('in a yielding transaction the noted rows are indexed a chunk at a time, exactly as the triggers index them', async () => {
    const a = replica();
    const b = replica();
    for (let n = 0; n < 1100; n++) addFamily(a, n); // 2,200 persons: more than one chunk
    const changes = outboxBatch(a, 100_000);
    await b.txYielding(() => withSearchIndexDeferredAsync(b, async () => void applyRemote(b, changes.map(fromChange))));
    expect(b.prepare('SELECT count(*) AS n FROM search_index_dirty').get()).toEqual({ n: 0 });
    expect(b.prepare('SELECT deferred FROM search_index_state').get()).toEqual({ deferred: 0 });
    expect(indexOf(b)).toEqual(indexOf(a));
  }, 120_000);

  test('rows left noted over many transactions (a bootstrap) are indexed at the end, in chunks, exactly as the triggers index them', async () => {
    const a = replica();
    const b = replica();
    for (let n = 0; n < 1100; n++) addFamily(a, n); // 2,200 persons: more than one chunk
    const changes = outboxBatch(a, 100_000).map(fromChange);
    // applied in pages, each its own transaction, as the snapshot pages come
    for (let i = 0; i < changes.length; i += 500) withSearchIndexNoted(b, () => applyRemote(b, changes.slice(i, i + 500)));
    expect(b.prepare('SELECT count(*) AS n FROM person_search').get()).toEqual({ n: 0 });
    expect(b.prepare('SELECT deferred FROM search_index_state').get()).toEqual({ deferred: 0 });
    // a local write meanwhile is indexed by its trigger at once, and again (the same) at the end
    addFamily(b, 5000);
    expect(b.prepare("SELECT count(*) AS n FROM person_search WHERE person_search MATCH 'li5000tong'").get()).toEqual({ n: 1 });
    b.update('persons', b.prepare("SELECT id FROM persons WHERE name = '李7同'").pluck().get() as string, { name: '李七同' }, actor, null);
    let turns = 0;
    expect(await indexNotedInTurns(b, async () => void turns++)).toBe(2200 + 1100);
    expect(turns).toBeGreaterThan(1);
    expect(b.prepare('SELECT count(*) AS n FROM search_index_dirty').get()).toEqual({ n: 0 });
    addFamily(a, 5000);
    a.update('persons', a.prepare("SELECT id FROM persons WHERE name = '李7同'").pluck().get() as string, { name: '李七同' }, actor, null);
    const ids = (s: Store) => indexOf(s).map((e) => e.replace(/^\S+ /, '')).sort();
    expect(ids(b)).toEqual(ids(a));
    expect(b.prepare("SELECT count(*) AS n FROM person_search WHERE person_search MATCH '李七同'").get()).toEqual({ n: 1 });
  }, 120_000);
});
