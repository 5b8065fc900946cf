/**
 * One truth per household (issue 18, item 1): the household list, its rows, the detail page and the
 * payment lists all read a household's programmes from its enrolments. An approved household shows
 * 低保; the 救助类别 filter counts the households with 低保 in force; an Excel row marked 低保 is an
 * imported enrolment, paid in the month it is imported and confirmed by the office afterwards.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeIdNumber } from '../../../shared/id-number';
import { failure, makeHarness, type Harness } from '../testing/harness';
import { enrolThroughSteps, investigatorToken } from '../testing/enrolment';
import { importWorkbook } from '../testing/import-file';

let h: Harness;
let now: Date;
let communityId: string;
let communityName: string;
let token: string | undefined;
let seq = 100;

const call: Harness['call'] = (p, input, t) => h.call(p, input, t === undefined ? token : t);

beforeEach(async () => {
  token = undefined;
  now = new Date('2026-03-15T02:00:00Z');
  h = await makeHarness({ now: () => now });
  const c = (await call('org.listCommunities', {}))[0]!;
  communityId = c.id;
  communityName = c.name;
});
afterEach(() => h.close());

/** A 2-person household without income and without any category. */
async function household(name: string) {
  return call('registry.createHousehold', {
    household: { communityId, address: `詹滨西里${seq}号`, hukouType: 'urban', bankName: '天津农商银行', bankAccount: `62210000000${seq}` },
    members: [
      { name, relation: '02', idNumber: makeIdNumber('120110', '19750101', seq++ * 2 + 1), employment: 'unemployed', incomes: [] },
      { name: `${name}妻`, relation: '10', idNumber: makeIdNumber('120110', '19770303', seq++ * 2 + 1), employment: 'unemployed', incomes: [] },
    ],
  });
}

/** An import workbook with the given columns (only those named in the rows). */
function workbook(rows: Record<string, string | number>[]): Promise<string> {
  return importWorkbook(rows, [...new Set(rows.flatMap((r) => Object.keys(r)))]);
}

async function importRows(rows: Record<string, string | number>[]) {
  const p = await call('registry.importPreview', { fileName: '台账.xlsx', base64: await workbook(rows) });
  expect(p.errors).toEqual([]);
  return call('registry.importCommit', { importId: p.importId });
}

const dibaoRow = (extra: Record<string, string | number> = {}) => ({
  户编号: '1', 社区: communityName, 家庭住址: '詹滨东里9号楼1门101', 户籍类型: '城镇', 救助类别: '低保、重度残疾人',
  姓名: '耿淑兰', 身份证号码: makeIdNumber('120110', '19580312', 131), 与户主关系: '户主', ...extra,
});

describe('issue 18 item 1 reproductions', () => {
  test('the 救助类别 filter 低保 counts the households with 低保 in force, not tags', async () => {
    const approved = await household('赵大');
    await enrolThroughSteps(h, { programme: 'dibao', householdId: approved.id, note: '本人申请' }, '2026-04', token);
    const applied = await household('钱二');
    await call('assistance.apply', { programme: 'dibao', householdId: applied.id, note: '本人申请' });
    await household('孙三');

    const list = await call('registry.listHouseholds', { category: 'dibao', page: 1, pageSize: 50 });
    expect(list.total).toBe(1);
    expect(list.rows.map((r) => r.id)).toEqual([approved.id]);
  });

  test('a household approved through 纳入救助 shows 低保 on its list row and its page', async () => {
    const hh = await household('李四');
    await enrolThroughSteps(h, { programme: 'dibao', householdId: hh.id, note: '本人申请' }, '2026-04', token);
    const row = (await call('registry.listHouseholds', { page: 1, pageSize: 50 })).rows.find((r) => r.id === hh.id)!;
    expect(row.categories).toEqual(['dibao']);
    expect((await call('registry.getHousehold', { id: hh.id })).categories).toEqual(['dibao']);
  });

  test('an Excel row with 救助类别 低保 is on the payment list of the month it is imported', async () => {
    await importRows([dibaoRow()]);
    const list = await call('assistance.paymentList', { programme: 'dibao', month: '2026-03' });
    expect(list.rows.map((r) => r.name)).toEqual(['耿淑兰']);
    // No income recorded: the rules pay one covered person the whole standard (1045.00 in 2026).
    expect(list.rows[0]!.amountFen).toBe(104500);
    const batch = await call('batches.generate', { programme: 'dibao', month: '2026-03' });
    expect(batch.rows.map((r) => r.name)).toEqual(['耿淑兰']);
  });
});

