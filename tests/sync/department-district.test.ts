/**
 * Department data imported at the district (issue 17), with the real server on 127.0.0.1: the
 * district's PC imports a 医保 file of 5,000 rows covering three streets' people (some at or
 * above the month's amount, one fen below, unknown ID numbers with and without a street's
 * address); each street's PC receives after sync exactly its own records, warnings and 线索 (the
 * warnings counted a second way, from the file), none of another street's; the same file is
 * refused at the district and at a street; a street's dispositions reach the district's inbox and
 * rates.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as admin from '../../server/admin/commands';
import type { InputOf } from '../../shared/api/contract';
import { makeIdNumber } from '../../shared/id-number';
import { findStreet } from '../../shared/streets';
import { DISTRICT_PARTITION } from '../../shared/sync/wire';
import { addMonths, monthOf } from '../../shared/policy/months';
import { addDays } from '../../shared/time/calendar-days';
import { shanghaiDate } from '../../shared/time/shanghai';
import type { WarningRuleParams } from '../../shared/warnings/rule-params';
import { SOURCE_COLUMNS } from '../../electron/backend/services/warnings/intake-columns';
import { paramOn } from '../../electron/backend/services/policy/params';
import { makeReplica, rows, startDistrictServer, STREET_A, STREET_B, type Replica, type TestServer } from './harness';
import { staffSessions } from './staff';

const STREET_C = '120110003000';
const STREETS = [STREET_A, STREET_B, STREET_C];
/** Households of two per street: 3 × 200 × 2 = 1,200 persons, four months each = 4,800 rows. */
const HOUSEHOLDS = 200;
const MONTHS = 4;
/** Unknown ID numbers: 50 persons × 4 months = 200 rows (5,000 in all). */
const UNKNOWN = 50;
const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴'];
const GIVEN = ['建国', '秀英', '桂兰', '志强', '玉梅', '国华', '淑珍', '德明', '丽娟', '文博', '春生', '海燕'];

let server: TestServer;
let district: Replica;
const street = new Map<string, Replica>();
const { call, signIn } = staffSessions();

interface FilePerson {
  name: string;
  idNumber: string;
  /** The street the person is registered in; null: nobody's. */
  streetCode: string | null;
  address: string | null;
}
const people: FilePerson[] = [];
let csv = '';
let fileRows = 0;
let months: string[] = [];
let monthFen: WarningRuleParams['medical-month'];
/** Self-paid fen of a person's first month (the later months stay small: no rise, no 12-month sum). */
const firstMonthFen = (n: number) => (n % 7 === 0 ? monthFen.thresholdFen + (n % 100) * 100 : n % 7 === 1 ? monthFen.thresholdFen - 1 : 30_000 + n);
let smallFen = 0;

const nameOf = (n: number) => `${SURNAMES[n % SURNAMES.length]}${GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length]}`;

