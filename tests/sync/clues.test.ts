/**
 * 待登记线索 through the real server on 127.0.0.1 with two PCs of one street and a district PC: a
 * clue about someone not registered reaches both street PCs and the district; one PC registers the
 * person and converts it, and after sync both PCs hold one item linked to that person and the clue
 * converted; two PCs converting the same clue at once (neither having seen the other) still end
 * with one item, one household, one person.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { InputOf } from '../../shared/api/contract';
import { issueIntakeKey } from '../../server/intake/keys';
import { makeIdNumber, maskIdNumber } from '../../shared/id-number';
import { clueItemId } from '../../shared/ledger/clue-ids';
import { DISTRICT_PARTITION } from '../../shared/sync/wire';
import { makeSyncedReplicas, rows, startDistrictServer, STREET_A, STREET_B, type Replica, type TestServer } from './harness';
import { staffSessions } from './staff';
import { postClues } from '../support/intake';

let server: TestServer;
let pc1: Replica;
let pc2: Replica;
let district: Replica;
let key: string;
let communityId: string;
const ID_ZHOU = makeIdNumber('120110', '19440812', 51);
const ID_WU = makeIdNumber('120110', '19520330', 52);

const { call, signIn, token } = staffSessions();

async function postClue(body: Record<string, unknown>) {
  const res = await postClues(server.url, key, { streetCode: STREET_A, category: 'living', source: '网格上报', urgency: '1', ...body });
  expect(res.status).toBe(200);
  const result = res.body.results[0]!;
  if (!result.clueId) throw new Error('the clue was not kept as a 待登记线索');
  return { ...result, clueId: result.clueId };
}

function registration(id: string, name: string, idNumber: string, address: string, phone: string): InputOf<'ledger.clueConvert'> {
  return {
    id,
    household: { communityId, gridId: null, address, hukouType: 'urban', categories: [] },
    members: [{ name, idNumber, relation: '02', health: 'serious', phone }],
    personIndex: 0,
  };
}

/** The street's rows about a clue, as one PC holds them. */
function state(r: Replica, clueId: string, idNumber: string) {
  const item = clueItemId(clueId);
  return {
    items: rows(r, 'ledger_items').filter((i) => i.id === item).map((i) => ({ id: i.id, household: i.household_id, person: i.person_id, due: i.due_at, no: i.item_no })),
    createdEvents: rows(r, 'ledger_events').filter((e) => e.item_id === item && e.kind === 'created').length,
    persons: rows(r, 'persons').filter((p) => p.id_number === idNumber && !p.deleted_at).map((p) => ({ id: p.id, household: p.household_id, phone: p.phone })),
    households: rows(r, 'households').filter((h) => rows(r, 'persons').some((p) => p.household_id === h.id && p.id_number === idNumber)).length,
    clue: rows(r, 'ledger_clue_inbox').filter((c) => c.id === clueId).map((c) => ({ status: c.status, item: c.item_id, person: c.person_id })),
  };
}

beforeAll(async () => {
  server = await startDistrictServer();
  key = (await issueIntakeKey(server.opened.db, '网格系统', new Date())).key;
  [pc1, pc2, district] = await makeSyncedReplicas(server, ['pc1', STREET_A], ['pc2', STREET_A], ['district', DISTRICT_PARTITION]);
  await signIn(pc1, 'zgz_admin', 'secret-pass-1');
  await signIn(pc2, 'zgz_admin', 'secret-pass-1');
  await signIn(district, 'qu_admin', 'district-pass-1');
  communityId = (await call(pc1, 'org.listCommunities', {}))[0]!.id;
}, 180_000);

afterAll(async () => {
  for (const r of [pc1, pc2, district]) r?.close();
  await server?.close();
});

