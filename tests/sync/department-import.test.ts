/**
 * 部门数据导入 across PCs (issue 17), with the real server on 127.0.0.1: the department records, 线索
 * and 预警 a street PC's import writes through the bulk write path (Store.insertMany) reach a second
 * PC of the street and the district as the same rows, and the second PC refuses the same file.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeIdNumber } from '../../shared/id-number';
import { DISTRICT_PARTITION } from '../../shared/sync/wire';
import { shanghaiDate } from '../../shared/time/shanghai';
import { SOURCE_COLUMNS } from '../../electron/backend/services/warnings/intake-columns';
import { makeSyncedReplicas, rows, startDistrictServer, STREET_A, type Replica, type TestServer } from './harness';
import { staffSessions } from './staff';

let server: TestServer;
let district: Replica;
let streetA: Replica;
let streetA2: Replica;
let base64: string;
let period: { periodStartOn: string; periodEndOn: string };
const { call, signIn } = staffSessions();
const TABLES = ['department_imports', 'department_records', 'warnings', 'ledger_clue_inbox'];

beforeAll(async () => {
  server = await startDistrictServer();
  [streetA, streetA2, district] = await makeSyncedReplicas(server, ['streetA', STREET_A], ['streetA2', STREET_A], ['district', DISTRICT_PARTITION]);
  await signIn(streetA, 'zgz_admin', 'secret-pass-1');
  await signIn(streetA2, 'zgz_admin', 'secret-pass-1');
  const communityId = (await call(streetA, 'org.listCommunities', {}))[0]!.id;
  const members = [
    { name: '钱奶奶', idNumber: makeIdNumber('120110', '19450102', 41) },
    { name: '赵大伯', idNumber: makeIdNumber('120110', '19500304', 43) },
    { name: '孙阿姨', idNumber: makeIdNumber('120110', '19620506', 44) },
  ];
  for (const [i, m] of members.entries()) {
    await call(streetA, 'registry.createHousehold', {
      household: { communityId, gridId: null, address: `东丽区示例里${i + 1}号`, hukouType: 'urban', categories: ['dibao'] },
      members: [{ ...m, relation: '02', health: 'healthy' }],
    });
  }
  // last month's 医保 file: 钱奶奶 paid 6,000 yuan herself (a 当月医疗自付 warning), one person not registered (a 线索)
  const today = shanghaiDate(streetA.backend.store.nowDate());
  const first = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 2, 1));
  const month = first.toISOString().slice(0, 7);
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
  period = { periodStartOn: `${month}-01`, periodEndOn: last };
  const lines = [
    SOURCE_COLUMNS.medical.map((c) => c.header).join(','),
    `钱奶奶,${members[0]!.idNumber},${month},8000.00,6000.00,`,
    `赵大伯,${members[1]!.idNumber},${month},1200.00,300.00,`,
    `孙阿姨,${members[2]!.idNumber},${month},0,0,`,
    `周大妈,${makeIdNumber('120110', '19700101', 77)},${month},500,120.5,张贵庄街道詹滨西里99号`,
  ];
  base64 = Buffer.from(`${lines.join('\n')}\n`).toString('base64');
  const p = await call(streetA, 'warnings.importPreview', { source: 'medical', fileName: '医保.csv', base64, ...period });
  expect(p).toMatchObject({ matchedRows: 3, clueRows: 1, errors: [] });
  expect(await call(streetA, 'warnings.importCommit', { previewId: p.previewId })).toMatchObject({ recordsStored: 3, cluesRaised: 1, warningsRaised: 1 });
  await streetA.sync();
  await streetA2.sync();
  await district.sync();
}, 180_000);

afterAll(async () => {
  for (const r of [district, streetA, streetA2]) r?.close();
  await server?.close();
});

describe('部门数据导入 across PCs', () => {
  test('the second PC of the street and the district hold the same import, records, 线索 and 预警', () => {
    for (const table of TABLES) {
      const mine = rows(streetA, table, STREET_A);
      expect(mine.length, table).toBeGreaterThan(0);
      expect(rows(streetA2, table, STREET_A), table).toEqual(mine);
      expect(rows(district, table, STREET_A), table).toEqual(mine);
    }
    expect(rows(streetA, 'department_records', STREET_A)).toHaveLength(3);
    expect(rows(district, 'warnings', STREET_A)).toEqual([expect.objectContaining({ rule: 'medical-month', status: 'open' })]);
  });

  test('the second PC refuses the same file, naming who imported it', async () => {
    await expect(call(streetA2, 'warnings.importPreview', { source: 'medical', fileName: '医保(1).csv', base64, ...period })).rejects.toThrow(/import-duplicate-file.*王一/);
  });
});