beforeAll(async () => {
  server = await startDistrictServer();
  await admin.createStreets(server.opened.db, new Date(), [STREET_C]);
  await admin.createUser(server.opened.db, new Date(), { username: 'wx_admin', displayName: '孙三', role: 'street-admin', password: 'secret-pass-3', partition: STREET_C });
  const logins: Record<string, [string, string]> = {
    [STREET_A]: ['zgz_admin', 'secret-pass-1'],
    [STREET_B]: ['fnc_admin', 'secret-pass-2'],
    [STREET_C]: ['wx_admin', 'secret-pass-3'],
  };
  for (const code of STREETS) {
    const r = await makeReplica(server, `street-${code}`, code);
    street.set(code, r);
    await r.sync();
    await signIn(r, ...logins[code]!);
  }
  district = await makeReplica(server, 'district', DISTRICT_PARTITION);

  // Each street registers its people on its own PC (valid-checksum ID numbers, unique across the district).
  for (const [s, code] of STREETS.entries()) {
    const r = street.get(code)!;
    const communities = await call(r, 'org.listCommunities', {});
    for (let h = 0; h < HOUSEHOLDS; h++) {
      const members = [0, 1].map((m) => {
        const n = (s * HOUSEHOLDS + h) * 2 + m;
        const birth = addDays('1940-01-01', n).replace(/-/g, '');
        return { name: nameOf(n), idNumber: makeIdNumber('120110', birth, n % 1000), relation: m === 0 ? ('02' as const) : ('10' as const), health: 'healthy' as const };
      });
      await call(r, 'registry.createHousehold', {
        household: { communityId: communities[h % communities.length]!.id, gridId: null, address: `示例里${h + 1}号`, hukouType: 'urban', categories: [] },
        members,
      });
      for (const m of members) people.push({ name: m.name, idNumber: m.idNumber, streetCode: code, address: null });
    }
    expect((await r.sync()).rejected).toBe(0);
  }
  // Unknown ID numbers (born in 1901): two of three with an address naming a community of one street, the rest none.
  for (let k = 0; k < UNKNOWN; k++) {
    const idNumber = makeIdNumber('120110', `190101${String(1 + (k % 28)).padStart(2, '0')}`, k);
    const home = k % 3 === 2 ? null : STREETS[k % STREETS.length]!;
    const address = home ? `东丽区${findStreet(home)!.communities[0]}${k + 1}号楼` : null;
    people.push({ name: nameOf(k), idNumber, streetCode: null, address });
  }
  const d = await district.sync();
  expect(d.rejected).toBe(0);
  await signIn(district, 'qu_admin', 'district-pass-1');

  const today = shanghaiDate(district.backend.store.nowDate());
  const thisMonth = monthOf(today);
  months = Array.from({ length: MONTHS }, (_, i) => addMonths(thisMonth, i - MONTHS));
  const param = <R extends keyof WarningRuleParams>(rule: R) => paramOn(district.backend.store, STREET_A, `warnings.${rule}`, today)!.value as WarningRuleParams[R];
  monthFen = param('medical-month');
  const rise = param('medical-rise');
  const year = param('medical-year');
  smallFen = Math.min(rise.minMonthFen - 1, monthFen.thresholdFen - 1);
  // The file is made so that only the month's amount can raise: no later month is a rise, no window reaches the year's amount.
  expect(monthFen.thresholdFen + 100 * 100 + (MONTHS - 1) * smallFen).toBeLessThan(year.thresholdFen);
  const yuan = (fen: number) => (fen / 100).toFixed(2);
  const lines: string[] = [SOURCE_COLUMNS.medical.map((c) => c.header).join(',')];
  people.forEach((p, n) => {
    months.forEach((m, i) => {
      const self = i === 0 ? firstMonthFen(n) : smallFen - (n % 50);
      lines.push(`${p.name},${p.idNumber},${m},${yuan(self + 10_000)},${yuan(self)},${p.address ?? ''}`);
    });
  });
  fileRows = lines.length - 1;
  csv = `${lines.join('\n')}\n`;
}, 900_000);

afterAll(async () => {
  for (const r of [district, ...street.values()]) r?.close();
  await server?.close();
});

const base64 = () => Buffer.from(csv).toString('base64');
const period = () => ({ periodStartOn: `${months[0]}-01`, periodEndOn: addDays(`${addMonths(months[MONTHS - 1]!, 1)}-01`, -1) });

