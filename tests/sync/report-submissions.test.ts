/**
 * 报送 and 通报 through sync (issue 15), with the real district server on 127.0.0.1: a street's
 * submitted versions reach the district PC, which compares and ranks the streets from them; a 通报
 * drafted there from the ranking, numbered and published, reaches the street it names and no other.
 * The server refuses a pushed change to a submitted report or to a published 通报 (report-frozen).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { syncRows } from '../../server/db/schema';
import { DISTRICT_PARTITION, type Change } from '../../shared/sync/wire';
import { shanghaiDate } from '../../shared/time/shanghai';
import { addDays } from '../../shared/time/calendar-days';
import { makeSyncedReplicas, rows, startDistrictServer, STREET_A, STREET_B, type Replica, type TestServer } from './harness';
import { rawDevice, type RawDevice } from './raw-device';
import { staffSessions } from './staff';

let server: TestServer;
let district: Replica;
let streetA: Replica;
let streetB: Replica;
let devA: RawDevice;
let devDistrict: RawDevice;
let month: string;
let n = 0;
const V2 = { 'x-sync-reasons': '2' };
const { call, signIn, token } = staffSessions();

beforeAll(async () => {
  server = await startDistrictServer();
  [streetA, streetB, district] = await makeSyncedReplicas(server, ['streetA', STREET_A], ['streetB', STREET_B], ['district', DISTRICT_PARTITION]);
  devA = await rawDevice(server, STREET_A, 'evilstreet');
  devDistrict = await rawDevice(server, DISTRICT_PARTITION, 'evildistrict');
  await signIn(streetA, 'zgz_admin', 'secret-pass-1');
  await signIn(streetB, 'fnc_admin', 'secret-pass-2');
  await signIn(district, 'qu_admin', 'district-pass-1');
  // the month before the replicas' today (their clock is the real one): complete, so it can be submitted
  month = addDays(`${shanghaiDate(streetA.backend.store.nowDate()).slice(0, 7)}-01`, -1).slice(0, 7);
}, 180_000);

afterAll(async () => {
  for (const r of [district, streetA, streetB]) r?.close();
  await server?.close();
});

const change = (dev: RawDevice, table: string, id: string, partition: string, fields: Change['fields']): Change => ({
  hlc: dev.hlc(Date.now(), ++n),
  node: dev.node,
  table,
  rowId: id,
  partition,
  fields,
});

async function serverRow(table: string, id: string) {
  const [r] = await server.opened.db.select().from(syncRows).where(and(eq(syncRows.tableName, table), eq(syncRows.rowId, id)));
  return r!.fields;
}

describe('报送 and 通报 through sync', () => {
  test("a street's submitted versions reach the district, which compares the latest of every street", async () => {
    const v1 = await call(streetA, 'reports.submit', { month });
    await call(streetA, 'reports.submit', { month, reason: '更正：补录漏登的走访' });
    await streetA.sync();
    await district.sync();
    expect(rows(district, 'report_submissions').map((r) => [r.street_code, r.version])).toEqual(
      expect.arrayContaining([[STREET_A, 1], [STREET_A, 2]]),
    );
    const list = await call(district, 'reports.submissions', { month });
    expect(list.map((s) => [s.streetName, s.version, s.latest, s.reason])).toEqual([
      ['张贵庄街道', 2, true, '更正：补录漏登的走访'],
      ['张贵庄街道', 1, false, null],
    ]);
    expect((await call(district, 'reports.submission', { id: v1.id })).report).toEqual(v1.report);

    const cmp = await call(district, 'reports.compare', { month });
    expect(cmp.streets).toHaveLength(11);
    expect(cmp.streets.find((s) => s.street.code === STREET_A)!.submission).toMatchObject({ version: 2, reason: '更正：补录漏登的走访', submittedByName: '王一' });
    expect(cmp.streets.find((s) => s.street.code === STREET_B)!.submission).toBeNull();
    // the street itself never receives another street's submissions
    await streetB.sync();
    expect(rows(streetB, 'report_submissions')).toEqual([]);
  });

  test('the server refuses a change to a submitted report and its deletion; the same values pass', async () => {
    const [stored] = rows(streetA, 'report_submissions').filter((r) => r.version === 1);
    const id = String(stored!.id);
    const before = await serverRow('report_submissions', id);
    const edit = change(devA, 'report_submissions', id, STREET_A, { payload: '{}' });
    const erase = change(devA, 'report_submissions', id, STREET_A, { deleted_at: new Date().toISOString() });
    const same = change(devA, 'report_submissions', id, STREET_A, { version: 1 });
    const res = await devA.push({ changes: [edit, erase, same] }, V2);
    expect(res.status).toBe(200);
    expect(res.body.rejected).toEqual([
      expect.objectContaining({ hlc: edit.hlc, code: 'report-frozen', field: 'payload' }),
      expect.objectContaining({ hlc: erase.hlc, code: 'report-frozen', field: 'deleted_at' }),
    ]);
    expect(res.body.accepted).toEqual([same.hlc]);
    expect(await serverRow('report_submissions', id)).toEqual(before);
  });

  test('a 通报 drafted from the ranking names the lagging streets; published, it reaches the street it names and no other', async () => {
    const ranking = await call(district, 'reports.ranking', { month });
    expect(ranking.lines).toMatchObject({ coverageMinBp: 10000, overdueItemsMax: 0, effectiveFrom: '2020-06-12' });
    expect(ranking.rows.find((r) => r.street.code === STREET_A)).toMatchObject({ rank: 1, submission: { version: 2 } });
    expect(ranking.rows.find((r) => r.street.code === STREET_B)).toMatchObject({ rank: null, lagging: ['未报送本月调度报表'] });

    const draft = await call(district, 'reports.circularDraft', { month });
    expect(draft.streetCodes).toContain(STREET_B);
    expect(draft.streetCodes).not.toContain(STREET_A);
    expect(draft.body).toMatch(/丰年村街道：未报送\d{4}年\d{1,2}月调度报表。整改要求：立即报送。/);
    const saved = await call(district, 'reports.saveCircular', { ...draft, streetCodes: [STREET_B] });
    expect(saved).toMatchObject({ status: 'draft', docNumber: '', streets: [{ code: STREET_B, name: '丰年村街道' }] });
    const noNumber = await district.backend.call('reports.publishCircular', { id: saved.id }, token(district));
    expect(noNumber).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'docNumber', message: '发布前请填写文号' } });
    const edited = await call(district, 'reports.saveCircular', { ...draft, id: saved.id, streetCodes: [STREET_B], docNumber: '东丽民通〔2026〕1号', body: `${draft.body}\n（经复核）` });
    expect(edited).toMatchObject({ id: saved.id, docNumber: '东丽民通〔2026〕1号' });
    // a draft reaches nobody's 工作台
    await district.sync();
    await streetB.sync();
    expect(await call(streetB, 'reports.circulars', {})).toEqual([]);

    const published = await call(district, 'reports.publishCircular', { id: saved.id });
    expect(published).toMatchObject({ status: 'published', publishedBy: '区管理' });
    const again = await district.backend.call('reports.saveCircular', { ...draft, id: saved.id, streetCodes: [STREET_B], docNumber: 'x' }, token(district));
    expect(again).toMatchObject({ ok: false, error: { code: 'circular-published' } });
    await district.sync();
    await streetB.sync();
    await streetA.sync();
    const seen = await call(streetB, 'reports.circulars', {});
    expect(seen.map((c) => [c.title, c.docNumber, c.status])).toEqual([[draft.title, '东丽民通〔2026〕1号', 'published']]);
    expect(seen[0]!.body).toMatch(/（经复核）$/);
    expect((await call(streetB, 'reports.circular', { id: saved.id })).id).toBe(saved.id);
    expect(await call(streetA, 'reports.circulars', {})).toEqual([]);
    const notMine = await streetA.backend.call('reports.circular', { id: saved.id }, token(streetA));
    expect(notMine).toMatchObject({ ok: false, error: { code: 'not-found' } });

    // the server keeps the published 通报 as it was; a street device may not write the district's partition at all
    const forged = await devDistrict.push({ changes: [change(devDistrict, 'circulars', saved.id, DISTRICT_PARTITION, { body: '改写' })] }, V2);
    expect(forged.body.rejected).toEqual([expect.objectContaining({ code: 'report-frozen', field: 'body' })]);
    const fromStreet = await devA.push({ changes: [change(devA, 'circulars', saved.id, DISTRICT_PARTITION, { title: '改写' })] }, V2);
    expect(fromStreet.body.rejected).toEqual([expect.objectContaining({ code: 'partition-forbidden' })]);
  });
});