describe('imported enrolments', () => {
  test('复审: an imported enrolment counts its cycle from the day it was imported, not from a first payment years back', async () => {
    await importRows([dibaoRow({ 保障起始年月: '2019年5月' })]);
    const [e] = await call('assistance.listEnrolments', { programme: 'dibao' });
    const row = async () => (await call('assistance.reviewsDue', { state: 'all' })).rows.find((r) => r.enrolmentId === e!.id);
    expect(await row()).toMatchObject({ baseKind: 'import', baseOn: '2026-03-15', dueOn: '2027-03-15', state: 'later' });
    const early = await failure(call('assistance.previewReview', { id: e!.id, reviewedOn: '2026-03-14', riseFromEmployment: false, selfReported: false }));
    expect(early.message).toContain('复审日期不能早于导入日期（2026-03-15）');
    // confirming the import checks the data; it is not a review and does not move the cycle
    now = new Date('2026-04-20T02:00:00Z');
    await h.signInAgain();
    token = h.token;
    await call('assistance.confirmImport', { id: e!.id, note: '已核对原审批表' }, await investigatorToken(h, token));
    expect(await row()).toMatchObject({ baseKind: 'import', baseOn: '2026-03-15' });
  });

  test('start month and approved amount from the file; 已在保（导入） until 确认导入, which is audited', async () => {
    await importRows([dibaoRow({ 保障起始年月: '2026年2月', 核定月保障金: '880.50' })]);
    const [e] = await call('assistance.listEnrolments', { programme: 'dibao' });
    expect(e).toMatchObject({ status: 'active', source: 'import', importConfirmed: false, startMonth: '2026-02', fixedAmountFen: 88050, currentAmountFen: 88050 });
    const hh = await call('registry.getHousehold', { id: e!.householdId });
    expect(hh.categories).toEqual(['dibao', 'severe-disabled']);
    // The tag column keeps only the situation.
    const stored = h.backend.store.sqlite.prepare('SELECT categories FROM households WHERE id = ?').get(e!.householdId) as { categories: string };
    expect(JSON.parse(stored.categories)).toEqual(['severe-disabled']);

    const caseworker = await investigatorToken(h, token);
    const confirmed = await call('assistance.confirmImport', { id: e!.id, note: '已核对原审批表' }, caseworker);
    expect(confirmed).toMatchObject({ importConfirmed: true, status: 'active' });
    expect(confirmed.steps.map((s) => s.step)).toEqual(['import', 'confirm-import']);
    const audit = await call('audit.list', { action: 'assistance.confirm-import' });
    expect(audit.total).toBe(1);
    expect((await failure(call('assistance.confirmImport', { id: e!.id }))).code).toBe('nothing-to-do');
  });

  test('an enrolment made through the steps needs no 确认导入', async () => {
    const hh = await household('周五');
    const e = await enrolThroughSteps(h, { programme: 'dibao', householdId: hh.id, note: '本人申请' }, '2026-04', token);
    expect(e).toMatchObject({ source: null, importConfirmed: false });
    expect((await failure(call('assistance.confirmImport', { id: e.id }))).code).toBe('not-applicable');
  });

  test('an import is all-or-nothing: a start month or amount without a programme is a row error, nothing written', async () => {
    const p = await call('registry.importPreview', {
      fileName: '台账.xlsx',
      base64: await workbook([dibaoRow({ 救助类别: '重度残疾人', 保障起始年月: '2026-13', 核定月保障金: 500 })]),
    });
    expect(p.validHouseholds).toBe(0);
    expect(p.errors).toEqual([
      { row: 2, column: '保障起始年月', message: '保障起始年月应为 YYYY-MM 格式的月份，如 2024-03' },
      { row: 2, column: '核定月保障金', message: expect.stringContaining('只在救助类别含低保、低保边缘或特困时填写') },
    ]);
    expect(h.backend.store.sqlite.prepare('SELECT count(*) AS n FROM enrolments').get()).toEqual({ n: 0 });
  });

  test('the household form cannot tick a programme: 纳入救助 does that', async () => {
    const hh = await household('吴六');
    const err = await failure(call('registry.updateHousehold', { id: hh.id, patch: { categories: ['dibao', 'lonely-elderly'] } }));
    expect(err.code).toBe('programme-by-enrolment');
    expect(err.message).toContain('“低保”须经“纳入救助”办理');
    expect((await call('registry.getHousehold', { id: hh.id })).categories).toEqual([]);
    // A programme in force may come back in the form's list: it is kept, not stored as a tag.
    await enrolThroughSteps(h, { programme: 'dibao', householdId: hh.id, note: '本人申请' }, '2026-04', token);
    await call('registry.updateHousehold', { id: hh.id, patch: { categories: ['dibao', 'lonely-elderly'] } });
    expect((await call('registry.getHousehold', { id: hh.id })).categories).toEqual(['dibao', 'lonely-elderly']);
  });

  test('an exited enrolment no longer gives the category; a suspended one still does', async () => {
    const a = await household('郑七');
    const ea = await enrolThroughSteps(h, { programme: 'dibao', householdId: a.id, note: '本人申请' }, '2026-04', token);
    await call('assistance.advance', { id: ea.id, step: 'suspend', note: '待复核' });
    const b = await household('王八');
    const eb = await enrolThroughSteps(h, { programme: 'dibao', householdId: b.id, note: '本人申请' }, '2026-04', token);
    await call('assistance.advance', { id: eb.id, step: 'exit', note: '收入稳定', incomeClearlyRisen: true, basicLivingSecure: true });
    const list = await call('registry.listHouseholds', { category: 'dibao', page: 1, pageSize: 50 });
    expect(list.rows.map((r) => r.id)).toEqual([a.id]);
    expect((await call('registry.getHousehold', { id: b.id })).categories).toEqual([]);
  });
});


