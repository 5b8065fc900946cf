/**
 * 部门数据导入 on a street PC (issue 17): each source's happy path (CSV in UTF-8 with BOM and in
 * GBK, .xlsx), matching by ID number, unmatched rows of the street's area as 待登记线索, a death
 * recorded through the registry's path, and every refusal writing nothing.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeIdNumber } from '../../../shared/id-number';
import { departmentRecordIdOf } from '../../../shared/warnings/ids';
import { DEPARTMENT_FACTS_SCHEMAS, type DepartmentSource } from '../../../shared/warnings/types';
import { fileSha256 } from '../services/warnings/intake';
import { SOURCE_COLUMNS } from '../services/warnings/intake-columns';
import { expectRefused, makeWorld, type World } from '../testing/screening-fixtures';

let w: World;
// Thursday 2026-11-05 10:00 Shanghai.
const NOW = '2026-11-05T02:00:00.000Z';
const OCT = { periodStartOn: '2026-10-01', periodEndOn: '2026-10-31' };
/** Not registered: born in Dongli, and one born elsewhere (130102: 石家庄). */
const STRANGER = makeIdNumber('120110', '19700101', 77);
const OUTSIDER = makeIdNumber('130102', '19720202', 55);

interface P {
  id: string;
  name: string;
  idNumber: string;
  householdId: string;
}
let a: P;
let b: P;

const headers = (source: DepartmentSource) => SOURCE_COLUMNS[source].map((c) => c.header);

function csv(source: DepartmentSource, rows: (string | number)[][], opts: { bom?: boolean; header?: string[] } = {}): string {
  const esc = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const text = [opts.header ?? headers(source), ...rows].map((r) => r.map(esc).join(',')).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from(opts.bom ? '\ufeff' : ''), Buffer.from(text)]).toString('base64');
}

async function xlsx(source: DepartmentSource, rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入数据');
  ws.addRow(headers(source));
  for (const r of rows) ws.addRow(r);
  ws.getColumn(2).numFmt = '@';
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const preview = (source: DepartmentSource, fileName: string, base64: string, period = OCT) =>
  w.h.call('warnings.importPreview', { source, fileName, base64, ...period });

function person(name: string): P {
  return w.h.backend.store
    .prepare('SELECT id, name, id_number AS idNumber, household_id AS householdId FROM persons WHERE name = ?')
    .get(name) as P;
}

/** Every stored record's facts hold to the contract's schema of its source. */
function factsHoldToSchemas(): void {
  const rows = w.h.backend.store.prepare('SELECT source, facts FROM department_records').all() as { source: DepartmentSource; facts: string }[];
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) expect(DEPARTMENT_FACTS_SCHEMAS[r.source].safeParse(JSON.parse(r.facts)).success).toBe(true);
}

beforeEach(async () => {
  w = await makeWorld(NOW);
  await w.household({ members: [{ name: '张建国', birth: '1958-03-12' }, { name: '李淑芬', birth: '1960-07-05' }] });
  a = person('张建国');
  b = person('李淑芬');
});
afterEach(() => w.h.close());

