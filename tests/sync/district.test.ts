/**
 * District scope and clues (issues 3 and 4), with the real server on 127.0.0.1, a district replica
 * and two street replicas: a clue posted to the intake and one created at the district device reach
 * the street's ledger as 立即核查 items with their deadlines; the street's handling reaches the
 * district; the other street sees none of it; the district device signs in district users only.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { issueIntakeKey } from '../../server/intake/keys';
import { makeIdNumber } from '../../shared/id-number';
import { DISTRICT_PARTITION } from '../../shared/sync/wire';
import { makeSyncedReplicas, rows, startDistrictServer, STREET_A, STREET_B, type Replica, type TestServer } from './harness';
import { staffSessions } from './staff';
import { postClues } from '../support/intake';

let server: TestServer;
let district: Replica;
let streetA: Replica;
let streetB: Replica;
let householdA: string;
const ID_A = makeIdNumber('120110', '19450102', 31);

const { call, signIn, token } = staffSessions();

beforeAll(async () => {
  server = await startDistrictServer();
  [streetA, streetB, district] = await makeSyncedReplicas(server, ['streetA', STREET_A], ['streetB', STREET_B], ['district', DISTRICT_PARTITION]);
  await signIn(streetA, 'zgz_admin', 'secret-pass-1');
  const communityId = (await call(streetA, 'org.listCommunities', {}))[0]!.id;
  householdA = (
    await call(streetA, 'registry.createHousehold', {
      household: { communityId, gridId: null, address: '东丽区示例里8号', hukouType: 'urban', categories: ['dibao'] },
      members: [{ name: '钱奶奶', idNumber: ID_A, relation: '02', health: 'serious' }],
    })
  ).id;
  await streetA.sync();
  await district.sync();
}, 180_000);

afterAll(async () => {
  for (const r of [district, streetA, streetB]) r?.close();
  await server?.close();
});

describe('district device and clues', () => {
  test('the district device signs in district users only, and sees every street', async () => {
    const st = await district.backend.call('setup.status', {}, null);
    expect(st).toMatchObject({ ok: true, result: { isSetUp: true, street: { code: DISTRICT_PARTITION, name: '东丽区' } } });
    const street = await district.backend.call('auth.login', { username: 'zgz_admin', password: 'secret-pass-1' }, null);
    expect(street).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/区级设备/) } });
    await signIn(district, 'qu_admin', 'district-pass-1');
    expect(rows(district, 'streets').map((s) => s.code).sort()).toEqual([STREET_A, STREET_B]);
    const all = await call(district, 'registry.listHouseholds', {});
    expect(all.rows.map((h) => h.id)).toEqual([householdA]);
    expect((await call(district, 'registry.listHouseholds', { streetCode: STREET_B })).total).toBe(0);
    expect((await call(district, 'registry.getHousehold', { id: householdA })).members.map((m) => m.name)).toEqual(['钱奶奶']);
  });

  test('a clue from the intake and one created at the district reach the street as 立即核查 items with their deadlines', async () => {
    const { key } = await issueIntakeKey(server.opened.db, '网格系统', new Date());
    const intakeDue = new Date(Date.now() + 72 * 3600_000).toISOString();
    const posted = await postClues(server.url, key, {
      externalId: 'SJ-001',
      streetCode: STREET_A,
      idNumber: ID_A,
      category: 'care',
      description: '市局反馈：独居老人无人照料',
      source: '市局反馈线索',
      dueAt: intakeDue,
    });
    expect(posted.status).toBe(200);
    const intakeItem = posted.body.results[0]!.itemId;

    const districtDue = new Date(Date.now() + 36 * 3600_000).toISOString();
    const created = await call(district, 'ledger.create', {
      streetCode: STREET_A,
      householdId: householdA,
      source: 'bureau-clue',
      immediate: true,
      dueAt: districtDue,
      category: 'medical',
      urgency: '2',
      description: '区局交办：核查住院费用负担',
    });
    expect(created).toMatchObject({ streetCode: STREET_A, immediate: true, dueAt: districtDue, status: 'pending' });
    // a district user must choose the street
    const noStreet = await district.backend.call('ledger.create', { householdId: householdA, source: 'bureau-clue', category: 'other', urgency: '2', description: 'x' }, token(district));
    expect(noStreet).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'streetCode', message: '请选择街道' } });

    await district.sync();
    await streetA.sync();
    await streetB.sync();
    await district.sync();

    const list = await call(streetA, 'ledger.list', { status: 'open' });
    const byId = new Map(list.rows.map((r) => [r.id, r]));
    expect(byId.get(intakeItem)).toMatchObject({ immediate: true, source: 'bureau-clue', dueAt: intakeDue, status: 'pending', headName: '钱奶奶' });
    expect(byId.get(created.id)).toMatchObject({ immediate: true, source: 'bureau-clue', dueAt: districtDue, status: 'pending' });
    expect(list.rows.slice(0, 2).every((r) => r.immediate)).toBe(true);
    // the district lists both, filtered by street; the other street has none, and never receives them
    expect((await call(district, 'ledger.list', { streetCode: STREET_A })).total).toBe(2);
    expect((await call(district, 'ledger.list', { streetCode: STREET_B })).total).toBe(0);
    expect((await call(district, 'ledger.list', {})).rows.every((r) => r.streetName === '张贵庄街道')).toBe(true);
    expect(rows(streetB, 'ledger_items')).toEqual([]);
    expect(rows(streetB, 'ledger_events')).toEqual([]);
    expect(rows(streetB, 'households')).toEqual([]);

    // the street handles them; the district sees the handling after sync
    await call(streetA, 'ledger.transition', { id: intakeItem, action: 'start-verify', note: '已电话联系' });
    await call(streetA, 'ledger.transition', { id: intakeItem, action: 'confirm', note: '入户核实属实' });
    await call(streetA, 'ledger.transition', { id: created.id, action: 'start-verify' });
    await streetA.sync();
    await district.sync();
    const seen = await call(district, 'ledger.get', { id: intakeItem });
    expect(seen).toMatchObject({ status: 'handling', dueAt: intakeDue });
    expect(seen.events.map((e) => e.toStatus)).toEqual(['pending', 'verifying', 'handling']);
    expect((await call(district, 'ledger.get', { id: created.id })).status).toBe('verifying');
    // field-level LWW: the server-authored row merged with the street's later updates
    const [onServer] = (await server.opened.db.query.syncRows.findMany()).filter((r) => r.rowId === intakeItem);
    expect(onServer!.fields).toMatchObject({ status: 'handling', immediate: 1, due_at: intakeDue });
  });

  test('the district 督办 lists overdue items of every street', async () => {
    expect((await call(district, 'ledger.escalations', {})).overdueItems).toEqual([]);
    district.skew.ms = 10 * 24 * 3600_000;
    await signIn(district, 'qu_admin', 'district-pass-1');
    const esc = await call(district, 'ledger.escalations', {});
    expect(esc.overdueItems.map((r) => [r.streetName, r.overdue])).toEqual([
      ['张贵庄街道', true],
      ['张贵庄街道', true],
    ]);
    district.skew.ms = 0;
    await signIn(district, 'qu_admin', 'district-pass-1');
  });

  test('a street device still sees only its own street (and a street user cannot widen it)', async () => {
    const mine = await call(streetA, 'ledger.list', { streetCode: STREET_B });
    expect(mine.total).toBe(0);
    expect(rows(streetA, 'streets').map((s) => s.code)).toEqual([STREET_A]);
    await signIn(streetB, 'fnc_admin', 'secret-pass-2');
    expect((await call(streetB, 'ledger.list', { streetCode: STREET_A })).total).toBe(0);
    expect((await call(streetB, 'registry.listHouseholds', { streetCode: STREET_A })).total).toBe(0);
    const other = await streetB.backend.call('registry.getHousehold', { id: householdA }, token(streetB));
    expect(other).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  test('the district watches households of any street and looks back at closed items across streets', async () => {
    await signIn(streetA, 'zgz_admin', 'secret-pass-1');
    await call(streetA, 'ledger.watchAdd', { householdId: householdA, reason: '独居老人，子女在外地' });
    await streetA.sync();
    await district.sync();
    const watched = await call(district, 'ledger.watchList', {});
    expect(watched.map((w) => [w.streetName, w.reason])).toEqual([['张贵庄街道', '独居老人，子女在外地']]);
    expect(await call(district, 'ledger.watchList', { streetCode: STREET_B })).toEqual([]);
    // The district ends it: written into street A's partition, so street A receives it.
    await call(district, 'ledger.watchEnd', { id: watched[0]!.id, reason: '子女已接回同住' });
    await district.sync();
    await streetA.sync();
    expect((await call(streetA, 'ledger.watchList', {}))[0]).toMatchObject({ status: 'ended' });
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const back = await call(district, 'ledger.lookBack', { from: '2020-01-01', to: today });
    expect(back.every((r) => r.streetName === '张贵庄街道')).toBe(true);
    expect(await call(district, 'ledger.lookBack', { from: '2020-01-01', to: today, streetCode: STREET_B })).toEqual([]);
  });
});
