import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeHarness, type Harness } from '../testing/harness';
import { makeIdNumber } from '../../../shared/id-number';
import type { InputOf } from '../../../shared/api/contract';

let h: Harness;
let communityId: string;
beforeEach(async () => {
  h = await makeHarness();
  communityId = (await h.call('org.listCommunities', {}))[0]!.id;
});
afterEach(() => h.close());

const HEAD_ID = makeIdNumber('120110', '19650312', 123);
const WIFE_ID = makeIdNumber('120110', '19680101', 224);

function household(extra: Partial<InputOf<'registry.createHousehold'>['household']> = {}) {
  return { communityId, address: '詹滨西里3号楼2门301', hukouType: 'urban' as const, categories: ['dibao' as const], ...extra };
}

async function createZhang() {
  return h.call('registry.createHousehold', {
    household: household({ phone: '13820001234' }),
    members: [
      { name: '张三', idNumber: HEAD_ID, relation: '02', incomes: [{ kind: 'wage', monthlyFen: 150000 }] },
      { name: '李梅', idNumber: WIFE_ID, relation: '12', disabilityCategory: '4', disabilityGrade: '2' },
    ],
  });
}

function changeCount() {
  return (h.backend.store.sqlite.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
}

describe('registry', () => {
  test('creates a household with two members and derives birth date, sex, age and disability card', async () => {
    const d = await createZhang();
    expect(d.members).toHaveLength(2);
    const wife = d.members.find((m) => m.name === '李梅')!;
    expect(wife).toMatchObject({ sex: 'female', birthDate: '1968-01-01', disabilityCardNumber: `${WIFE_ID}42` });
    const head = d.members.find((m) => m.relation === '02')!;
    expect(head.monthlyIncomeFen).toBe(150000);
    expect(head.age).toBeGreaterThanOrEqual(60);
  });

  test('finds the household by name, pinyin, initials, ID fragment, address and phone', async () => {
    const d = await createZhang();
    for (const q of ['张三', 'zhangsan', 'zs', 'ZS', HEAD_ID.slice(8, 14), '0312', '詹滨西里3号', '13820001234', 'limei', 'lm']) {
      const page = await h.call('registry.listHouseholds', { q });
      expect(page.rows.map((r) => r.id), `search "${q}"`).toContain(d.id);
    }
    expect((await h.call('registry.listHouseholds', { q: 'wangwu' })).total).toBe(0);
    const hits = await h.call('registry.search', { q: 'zs' });
    expect(hits[0]).toMatchObject({ kind: 'person', householdId: d.id, title: '张三（户主）' });
  });

  test('lists show masked ID numbers; the detail shows the full number and is audited', async () => {
    const d = await createZhang();
    const page = await h.call('registry.listHouseholds', { q: 'lm' });
    expect(page.rows[0]!.headIdMasked).toBe(`120110********${HEAD_ID.slice(-4)}`);
    expect(page.rows[0]!.matchedMembers).toEqual([{ id: expect.any(String), name: '李梅', idMasked: `120110********${WIFE_ID.slice(-4)}` }]);
    expect(JSON.stringify(page)).not.toContain(HEAD_ID);
    const detail = await h.call('registry.getHousehold', { id: d.id });
    expect(detail.members.map((m) => m.idNumber)).toContain(HEAD_ID);
    const audit = await h.call('audit.list', { action: 'registry.viewHousehold' });
    expect(audit.rows[0]).toMatchObject({ entityId: d.id, username: 'admin' });
  });

  test('filters by community, category and status', async () => {
    const d = await createZhang();
    const other = (await h.call('org.listCommunities', {}))[1]!.id;
    expect((await h.call('registry.listHouseholds', { communityId })).total).toBe(1);
    expect((await h.call('registry.listHouseholds', { communityId: other })).total).toBe(0);
    expect((await h.call('registry.listHouseholds', { category: 'dibao' })).total).toBe(1);
    expect((await h.call('registry.listHouseholds', { category: 'dibao-edge' })).total).toBe(0);
    await h.call('registry.updateHousehold', { id: d.id, patch: { status: 'watch' } });
    expect((await h.call('registry.listHouseholds', { status: 'active' })).total).toBe(0);
    expect((await h.call('registry.listHouseholds', { status: 'watch' })).total).toBe(1);
  });

  test('a wrong check digit is refused, naming the field, and nothing is written', async () => {
    const before = changeCount();
    const bad = HEAD_ID.slice(0, 17) + (HEAD_ID[17] === '0' ? '1' : '0');
    const r = await h.raw('registry.createHousehold', {
      household: household(),
      members: [{ name: '张三', idNumber: bad, relation: '02' }],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'id-number-checksum', field: 'members.0.idNumber' } });
    if (!r.ok) expect(r.error.message).toBe(`身份证号码校验位错误：最后一位应为 ${HEAD_ID[17]}，请核对号码`);
    expect(changeCount()).toBe(before);
  });

  test('the same ID number cannot be active in two households; the error names the holder', async () => {
    await createZhang();
    const before = changeCount();
    const r = await h.raw('registry.createHousehold', {
      household: household({ address: '振华里5号楼101' }),
      members: [
        { name: '王五', idNumber: makeIdNumber('120110', '19700101', 311), relation: '02' },
        { name: '李梅', idNumber: WIFE_ID, relation: '12' },
      ],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'id-number-in-use', field: 'members.1.idNumber' } });
    if (!r.ok) expect(r.error.message).toContain('詹滨西里3号楼2门301（户主张三）');
    expect(changeCount()).toBe(before);
    expect((await h.call('registry.listHouseholds', {})).total).toBe(1);
  });

  test('edits a member; moving and deleting keep one head and free the ID number', async () => {
    const zhang = await createZhang();
    const wife = zhang.members.find((m) => m.name === '李梅')!;
    const edited = await h.call('registry.updatePerson', { id: wife.id, patch: { name: '李美', health: 'serious', phone: '13900001111' } });
    expect(edited).toMatchObject({ name: '李美', health: 'serious', phone: '13900001111' });
    expect((await h.call('registry.listHouseholds', { q: 'lm' })).rows[0]!.id).toBe(zhang.id);

    const wang = await h.call('registry.createHousehold', {
      household: household({ address: '振华里5号楼101' }),
      members: [{ name: '王五', idNumber: makeIdNumber('120110', '19700101', 311), relation: '02' }],
    });
    const head = zhang.members.find((m) => m.relation === '02')!;
    expect(await h.raw('registry.movePerson', { id: head.id, toHouseholdId: wang.id, relation: '80' })).toMatchObject({
      ok: false,
      error: { code: 'prerequisite-missing' },
    });
    expect(await h.raw('registry.movePerson', { id: wife.id, toHouseholdId: wang.id, relation: '02' })).toMatchObject({
      ok: false,
      error: { code: 'duplicate', field: 'relation' },
    });
    await h.call('registry.movePerson', { id: wife.id, toHouseholdId: wang.id, relation: '12' });
    expect((await h.call('registry.getHousehold', { id: wang.id })).members).toHaveLength(2);

    await h.call('registry.deletePerson', { id: wife.id, reason: '户籍迁出本街道' });
    expect((await h.call('registry.getHousehold', { id: wang.id })).members).toHaveLength(1);
    // the deleted person's ID number may be registered again
    await h.call('registry.addPerson', { householdId: zhang.id, person: { name: '李美', idNumber: WIFE_ID, relation: '12' } });
  });

  test('deleting a household deletes its members and needs a supervisor', async () => {
    const d = await createZhang();
    await h.call('users.create', { username: 'clerk', displayName: '赵经办', role: 'caseworker', password: 'clerk-pass-1' });
    const clerk = await h.call('auth.login', { username: 'clerk', password: 'clerk-pass-1' }, null);
    expect(await h.raw('registry.deleteHousehold', { id: d.id, reason: '重复登记' }, clerk.token)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await h.call('registry.deleteHousehold', { id: d.id, reason: '重复登记' });
    expect((await h.call('registry.listHouseholds', {})).total).toBe(0);
    expect(await h.raw('registry.getHousehold', { id: d.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await h.call('registry.search', { q: 'zs' })).length).toBe(0);
    const audit = await h.call('audit.list', { action: 'registry.deleteHousehold' });
    expect(audit.rows[0]!.summary).toContain('重复登记');
  });

  test('a grid must belong to the chosen community', async () => {
    const [c1, c2] = await h.call('org.listCommunities', {});
    const grid = await h.call('org.saveGrid', { communityId: c2!.id, name: '第一网格', workerName: '刘网格', workerPhone: '13612345678' });
    const r = await h.raw('registry.createHousehold', {
      household: household({ communityId: c1!.id, gridId: grid.id }),
      members: [{ name: '张三', idNumber: HEAD_ID, relation: '02' }],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'household.gridId', message: '所属网格不在所选社区内' } });
  });

  test('validation messages name the field in Chinese', async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ household: household({ address: '' }), members: [{ name: '张三', idNumber: HEAD_ID, relation: '02' }] }, 'household.address', /家庭住址不能为空/],
      [{ household: household(), members: [] }, 'members', /户主/],
      [{ household: household(), members: [{ name: '张三', idNumber: HEAD_ID, relation: '30' }] }, 'members', /有且只有一名户主/],
      [{ household: household({ phone: '12345' }), members: [{ name: '张三', idNumber: HEAD_ID, relation: '02' }] }, 'household.phone', /联系电话/],
      [{ household: household(), members: [{ name: '张三', idNumber: HEAD_ID, relation: '02', disabilityCategory: '4' }] }, 'members.0.disabilityGrade', /残疾/],
      [{ household: household(), members: [{ name: '张三', idNumber: HEAD_ID, relation: '02', incomes: [{ kind: 'wage', monthlyFen: -1 }] }] }, 'members.0.incomes.0.monthlyFen', /不能为负数/],
    ];
    for (const [input, field, message] of cases) {
      const r = await h.raw('registry.createHousehold', input);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.field).toBe(field);
        expect(r.error.message).toMatch(message);
      }
    }
  });
});