describe('部门数据导入：各来源', () => {
  test('医保 CSV (UTF-8 with BOM): matched rows stored with derived ids, an unmatched row of the street becomes a 线索, one of elsewhere only counted', async () => {
    const base64 = csv(
      'medical',
      [
        ['张建国', a.idNumber, '2026-10', '8650.00', '3210.50', ''],
        ['李淑芬', b.idNumber, '2026/10', 1200, 0, ''],
        ['周大妈', STRANGER, '2026年10月', '500', '120.5', '张贵庄街道詹滨西里99号'],
        ['外地人', OUTSIDER, '2026-10', '300', '30', '河北省石家庄市'],
      ],
      { bom: true },
    );
    const p = await preview('medical', '医保10月.csv', base64);
    expect(p).toMatchObject({ totalRows: 4, matchedRows: 2, unmatchedRows: 2, clueRows: 1, errors: [] });
    const r = await w.h.call('warnings.importCommit', { previewId: p.previewId });
    expect(r).toMatchObject({ recordsStored: 2, cluesRaised: 1, warningsRaised: 0 });
    const sha = fileSha256(base64);
    const recs = w.h.backend.store.prepare('SELECT id, person_id, start_on, end_on, facts FROM department_records ORDER BY start_on, person_id').all() as {
      id: string;
      person_id: string;
      start_on: string;
      end_on: string;
      facts: string;
    }[];
    expect(recs).toHaveLength(2);
    const mine = recs.find((x) => x.person_id === a.id)!;
    expect(mine).toMatchObject({ id: departmentRecordIdOf(sha, 2), start_on: '2026-10-01', end_on: '2026-10-31' });
    expect(JSON.parse(mine.facts)).toEqual({ totalFen: 865000, selfPaidFen: 321050 });
    const clues = await w.h.call('ledger.clueList', {});
    expect(clues.rows).toHaveLength(1);
    expect(clues.rows[0]).toMatchObject({ source: 'department-data', name: '周大妈', address: '张贵庄街道詹滨西里99号', category: 'medical', status: 'pending' });
    expect(clues.rows[0]!.description).toContain('个人自付 120.50 元');
    const list = await w.h.call('warnings.listImports', {});
    expect(list).toEqual([
      expect.objectContaining({ id: r.importId, source: 'medical', fileName: '医保10月.csv', rowCount: 4, matchedCount: 2, unmatchedCount: 2, importedByName: '王管理' }),
    ]);
    expect(await w.h.call('warnings.listImports', { source: 'death' })).toEqual([]);
    factsHoldToSchemas();
  });

  test('残联 .xlsx: grade words and digits, a new and a changed certificate', async () => {
    const base64 = await xlsx('disability', [
      ['张建国', a.idNumber, '肢体', '二级', '新办', '2026-10-12'],
      ['李淑芬', b.idNumber, '精神残疾', 3, '变更', '2026/10/20'],
    ]);
    const p = await preview('disability', '残联.xlsx', base64);
    expect(p).toMatchObject({ totalRows: 2, matchedRows: 2, unmatchedRows: 0, errors: [] });
    const r = await w.h.call('warnings.importCommit', { previewId: p.previewId });
    // the rules ran on the import: one household, its severe-disability warnings in one inbox line
    const inbox = await w.h.call('warnings.inbox', {});
    expect(inbox.groups).toHaveLength(1);
    const raised = inbox.groups[0]!.warnings;
    expect(r.warningsRaised).toBe(raised.length);
    expect(raised.map((x) => `${x.personName}:${x.rule}`)).toContain('张建国:disability-severe');
    const facts = (w.h.backend.store.prepare('SELECT facts FROM department_records ORDER BY start_on').all() as { facts: string }[]).map((x) => JSON.parse(x.facts));
    expect(facts).toEqual([
      { type: 'physical', grade: 2, change: 'new' },
      { type: 'mental', grade: 3, change: 'changed' },
    ]);
    factsHoldToSchemas();
  });

  test('人社 CSV in GBK: start and end of the 失业登记', async () => {
    const text = `${headers('unemployment').join(',')}\r\n张建国,${a.idNumber},2026-10-08,2026-10-30,企业裁员,\r\n`;
    const base64 = encodeGbk(text).toString('base64');
    const p = await preview('unemployment', '失业登记.csv', base64);
    expect(p.errors).toEqual([]);
    await w.h.call('warnings.importCommit', { previewId: p.previewId });
    const rec = w.h.backend.store.prepare('SELECT start_on, end_on, facts FROM department_records').get() as { start_on: string; end_on: string; facts: string };
    expect(rec).toMatchObject({ start_on: '2026-10-08', end_on: '2026-10-30' });
    expect(JSON.parse(rec.facts)).toEqual({ reason: '企业裁员' });
    factsHoldToSchemas();
  });

  test('死亡: a death not yet recorded is recorded through the registry (应退尽退); one already recorded is left as it was', async () => {
    await w.h.call('registry.recordDeath', { personId: b.id, diedOn: '2026-10-02' });
    const p = await preview('death', '殡葬.csv', csv('death', [['张建国', a.idNumber, '2026-10-20', '东丽区殡仪馆', ''], ['李淑芬', b.idNumber, '2026-10-03', '', '']]));
    expect(p).toMatchObject({ matchedRows: 2, errors: [] });
    await w.h.call('warnings.importCommit', { previewId: p.previewId });
    const died = (id: string) => (w.h.backend.store.prepare('SELECT died_on FROM persons WHERE id = ?').get(id) as { died_on: string }).died_on;
    expect(died(a.id)).toBe('2026-10-20');
    expect(died(b.id)).toBe('2026-10-02');
    const audit = w.h.backend.store.prepare("SELECT summary FROM audit_events WHERE action = 'registry.recordDeath' AND entity_id = ?").get(a.id) as { summary: string };
    expect(audit.summary).toContain('殡葬.csv');
    factsHoldToSchemas();
  });

  test('死亡: a death staff withdrew (recorded on the wrong person) is not recorded again from a department row of that date; another date is', async () => {
    await w.h.call('registry.recordDeath', { personId: b.id, diedOn: '2026-10-03' });
    await w.h.call('registry.withdrawDeath', { personId: b.id, reason: '重名误登，经核实本人健在' });
    const p = await preview('death', '殡葬2.csv', csv('death', [['李淑芬', b.idNumber, '2026-10-03', '', '']]));
    expect(p).toMatchObject({ matchedRows: 1, errors: [] });
    await w.h.call('warnings.importCommit', { previewId: p.previewId });
    const row = w.h.backend.store.prepare('SELECT died_on FROM persons WHERE id = ?').get(b.id) as { died_on: string | null };
    expect(row.died_on).toBeNull();
    // the department's row is kept beside, for the warning rules and the record
    expect((w.h.backend.store.prepare("SELECT count(*) AS n FROM department_records WHERE source = 'death' AND person_id = ?").get(b.id) as { n: number }).n).toBe(1);
    // a row with another date is a new claim: recorded
    const later = await preview('death', '殡葬3.csv', csv('death', [['李淑芬', b.idNumber, '2026-10-25', '', '']]));
    await w.h.call('warnings.importCommit', { previewId: later.previewId });
    expect((w.h.backend.store.prepare('SELECT died_on FROM persons WHERE id = ?').get(b.id) as { died_on: string | null }).died_on).toBe('2026-10-25');
  });
});

