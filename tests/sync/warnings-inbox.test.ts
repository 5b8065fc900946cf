/**
 * The 预警 inbox across the district (issue 17), with the real server on 127.0.0.1: a street's
 * warnings and its dispositions reach the district device, which lists every street's inbox and
 * its disposition rates; a disposition made at the district reaches the street; the other street
 * receives none of it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeIdNumber } from '../../shared/id-number';
import { DISTRICT_PARTITION } from '../../shared/sync/wire';
import { shanghaiDate } from '../../shared/time/shanghai';
import { addDays } from '../../shared/time/calendar-days';
import { seedWarnings } from '../support/warnings';
import { makeSyncedReplicas, rows, startDistrictServer, STREET_A, STREET_B, type Replica, type TestServer } from './harness';
import { staffSessions } from './staff';

let server: TestServer;
let district: Replica;
let streetA: Replica;
let streetB: Replica;
let ids: string[];
const { call, signIn } = staffSessions();

beforeAll(async () => {
  server = await startDistrictServer();
  [streetA, streetB, district] = await makeSyncedReplicas(server, ['streetA', STREET_A], ['streetB', STREET_B], ['district', DISTRICT_PARTITION]);
  await signIn(streetA, 'zgz_admin', 'secret-pass-1');
  await signIn(district, 'qu_admin', 'district-pass-1');
  const communityId = (await call(streetA, 'org.listCommunities', {}))[0]!.id;
  const person = async (name: string, birth: string, seq: number) => {
    const h = await call(streetA, 'registry.createHousehold', {
      household: { communityId, gridId: null, address: `东丽区示例里${seq}号`, hukouType: 'urban', categories: ['dibao'] },
      members: [{ name, idNumber: makeIdNumber('120110', birth, seq), relation: '02', health: 'healthy' }],
    });
    return h.members[0]!.id;
  };
  const qian = await person('钱奶奶', '19450102', 41);
  const zhao = await person('赵大伯', '19500304', 43);
  const today = shanghaiDate(streetA.backend.store.nowDate());
  ids = seedWarnings(streetA.backend, [
    { personId: qian, rule: 'medical-month', key: 'm', summary: '医疗自付 6,000.00 元', dueDate: addDays(today, -1) },
    { personId: qian, rule: 'medical-year', key: 'y', summary: '近12个月医疗自付 32,000.00 元', dueDate: addDays(today, 3) },
    { personId: zhao, rule: 'income-over-line', key: 'i', summary: '月人均收入超过低保标准', dueDate: addDays(today, 5) },
  ]);
  await call(streetA, 'warnings.dispose', { warningIds: [ids[2]!], disposition: 'already-covered' });
  await streetA.sync();
  await district.sync();
}, 180_000);

afterAll(async () => {
  for (const r of [district, streetA, streetB]) r?.close();
  await server?.close();
});

describe('预警 at the district', () => {
  test('the district sees every street\'s rates: raised, open, overdue, by disposition, disposed %', async () => {
    const rates = await call(district, 'warnings.districtRates', {});
    expect(rates.map((r) => r.streetCode)).toEqual([STREET_A, STREET_B]);
    expect(rates[0]).toMatchObject({
      streetName: '张贵庄街道',
      raised: 3,
      open: 2,
      overdue: 1,
      byDisposition: { 'to-ledger': 0, 'verified-no-need': 0, 'already-covered': 1, 'data-wrong': 0 },
      disposedPercent: 33.3,
    });
    expect(rates[1]).toMatchObject({ raised: 0, open: 0, overdue: 0, disposedPercent: 0 });
  });

  test('the district lists the inbox of every street; its 信息有误 reaches the street; the other street has none of it', async () => {
    const inbox = await call(district, 'warnings.inbox', {});
    expect(inbox.total).toBe(1);
    expect(inbox.groups[0]).toMatchObject({ headName: '钱奶奶', streetName: '张贵庄街道' });
    expect(inbox.groups[0]!.warnings.map((w) => w.id)).toEqual([ids[0], ids[1]]);
    await call(district, 'warnings.dispose', { warningIds: [ids[0]!], disposition: 'data-wrong', reason: '医保数据重复计算' });
    await district.sync();
    await streetA.sync();
    await streetB.sync();
    const atStreet = await call(streetA, 'warnings.inbox', { status: 'disposed' });
    const byId = new Map(atStreet.groups.flatMap((g) => g.warnings).map((w) => [w.id, w]));
    expect(byId.get(ids[0]!)).toMatchObject({ disposition: 'data-wrong', dispositionReason: '医保数据重复计算', disposedByName: '区管理' });
    expect((await call(district, 'warnings.districtRates', {}))[0]).toMatchObject({ open: 1, overdue: 0, disposedPercent: 66.7 });
    expect(rows(streetB, 'warnings')).toEqual([]);
  });
});