describe('医保 data imported at the district', () => {
  test('the district imports a 5,000-row file of three streets: records, warnings and 线索 each in its street', async () => {
    expect(fileRows).toBe(5000);
    const preview = await call(district, 'warnings.importPreview', { source: 'medical', fileName: '东丽区医保.csv', base64: base64(), ...period() });
    expect(preview.errors).toEqual([]);
    expect(preview).toMatchObject({ totalRows: 5000, matchedRows: 4800, unmatchedRows: 200 });
    const placed = people.filter((p) => p.streetCode === null && p.address !== null).length;
    expect(preview.clueRows).toBe(placed * MONTHS);
    const result = await call(district, 'warnings.importCommit', { previewId: preview.previewId });
    const above = people.filter((p, n) => p.streetCode !== null && firstMonthFen(n) >= monthFen.thresholdFen).length;
    expect(result).toMatchObject({ recordsStored: 4800, cluesRaised: placed * MONTHS, warningsRaised: above });
    expect((await district.sync()).rejected).toBe(0);
    // the import record is one, district-wide, and tells no person
    const imports = rows(district, 'department_imports');
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({ street_code: DISTRICT_PARTITION, row_count: 5000, matched_count: 4800, unmatched_count: 200, imported_by_name: '区管理' });
  }, 600_000);

  test('each street PC receives exactly its own warnings, records and 线索 after sync, none of another street', async () => {
    for (const code of STREETS) {
      const r = street.get(code)!;
      expect((await r.sync()).rejected).toBe(0);
      // counted a second way: from the file, the rows of the street's persons at or above the month's amount
      const own = new Set(people.filter((p) => p.streetCode === code).map((p) => p.idNumber));
      const expected = people.filter((p, n) => p.streetCode === code && firstMonthFen(n) >= monthFen.thresholdFen).map((p) => p.idNumber).sort();
      const warnings = rows(r, 'warnings');
      expect(warnings.every((w) => w.street_code === code && w.rule === 'medical-month')).toBe(true);
      const warnedIds = r.backend.store.sqlite
        .prepare('SELECT p.id_number FROM warnings w JOIN persons p ON p.id = w.person_id ORDER BY p.id_number')
        .all() as { id_number: string }[];
      expect(warnedIds.map((w) => w.id_number)).toEqual(expected);
      const records = rows(r, 'department_records');
      expect(records).toHaveLength(own.size * MONTHS);
      expect(records.every((x) => x.street_code === code && own.has(x.id_number as string))).toBe(true);
      const clues = rows(r, 'ledger_clue_inbox');
      const clueIds = new Set(people.filter((p) => p.streetCode === null && p.address?.includes(findStreet(code)!.communities[0]!)).map((p) => p.idNumber));
      expect(clues).toHaveLength(clueIds.size * MONTHS);
      expect(clues.every((c) => c.street_code === code && clueIds.has(c.id_number as string) && c.community_name === findStreet(code)!.communities[0])).toBe(true);
      // the street lists the district's import; its inbox is its own households
      const listed = await call(r, 'warnings.listImports', {});
      expect(listed).toMatchObject([{ fileName: '东丽区医保.csv', rowCount: 5000, importedByName: '区管理' }]);
      const inbox = await call(r, 'warnings.inbox', { pageSize: 100 });
      expect(inbox.groups.reduce((n, g) => n + g.openCount, 0)).toBe(expected.length);
      // its 审计日志 names the district user who imported, and that the import was 区级 (not 系统)
      const raised = await call(r, 'audit.list', { action: 'warnings.raise', page: 1, pageSize: 10 });
      expect(raised.rows.map((e) => [e.username, e.userId !== null, e.summary.startsWith('根据区级导入的部门数据产生预警')])).toEqual(
        expected.length > 0 ? [['qu_admin', true, true]] : [],
      );
    }
    // rows with no street's address went to no street
    const unplaced = people.filter((p) => p.streetCode === null && p.address === null).map((p) => p.idNumber);
    expect(rows(district, 'ledger_clue_inbox').filter((c) => unplaced.includes(c.id_number as string))).toEqual([]);
  }, 300_000);

  test('the same file is refused again at the district and at a street, and a street\'s file at the district', async () => {
    const atDistrict = await expectRefusal(district, { source: 'medical', fileName: '副本.csv', base64: base64(), ...period() });
    expect(atDistrict).toMatch(/^import-duplicate-file 该文件已于 .+ 由 区管理 在区级导入过（医保（医疗费用），文件名“东丽区医保.csv”），不能重复导入$/);
    const atStreet = await expectRefusal(street.get(STREET_B)!, { source: 'medical', fileName: '医保.csv', base64: base64(), ...period() });
    expect(atStreet).toMatch(/^import-duplicate-file .+区管理 在区级导入过/);
    // and a file a street imported first is refused at the district, naming the street
    const a = people.find((p) => p.streetCode === STREET_A)!;
    const own = Buffer.from(`${SOURCE_COLUMNS.medical.map((c) => c.header).join(',')}\n${a.name},${a.idNumber},${months[1]},200.00,100.00,\n`).toString('base64');
    const streetA = street.get(STREET_A)!;
    const p = await call(streetA, 'warnings.importPreview', { source: 'medical', fileName: '街道医保.csv', base64: own, ...period() });
    expect(p).toMatchObject({ matchedRows: 1, errors: [] });
    expect(await call(streetA, 'warnings.importCommit', { previewId: p.previewId })).toMatchObject({ recordsStored: 1, warningsRaised: 0 });
    expect((await streetA.sync()).rejected).toBe(0);
    await district.sync();
    const streetFirst = await expectRefusal(district, { source: 'medical', fileName: '街道医保.csv', base64: own, ...period() });
    expect(streetFirst).toMatch(/^import-duplicate-file .+由 王一 在张贵庄街道导入过/);
  }, 300_000);

  test("a street's dispositions reach the district's inbox and rates", async () => {
    const r = street.get(STREET_C)!;
    const inbox = await call(r, 'warnings.inbox', { pageSize: 100 });
    const [first, second] = inbox.groups;
    await call(r, 'warnings.dispose', { warningIds: first!.warnings.map((w) => w.id), disposition: 'already-covered' });
    await call(r, 'warnings.dispose', { warningIds: second!.warnings.map((w) => w.id), disposition: 'verified-no-need', reason: '已住院报销，家庭收入稳定' });
    expect((await r.sync()).rejected).toBe(0);
    expect((await district.sync()).rejected).toBe(0);
    const disposed = await call(district, 'warnings.inbox', { status: 'disposed', pageSize: 100 });
    expect(disposed.groups.map((g) => g.householdId).sort()).toEqual([first!.householdId, second!.householdId].sort());
    expect(disposed.groups.every((g) => g.streetName === '万新街道')).toBe(true);
    const byId = new Map(disposed.groups.flatMap((g) => g.warnings).map((w) => [w.id, w]));
    expect(byId.get(second!.warnings[0]!.id)).toMatchObject({ disposition: 'verified-no-need', dispositionReason: '已住院报销，家庭收入稳定', disposedByName: '孙三' });
    const rates = await call(district, 'warnings.districtRates', {});
    const raisedIn = (code: string) => people.filter((p, n) => p.streetCode === code && firstMonthFen(n) >= monthFen.thresholdFen).length;
    const c = rates.find((x) => x.streetCode === STREET_C)!;
    const done = first!.warnings.length + second!.warnings.length;
    expect(c).toMatchObject({ raised: raisedIn(STREET_C), open: raisedIn(STREET_C) - done, byDisposition: { 'already-covered': first!.warnings.length, 'verified-no-need': second!.warnings.length } });
    expect(c.disposedPercent).toBe(Math.round((1000 * done) / raisedIn(STREET_C)) / 10);
    for (const code of [STREET_A, STREET_B]) expect(rates.find((x) => x.streetCode === code)).toMatchObject({ raised: raisedIn(code), open: raisedIn(code) });
  }, 300_000);
});

async function expectRefusal(r: Replica, input: InputOf<'warnings.importPreview'>): Promise<string> {
  try {
    await call(r, 'warnings.importPreview', input);
  } catch (err) {
    return (err as Error).message.replace(/^warnings\.importPreview: /, '');
  }
  throw new Error('the preview was not refused');
}