describe('部门数据导入：错误的文件不写入任何数据', () => {
  test('a missing or unknown column refuses the file, naming them', async () => {
    const missing = headers('medical').filter((h) => h !== '个人自付费用（元）');
    let err = await expectRefused(w, 'import-invalid', () => preview('medical', 'a.csv', csv('medical', [['张建国', a.idNumber, '2026-10', 1]], { header: missing })));
    expect(err.message).toContain('缺少列“个人自付费用（元）”');
    err = await expectRefused(w, 'import-invalid', () =>
      preview('medical', 'b.csv', csv('medical', [['张建国', a.idNumber, '2026-10', 1, 1, '', 'x']], { header: [...headers('medical'), '备注栏'] })),
    );
    expect(err.message).toContain('无法识别的列“备注栏”');
    err = await expectRefused(w, 'import-invalid', () => preview('medical', 'c.xls', 'AAAA'));
    expect(err.message).toContain('.xlsx');
  });

  test('per-row errors with row and column; the commit of such a preview is refused and writes nothing', async () => {
    const badSum = a.idNumber.slice(0, 17) + (a.idNumber[17] === '1' ? '2' : '1');
    const base64 = csv('medical', [
      ['张建国', badSum, '2026-10', 100, 10, ''],
      ['李淑芬', b.idNumber, '2026-09', 100, 10, ''],
      ['张建国', a.idNumber, '2026-10', -5, 0, ''],
      ['张建国', a.idNumber, '2026-10', 100, 200, ''],
      ['王五', b.idNumber, '2026-10', 100, 10, ''],
      ['', STRANGER, '2026-10', 100, 10, ''],
    ]);
    const p = await preview('medical', '医保.csv', base64);
    expect(p.errors).toEqual([
      { row: 2, column: '身份证号码', message: expect.stringContaining('校验') },
      { row: 3, column: '费用年月', message: '费用年月 2026-09 不在数据期间（2026-10-01 至 2026-10-31）内' },
      { row: 4, column: '医疗总费用（元）', message: '医疗总费用（元）不能为负数（填写了 -5.00）' },
      { row: 5, column: '个人自付费用（元）', message: expect.stringContaining('不能大于医疗总费用') },
      { row: 6, column: '姓名', message: '姓名“王五”与本街道按该身份证号码登记的姓名“李淑芬”不一致，请核对' },
      { row: 7, column: '姓名', message: '姓名不能为空' },
    ]);
    await expectRefused(w, 'import-invalid', () => w.h.call('warnings.importCommit', { previewId: p.previewId }));
    expect(w.h.backend.store.prepare('SELECT count(*) AS n FROM department_imports').get()).toEqual({ n: 0 });
  });

  test('the same person (registered or not) twice for the same month is refused naming the first row; other months are not duplicates', async () => {
    const SEP_OCT = { periodStartOn: '2026-09-01', periodEndOn: '2026-10-31' };
    const base64 = csv('medical', [
      ['张建国', a.idNumber, '2026-10', 100, 10, ''],
      ['张建国', a.idNumber, '2026-09', 100, 10, ''],
      ['周大妈', STRANGER, '2026-10', 100, 10, ''],
      ['张建国', a.idNumber, '2026/10', 200, 20, ''],
      ['周大妈', STRANGER, '2026-09', 100, 10, ''],
      ['周大妈', STRANGER, '2026年10月', 100, 10, ''],
      ['张建国', a.idNumber, '2026-09', 300, 30, ''],
    ]);
    const p = await preview('medical', '医保.csv', base64, SEP_OCT);
    const dup = (row: number, first: number) => ({ row, column: '身份证号码', message: `与第${first}行重复：同一人的同一条医保（医疗费用）数据只能填写一行` });
    expect(p.errors).toEqual([dup(5, 2), dup(7, 4), dup(8, 3)]);
  });

  test('残联: grade outside 1–4, unknown type, a date in the future or before the period', async () => {
    const p = await preview('disability', '残联.csv', csv('disability', [
      ['张建国', a.idNumber, '肢体', '五级', '新办', '2026-10-12'],
      ['李淑芬', b.idNumber, '飞行', 1, '新办', '2026-10-12'],
      ['张建国', a.idNumber, '视力', 1, '补办', '2026-10-12'],
      ['李淑芬', b.idNumber, '视力', 1, '新办', '2026-09-30'],
      ['李淑芬', b.idNumber, '视力', 1, '新办', '2026-10-32'],
    ]), { periodStartOn: '2026-10-01', periodEndOn: '2026-11-05' });
    expect(p.errors.map((e) => [e.row, e.column])).toEqual([
      [2, '残疾等级'],
      [3, '残疾类别'],
      [4, '办证类型'],
      [5, '发证日期'],
      [6, '发证日期'],
    ]);
    expect(p.errors[0]!.message).toBe('残疾等级“五级”超出范围：应为一级至四级（1–4）');
    const future = await preview('death', 'd.csv', csv('death', [['张建国', a.idNumber, '2026-11-06', '', '']]), { periodStartOn: '2026-10-01', periodEndOn: '2026-11-05' });
    expect(future.errors).toEqual([{ row: 2, column: '死亡日期', message: '死亡日期 2026-11-06 晚于今天（2026-11-05）' }]);
  });

  test('the period: its end before its start, or after today, is refused', async () => {
    const base64 = csv('death', [['张建国', a.idNumber, '2026-10-20', '', '']]);
    let err = await expectRefused(w, 'invalid-input', () => preview('death', 'd.csv', base64, { periodStartOn: '2026-10-31', periodEndOn: '2026-10-01' }));
    expect(err.field).toBe('periodEndOn');
    err = await expectRefused(w, 'invalid-input', () => preview('death', 'd.csv', base64, { periodStartOn: '2026-10-01', periodEndOn: '2026-11-06' }));
    expect(err.message).toContain('不能晚于今天');
  });

  test('the same file twice is refused, naming when and by whom it was imported', async () => {
    const base64 = csv('medical', [['张建国', a.idNumber, '2026-10', 100, 10, '']]);
    const p = await preview('medical', '医保.csv', base64);
    await w.h.call('warnings.importCommit', { previewId: p.previewId });
    const err = await expectRefused(w, 'import-duplicate-file', () => preview('medical', '医保（副本）.csv', base64));
    expect(err.message).toBe('该文件已于 2026-11-05 10:00 由 王管理 导入过（医保（医疗费用），文件名“医保.csv”），不能重复导入');
  });

  test('two previews of one file: the second commit is refused and writes nothing', async () => {
    const base64 = csv('medical', [['张建国', a.idNumber, '2026-10', 100, 10, '']]);
    const p1 = await preview('medical', '医保.csv', base64);
    const p2 = await preview('medical', '医保.csv', base64);
    await w.h.call('warnings.importCommit', { previewId: p1.previewId });
    await expectRefused(w, 'import-duplicate-file', () => w.h.call('warnings.importCommit', { previewId: p2.previewId }));
  });

  test('a caseworker may download a template but not import', async () => {
    const t = await w.h.call('warnings.importTemplate', { source: 'disability' });
    expect(t.fileName).toMatch(/^残联数据导入模板_20261105\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(t.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.getWorksheet('导入数据')!.getRow(1).values).toEqual([undefined, ...headers('disability')]);
    expect(wb.getWorksheet('填写说明')).toBeDefined();
    const token = await w.caseworkerToken();
    await expectRefused(w, 'forbidden', () => w.h.call('warnings.importPreview', { source: 'medical', fileName: 'a.csv', base64: 'AAAA', ...OCT }, token));
  });
});

/** GBK bytes of a text of ASCII and the few Chinese characters these tests use (Node has no GBK encoder). */
function encodeGbk(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(...table.get(ch)!);
  }
  return Buffer.from(out);
}
