/**
 * 留守 records per person (issue 17): opened, updated and closed through the procedures on a real
 * street database; the stale flag at the cadence's edge, the age-out, the report's count, and the
 * 留守妇女 tag that used to put a household's men in the group.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeIdNumber } from '../../../shared/id-number';
import type { InputOf } from '../../../shared/api/contract';
import type { RelationCode } from '../../../shared/codes';
import { failure, makeHarness, type Harness } from '../testing/harness';

let h: Harness;
let now: Date;
let communityId: string;
let seq = 300;

beforeEach(async () => {
  now = new Date('2026-06-15T02:00:00Z'); // 2026-06-15 10:00 in Shanghai
  h = await makeHarness({ now: () => now });
  communityId = (await h.call('org.listCommunities', {}))[0]!.id;
});
afterEach(() => h.close());

/** Moves the clock to a Shanghai day (10:00) and signs in again. */
async function travel(day: string) {
  now = new Date(`${day}T02:00:00Z`);
  await h.signInAgain();
}

function changeCount(): number {
  return (h.backend.store.sqlite.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
}

async function household(categories: string[], members: { name: string; birth: string; sex: 'm' | 'f'; relation: RelationCode }[]) {
  const d = await h.call('registry.createHousehold', {
    household: { communityId, address: `南何庄村${seq}号`, hukouType: 'rural', categories: categories as never },
    // odd sequence digit: male; even: female
    members: members.map((m) => ({ name: m.name, relation: m.relation, idNumber: makeIdNumber('120110', m.birth, (seq++ * 2 + (m.sex === 'm' ? 1 : 0)) % 1000) })),
  });
  return d.members.map((m) => m.id);
}

const PARENTS = [
  { name: '赵建军', relation: 'father' as const, whereabouts: '北京市朝阳区', since: '2025-03-01' },
  { name: '钱秀英', relation: 'mother' as const, whereabouts: '北京市朝阳区', since: '2025-03-01' },
];

function childInput(personId: string, over: Partial<InputOf<'leftBehind.open'>> = {}): InputOf<'leftBehind.open'> {
  return {
    personId, kind: 'child', openedOn: '2026-06-15', reason: 'both-parents-away', away: PARENTS,
    guardianName: '赵老太', guardianRelation: '祖母', guardianPhone: '13820001234', school: '南何庄小学', ...over,
  };
}

describe('opening a record', () => {
  test('a child under 16 with both parents away is recorded as a person, with the guardian and the away members', async () => {
    const [, child] = await household(['left-behind-child'], [
      { name: '赵老太', birth: '19560101', sex: 'f', relation: '02' },
      { name: '赵小明', birth: '20150301', sex: 'm', relation: '40' },
    ]);
    const r = await h.call('leftBehind.open', childInput(child!));
    expect(r).toMatchObject({ kind: 'child', personName: '赵小明', age: 11, lastUpdatedOn: '2026-06-15', updateDueOn: '2026-09-15', stale: false, ageOutOn: '2031-03-01', ageOut: false, closedOn: null });
    expect(r.away.map((a) => a.relation)).toEqual(['father', 'mother']);
    expect(await h.call('leftBehind.get', { id: r.id })).toEqual(r);
    const list = await h.call('leftBehind.list', {});
    expect(list.rows.map((x) => x.id)).toEqual([r.id]);
    // the household's tag now has a record of its kind: no longer 待建档
    expect(list.pending).toEqual([]);
  });

  test('refusals name the rule and write nothing: a 16-year-old, one parent only, a second open record, a date after today', async () => {
    const [, older, child] = await household([], [
      { name: '孙老汉', birth: '19500101', sex: 'm', relation: '02' },
      { name: '孙大伟', birth: '20100615', sex: 'm', relation: '40' },
      { name: '孙小伟', birth: '20140101', sex: 'm', relation: '40' },
    ]);
    const before = changeCount();
    const aged = await failure(h.call('leftBehind.open', childInput(older!)));
    expect(aged.code).toBe('left-behind-not-eligible');
    expect(aged.message).toMatch(/孙大伟.*未满16周岁/);
    const one = await failure(h.call('leftBehind.open', childInput(child!, { away: [PARENTS[0]!] })));
    expect(one).toMatchObject({ code: 'left-behind-not-eligible', field: 'away' });
    const future = await failure(h.call('leftBehind.open', childInput(child!, { openedOn: '2026-06-16' })));
    expect(future).toMatchObject({ code: 'invalid-input', field: 'openedOn' });
    const bad = await failure(h.call('leftBehind.open', childInput(child!, { away: [{ ...PARENTS[0]!, relation: 'uncle' as never }] })));
    expect(bad.code).toBe('invalid-input');
    expect(bad.message).toMatch(/外出家人与本人关系/);
    expect(changeCount()).toBe(before);
    await h.call('leftBehind.open', childInput(child!));
    const twice = await failure(h.call('leftBehind.open', childInput(child!)));
    expect(twice).toMatchObject({ code: 'duplicate', field: 'kind' });
  });
});

describe('keeping it current', () => {
  test('stale the day after the cadence (3 months) ends, counted by the list and the 工作台; an update clears it', async () => {
    const [, child] = await household([], [
      { name: '李奶奶', birth: '19560101', sex: 'f', relation: '02' },
      { name: '李小花', birth: '20160301', sex: 'f', relation: '40' },
    ]);
    const r = await h.call('leftBehind.open', childInput(child!));
    await travel('2026-09-15');
    expect((await h.call('leftBehind.get', { id: r.id })).stale).toBe(false);
    expect((await h.call('leftBehind.list', { filter: 'stale' })).rows).toEqual([]);
    await travel('2026-09-16');
    const stale = await h.call('leftBehind.list', { filter: 'stale' });
    expect(stale.rows.map((x) => x.id)).toEqual([r.id]);
    expect(stale.staleCount).toBe(1);
    const figure = (await h.call('home.workbench', {})).sections.flatMap((s) => s.figures).find((f) => f.key === 'left-behind-stale')!;
    expect(figure).toMatchObject({ count: 1, list: { procedure: 'leftBehind.list', input: { filter: 'stale' } } });
    const { personId: _p, kind: _k, openedOn: _o, ...details } = childInput(child!);
    const u = await h.call('leftBehind.update', { ...details, id: r.id, updatedOn: '2026-09-16', school: '东丽区实验小学' });
    expect(u).toMatchObject({ lastUpdatedOn: '2026-09-16', school: '东丽区实验小学', stale: false, updateDueOn: '2026-12-16' });
    expect((await h.call('leftBehind.list', { filter: 'stale' })).staleCount).toBe(0);
  });

  test('a parent who returns: the update is refused (the rule no longer holds), the record is closed with the date', async () => {
    const [, child] = await household([], [
      { name: '周奶奶', birth: '19560101', sex: 'f', relation: '02' },
      { name: '周小军', birth: '20160301', sex: 'm', relation: '40' },
    ]);
    const r = await h.call('leftBehind.open', childInput(child!));
    await travel('2026-07-01');
    const { personId: _p, kind: _k, openedOn: _o, ...details } = childInput(child!);
    const refused = await failure(h.call('leftBehind.update', { ...details, id: r.id, updatedOn: '2026-07-01', away: [PARENTS[1]!] }));
    expect(refused).toMatchObject({ code: 'left-behind-not-eligible', field: 'away' });
    const early = await failure(h.call('leftBehind.close', { id: r.id, closedOn: '2026-06-14', reason: 'returned' }));
    expect(early).toMatchObject({ code: 'invalid-input', field: 'closedOn' });
    const closed = await h.call('leftBehind.close', { id: r.id, closedOn: '2026-06-30', reason: 'returned', note: '父亲返乡务农' });
    expect(closed).toMatchObject({ closedOn: '2026-06-30', closeReason: 'returned', stale: false });
    expect((await h.call('leftBehind.list', {})).rows).toEqual([]);
    expect((await h.call('leftBehind.list', { filter: 'closed' })).rows.map((x) => x.id)).toEqual([r.id]);
    const again = await failure(h.call('leftBehind.update', { ...details, id: r.id, updatedOn: '2026-07-01' }));
    expect(again.code).toBe('invalid-transition');
  });

  test('a child reaching 16 is listed for closing and closed as 已满年龄 no earlier than the birthday', async () => {
    const [, child] = await household([], [
      { name: '吴奶奶', birth: '19560101', sex: 'f', relation: '02' },
      { name: '吴小刚', birth: '20100801', sex: 'm', relation: '40' },
    ]);
    const r = await h.call('leftBehind.open', childInput(child!));
    await travel('2026-07-31');
    expect((await h.call('leftBehind.list', { filter: 'age-out' })).rows).toEqual([]);
    await travel('2026-08-01');
    const due = await h.call('leftBehind.list', { filter: 'age-out' });
    expect(due.rows.map((x) => [x.id, x.ageOutOn])).toEqual([[r.id, '2026-08-01']]);
    expect(due.ageOutCount).toBe(1);
    const early = await failure(h.call('leftBehind.close', { id: r.id, closedOn: '2026-07-31', reason: 'age-out' }));
    expect(early).toMatchObject({ code: 'invalid-input', field: 'reason' });
    expect(early.message).toMatch(/2026-08-01年满16周岁/);
    await h.call('leftBehind.close', { id: r.id, closedOn: '2026-08-01', reason: 'age-out' });
    expect((await h.call('leftBehind.list', { filter: 'age-out' })).ageOutCount).toBe(0);
  });
});

describe('counting persons, never households', () => {
  test('a 留守妇女 household: the woman is counted, her father-in-law and son are not; the report equals a plain SQL count', async () => {
    const [grandpa, wife, son] = await household(['left-behind-woman'], [
      { name: '郑老汉', birth: '19700101', sex: 'm', relation: '02' },
      { name: '王桂英', birth: '19900301', sex: 'f', relation: '10' },
      { name: '郑小宝', birth: '20060301', sex: 'm', relation: '40' },
    ]);
    // before any record the tag counts nobody: the household is listed as 待建档
    const pending = await h.call('leftBehind.list', {});
    expect(pending.pending.map((p) => [p.kind, p.headName])).toEqual([['woman', '郑老汉']]);
    let t = (await h.call('reports.monthly', { month: '2026-06' })).tables.find((x) => x.key === 'left-behind')!;
    expect(t.total!.cells.persons).toBe(0);
    const spouse = [{ name: '郑大强', relation: 'spouse' as const, whereabouts: '天津市滨海新区', since: '2025-12-15' }];
    const woman = { kind: 'woman' as const, openedOn: '2026-06-15', reason: 'spouse-away' as const, away: spouse };
    for (const man of [grandpa!, son!]) {
      const e = await failure(h.call('leftBehind.open', { ...woman, personId: man }));
      expect(e.code).toBe('left-behind-not-eligible');
    }
    await h.call('leftBehind.open', { ...woman, personId: wife! });
    // a second street member, a child, in another household
    const [, child] = await household([], [
      { name: '冯奶奶', birth: '19560101', sex: 'f', relation: '02' },
      { name: '冯小丽', birth: '20160301', sex: 'f', relation: '40' },
    ]);
    await h.call('leftBehind.open', childInput(child!));
    t = (await h.call('reports.monthly', { month: '2026-06' })).tables.find((x) => x.key === 'left-behind')!;
    const plain = h.backend.store.sqlite
      .prepare(
        `SELECT c.name AS community, count(DISTINCT r.person_id) AS n FROM left_behind_records r
         JOIN households h ON h.id = r.household_id JOIN communities c ON c.id = h.community_id
         WHERE r.deleted_at IS NULL AND r.closed_on IS NULL GROUP BY c.name`,
      )
      .all() as { community: string; n: number }[];
    expect(t.rows.map((r) => [r.label, r.cells.persons])).toEqual(plain.map((p) => [p.community, p.n]));
    expect(t.total!.cells).toMatchObject({ persons: 2, woman: 1, child: 1, elderly: 0, opened: 2, updated: 2, closed: 0, stale: 0 });
    expect(t.definition).toMatch(/按人统计/);
    // the screening list puts only the woman of the household in the 留守 group
    expect((await h.call('leftBehind.list', {})).pending).toEqual([]);
  });
});

test('the screening 留守 group is the person with a record: the 留守妇女 tag alone makes no household daily, her record does', async () => {
  const current = (await h.call('screening.policy', {})).inForce.find((p) => p.key === 'screening.cadence')!.value as { rules: { group: string; cadence: string }[] };
  await h.call('screening.setPolicy', {
    key: 'screening.cadence',
    value: { ...current, rules: [...current.rules.filter((r) => r.group !== 'left-behind'), { group: 'left-behind', cadence: 'daily' }] },
    effectiveFrom: '2026-06-15',
    note: '测试：留守人员每日排查',
  });
  const [, wife] = await household(['left-behind-woman'], [
    { name: '陈老汉', birth: '19700101', sex: 'm', relation: '02' },
    { name: '林秀兰', birth: '19900301', sex: 'f', relation: '10' },
  ]);
  const cadence = async () => (await h.call('screening.dueList', { list: 'overdue', pageSize: 500 })).rows.concat((await h.call('screening.dueList', { list: 'week', pageSize: 500 })).rows).find((r) => r.address.startsWith('南何庄村') && r.headName === '陈老汉')?.cadence;
  expect(await cadence()).toMatch(/^(weekly|monthly)$/);
  await h.call('leftBehind.open', {
    personId: wife!, kind: 'woman', openedOn: '2026-06-15', reason: 'spouse-away',
    away: [{ name: '陈大军', relation: 'spouse', whereabouts: '天津市滨海新区', since: '2025-12-01' }],
  });
  expect(await cadence()).toBe('daily');
});