describe('待登记线索 across PCs', () => {
  test('a clue about an unregistered person reaches both PCs and the district; one converts; after sync one item on both', async () => {
    const posted = await postClue({ externalId: 'WG-100', idNumber: ID_ZHOU, name: '周奶奶', address: '东丽区幸福里3号', phone: '13900001234', description: '独居老人，断粮断药' });
    expect(posted.pendingRegistration).toBe(true);
    for (const r of [pc1, pc2, district]) await r.sync();
    for (const r of [pc1, pc2]) {
      const list = await call(r, 'ledger.clueList', {});
      expect(list.pendingCount).toBe(1);
      // Lists show the ID number masked; the full one only on the clue's detail (audited).
      expect(list.rows[0]).toMatchObject({ id: posted.clueId, name: '周奶奶', idMasked: maskIdNumber(ID_ZHOU), phone: '13900001234', status: 'pending', dueAt: posted.dueAt });
    }
    // the district sees it under street A, read only
    expect((await call(district, 'ledger.clueList', { streetCode: STREET_A })).rows.map((r) => [r.id, r.streetName])).toEqual([[posted.clueId, '张贵庄街道']]);
    expect((await call(district, 'ledger.clueList', { streetCode: STREET_B })).rows).toEqual([]);
    const refused = await district.backend.call('ledger.clueDismiss', { id: posted.clueId, reason: 'x' }, token(district));
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/区级设备只能查看/) } });

    const item = await call(pc1, 'ledger.clueConvert', registration(posted.clueId, '周奶奶', ID_ZHOU, '东丽区幸福里3号', '13900001234'));
    expect(item).toMatchObject({ id: posted.itemId, dueAt: posted.dueAt, personName: '周奶奶' });
    await pc1.sync();
    await pc2.sync();
    await district.sync();
    const one = state(pc1, posted.clueId, ID_ZHOU);
    expect(one.items).toHaveLength(1);
    expect(one.persons).toHaveLength(1);
    expect(one.items[0]).toMatchObject({ household: one.persons[0]!.household, person: one.persons[0]!.id });
    expect(one.clue).toEqual([{ status: 'converted', item: posted.itemId, person: one.persons[0]!.id }]);
    expect(state(pc2, posted.clueId, ID_ZHOU)).toEqual(one);
    expect((await call(pc2, 'ledger.list', { status: 'open' })).rows.map((r) => r.id)).toEqual([posted.itemId]);
    expect((await call(pc2, 'ledger.clueList', {})).pendingCount).toBe(0);
    const again = await pc2.backend.call('ledger.clueConvert', registration(posted.clueId, '周奶奶', ID_ZHOU, '东丽区幸福里3号', '13900001234'), token(pc2));
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid-transition', message: expect.stringMatching(/已由王一登记立项/) } });
    // the district sees the item in street A
    expect((await call(district, 'ledger.list', { streetCode: STREET_A })).rows.map((r) => r.id)).toContain(posted.itemId);
  }, 120_000);

  test('both PCs convert the same clue before either has synced: one item, one household, one person after sync', async () => {
    const posted = await postClue({ externalId: 'WG-101', idNumber: ID_WU, name: '吴大爷', address: '东丽区和平里5号', description: '失能老人无人照料' });
    await pc1.sync();
    await pc2.sync();
    await call(pc1, 'ledger.clueConvert', registration(posted.clueId, '吴大爷', ID_WU, '东丽区和平里5号', '13800000001'));
    await call(pc2, 'ledger.clueConvert', { ...registration(posted.clueId, '吴大爷', ID_WU, '东丽区和平里5号', '13800000002'), handlerName: '李经办' });
    await pc1.sync();
    await pc2.sync();
    await pc1.sync();
    await district.sync();
    const s1 = state(pc1, posted.clueId, ID_WU);
    expect(s1.items).toHaveLength(1);
    expect(s1.createdEvents).toBe(1);
    expect(s1.households).toBe(1);
    expect(s1.persons).toHaveLength(1);
    expect(s1.items[0]).toMatchObject({ id: posted.itemId, household: s1.persons[0]!.household, person: s1.persons[0]!.id, due: posted.dueAt });
    expect(s1.clue).toEqual([{ status: 'converted', item: posted.itemId, person: s1.persons[0]!.id }]);
    // field by field, the later PC's values win on both
    expect(s1.persons[0]!.phone).toBe('13800000002');
    expect(state(pc2, posted.clueId, ID_WU)).toEqual(s1);
    expect(state(district, posted.clueId, ID_WU)).toEqual(s1);
    const open = (await call(pc1, 'ledger.list', { status: 'open' })).rows.filter((r) => r.id === posted.itemId);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ handlerName: '李经办', personName: '吴大爷' });
    for (const r of [pc1, pc2]) expect(r.backend.store.sqlite.prepare('SELECT count(*) AS n FROM sync_rejections').get()).toEqual({ n: 0 });
  }, 120_000);

  test('one PC dismisses while the other converts, neither having synced: the conversion stands on both', async () => {
    const ID_ZHENG = makeIdNumber('120110', '19470606', 53);
    const posted = await postClue({ externalId: 'WG-102', idNumber: ID_ZHENG, name: '郑奶奶', address: '东丽区和平里7号', description: '独居，冬季取暖困难' });
    await pc1.sync();
    await pc2.sync();
    await call(pc1, 'ledger.clueConvert', registration(posted.clueId, '郑奶奶', ID_ZHENG, '东丽区和平里7号', '13800000003'));
    await call(pc2, 'ledger.clueDismiss', { id: posted.clueId, reason: '重复线索' }); // the later write
    await pc1.sync();
    await pc2.sync();
    await pc1.sync();
    for (const r of [pc1, pc2]) {
      const row = await call(r, 'ledger.clueGet', { id: posted.clueId });
      expect(row).toMatchObject({ status: 'converted', itemId: posted.itemId, dismissReason: null });
      expect(state(r, posted.clueId, ID_ZHENG).items).toHaveLength(1);
      expect((await call(r, 'ledger.clueList', { status: 'pending' })).rows.map((c) => c.id)).not.toContain(posted.clueId);
    }
  }, 120_000);
});