describe('the start-up migration to one truth', () => {
  /** A database built the old way: programme codes as tags, written through the store as an older version did. */
  function tag(householdId: string, categories: string[]) {
    h.backend.store.update('households', householdId, { categories }, { userId: null, username: 'old-version', streetCode: '120110001000' }, null);
  }

  test('tags without an enrolment become imported enrolments; an enrolment in force is kept; the tags keep situations only', async () => {
    const a = await household('甲一');
    tag(a.id, ['dibao', 'lonely-elderly']);
    const b = await household('乙二');
    tag(b.id, ['tekun-home']);
    const c = await household('丙三');
    const kept = await enrolThroughSteps(h, { programme: 'dibao', householdId: c.id, note: '本人申请' }, '2026-04', token);
    tag(c.id, ['dibao']);
    const old = await call('registry.listHouseholds', { category: 'dibao', page: 1, pageSize: 50 });
    expect(old.rows.map((r) => r.id)).toEqual([c.id]); // tags alone are not read as a programme

    h.backend.store.sqlite.prepare("DELETE FROM local_meta WHERE key = 'one_truth_migration'").run();
    const { migrateProgrammeTags } = await import('../services/assistance/one-truth');
    const report = migrateProgrammeTags(h.backend.store)!;
    expect(report).toMatchObject({ households: 3, enrolled: { dibao: 1, 'dibao-edge': 0, 'tekun-home': 1, 'tekun-institution': 0 }, kept: 1 });
    expect(migrateProgrammeTags(h.backend.store)).toBeNull(); // once

    const list = await call('registry.listHouseholds', { category: 'dibao', page: 1, pageSize: 50 });
    expect(list.rows.map((r) => r.id).sort()).toEqual([a.id, c.id].sort());
    expect((await call('registry.getHousehold', { id: a.id })).categories).toEqual(['dibao', 'lonely-elderly']);
    const tekun = await call('assistance.listEnrolments', { programme: 'tekun-home' });
    expect(tekun).toEqual([expect.objectContaining({ householdId: b.id, status: 'active', source: 'import', startMonth: '2026-03' })]);
    expect(tekun[0]!.personId).toBe((await call('registry.getHousehold', { id: b.id })).members.find((m) => m.relation === '02')!.id);
    const dibao = await call('assistance.listEnrolments', { programme: 'dibao' });
    expect(dibao.map((e) => e.id).sort()).toEqual([kept.id, dibao.find((e) => e.householdId === a.id)!.id].sort());
    const stored = h.backend.store.sqlite.prepare('SELECT categories FROM households ORDER BY categories').all() as { categories: string }[];
    expect(stored.map((r) => JSON.parse(r.categories) as string[])).toEqual([['lonely-elderly'], [], []]);

    const audit = await call('audit.list', { action: 'assistance.oneTruthMigration' });
    expect(audit.rows[0]!.summary).toBe('救助类别迁移：3 户的救助项目改由保障记录确定；新建导入在保记录：低保 1 户、特困分散供养 1 户；已有保障记录保持不变 1 项');
    expect(await call('assistance.oneTruthReport', {})).toEqual({ report });
  });
});
