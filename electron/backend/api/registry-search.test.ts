/**
 * Searching by a fragment of a name as staff type it: a given name (淑兰 of 耿淑兰), one middle
 * character, ranked exact name first, then names that start with the fragment, then the rest.
 */
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeHarness, type Harness } from '../testing/harness';
import { makeIdNumber } from '../../../shared/id-number';

let h: Harness;
let communityId: string;
beforeEach(async () => {
  h = await makeHarness();
  communityId = (await h.call('org.listCommunities', {}))[0]!.id;
});
afterEach(() => h.close());

let seq = 100;
async function householdOf(address: string, ...names: string[]) {
  return h.call('registry.createHousehold', {
    household: { communityId, address, hukouType: 'urban' as const, categories: [] },
    members: names.map((name, i) => ({ name, idNumber: makeIdNumber('120110', `19${50 + i}0312`, seq++), relation: i === 0 ? '02' : '20' })),
  });
}

async function titles(q: string) {
  return (await h.call('registry.search', { q })).filter((x) => x.kind === 'person').map((x) => x.title.replace(/（.*$/, ''));
}

/**
 * The posting table holds, for every live person, each character of the name after the first,
 * with the rowid of the person's household.
 */
function postingsMatchPersons() {
  const s = h.backend.store.sqlite;
  const live = s
    .prepare('SELECT p.rowid AS r, p.name, h.rowid AS hr FROM persons p JOIN households h ON h.id = p.household_id WHERE p.deleted_at IS NULL')
    .all() as { r: number; name: string; hr: number }[];
  const want = new Set(live.flatMap((p) => [...p.name].slice(1).map((c) => `${c}:${p.r}:${p.hr}`)));
  const got = (s.prepare('SELECT ch, person, household FROM person_name_chars').all() as { ch: string; person: number; household: number }[]).map(
    (x) => `${x.ch}:${x.person}:${x.household}`,
  );
  expect(new Set(got)).toEqual(want);
  expect(got.length).toBe(want.size);
}

describe('registry search by a fragment of a name', () => {
  test('a given name, one middle character or a last character finds the person', async () => {
    const d = await householdOf('新立村1号', '耿淑兰', '刘建军', '金雷');
    for (const [q, name] of [['淑兰', '耿淑兰'], ['兰', '耿淑兰'], ['淑', '耿淑兰'], ['建军', '刘建军'], ['建', '刘建军'], ['雷', '金雷'], ['耿淑', '耿淑兰']]) {
      expect(await titles(q!), `search "${q}"`).toContain(name);
      const page = await h.call('registry.listHouseholds', { q: q! });
      expect(page.rows.map((r) => r.id), `list "${q}"`).toEqual([d.id]);
      expect(page.rows[0]!.matchedMembers!.map((m) => m.name), `list "${q}"`).toContain(name);
    }
    // a two-character fragment must be contiguous in the name
    expect(await titles('淑耿')).toEqual([]);
    expect(await titles('耿兰')).toEqual([]);
    expect((await h.call('registry.listHouseholds', { q: '军建' })).total).toBe(0);
  });

  test('exact names first, then names that start with the query, then names that contain it', async () => {
    // list order without ranking would be by address: the infix match first
    const infix = await householdOf('1号', '张李兰');
    const prefix = await householdOf('2号', '李兰英');
    const exact = await householdOf('3号', '李兰');
    await householdOf('4号', '李小兰');
    expect(await titles('李兰')).toEqual(['李兰', '李兰英', '张李兰']);
    const page = await h.call('registry.listHouseholds', { q: '李兰' });
    expect(page.rows.map((r) => r.id)).toEqual([exact.id, prefix.id, infix.id]);
    // one character: names starting with it before names containing it
    expect(new Set(await titles('兰'))).toEqual(new Set(['张李兰', '李兰', '李兰英', '李小兰']));
    await householdOf('7号', '兰秀英');
    expect((await titles('兰'))[0]).toBe('兰秀英');
    // three characters (the trigram index) are ranked the same way
    await householdOf('5号', '李兰英华');
    await householdOf('6号', '王李兰英');
    expect(await titles('李兰英')).toEqual(['李兰英', '李兰英华', '王李兰英']);
  });

  test('the index follows renames, moves and removals', async () => {
    const d = await householdOf('新立村2号', '耿大山', '耿淑兰', '耿建军');
    const other = await householdOf('新立村3号', '马德华');
    postingsMatchPersons();
    const lan = d.members.find((m) => m.name === '耿淑兰')!;
    await h.call('registry.movePerson', { id: lan.id, toHouseholdId: other.id, relation: '12' });
    postingsMatchPersons();
    for (const q of ['兰', '淑兰']) {
      const page = await h.call('registry.listHouseholds', { q });
      expect(page.rows.map((r) => r.id), `list "${q}" after the move`).toEqual([other.id]);
      expect(page.rows[0]!.matchedMembers!.map((m) => m.name)).toEqual(['耿淑兰']);
    }
    await h.call('registry.movePerson', { id: lan.id, toHouseholdId: d.id, relation: '12' });
    const jun = d.members.find((m) => m.name === '耿建军')!;
    await h.call('registry.updatePerson', { id: jun.id, patch: { name: '耿建国' } });
    expect(await titles('建军')).toEqual([]);
    expect(await titles('建国')).toEqual(['耿建国']);
    postingsMatchPersons();
    await h.call('registry.deletePerson', { id: jun.id, reason: '户籍迁出本街道' });
    expect(await titles('建国')).toEqual([]);
    postingsMatchPersons();
    await h.call('registry.deleteHousehold', { id: d.id, reason: '重复登记' });
    expect(await titles('淑兰')).toEqual([]);
    postingsMatchPersons();
  });

  test("the migration's backfill indexes existing persons as the triggers do", async () => {
    await householdOf('新立村4号', '耿淑兰', '刘建军');
    await householdOf('新立村5号', '金雷', '阿依古丽·买买提');
    const sql = fs.readFileSync(new URL('../db/migrations/20261205022043_name_fragments.sql', import.meta.url), 'utf8');
    const backfill = sql.split('--> statement-breakpoint').at(-1)!;
    expect(backfill).toContain('INSERT OR IGNORE INTO person_name_chars');
    h.backend.store.sqlite.exec('DELETE FROM person_name_chars');
    h.backend.store.sqlite.exec(backfill);
    postingsMatchPersons();
    expect(await titles('依古')).toEqual(['阿依古丽·买买提']);
  });
});
