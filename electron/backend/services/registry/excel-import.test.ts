import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeIdNumber } from '../../../../shared/id-number';
import { failure, makeHarness, type Harness } from '../../testing/harness';
import { importWorkbook } from '../../testing/import-file';
import { IMPORT_COLUMNS, IMPORT_SHEET } from './excel-columns';

let h: Harness;
let now: Date;
let community: string;
let community2: string;
beforeEach(async () => {
  now = new Date('2024-03-05T02:00:00Z');
  h = await makeHarness({ now: () => now });
  const cs = await h.call('org.listCommunities', {});
  community = cs[0]!.name;
  community2 = cs[1]!.name;
  await h.call('org.saveGrid', { communityId: cs[0]!.id, name: '第一网格' });
});
afterEach(() => h.close());

const HEADERS = IMPORT_COLUMNS.map((c) => c.header);
type Row = Partial<Record<string, string | number>>;

const id = (birth: string, seq: number) => makeIdNumber('120110', birth, seq);
const ZHANG = id('19580312', 131);
const LI = id('19600705', 142);
const WANG = id('19410920', 226);
const ZHAO = id('19700101', 311);
const badCheck = (good: string) => good.slice(0, 17) + (good[17] === '0' ? '1' : '0');

function zhangFamily(key = '1'): Row[] {
  return [
    {
      户编号: key, 社区: community, 网格: '第一网格', 家庭住址: '詹滨西里3号楼2门301', 户籍类型: '城镇', 家庭电话: '022-24391234',
      开户银行: '天津农商银行', 银行账号: '6228480402564890018', 账户户名: '张建国', 救助类别: '低保、重度残疾人',
      姓名: '张建国', 身份证号码: ZHANG, 与户主关系: '户主', 民族: '汉族', 婚姻状况: '已婚', 健康状况: '多病',
      '月其他收入(元)': 1580.5, 联系电话: '13820001234',
    },
    {
      户编号: key, 姓名: '李淑芬', 身份证号码: LI, 与户主关系: '妻', 残疾类别: '肢体', 残疾等级: '二级', 自理能力: '半失能',
      劳动能力: '无劳动能力', 从业状况: '无业', '月工资收入(元)': '1,200.00',
    },
  ];
}

const wangFamily = (key = '2'): Row[] => [
  { 户编号: key, 社区: community2, 家庭住址: '詹滨东里15号楼1门102', 户籍类型: '农村', 救助类别: '特困分散供养', 姓名: '王秀兰', 身份证号码: WANG, 与户主关系: '02' },
];

async function preview(rows: Row[], fileName = '导入.xlsx') {
  return h.call('registry.importPreview', { fileName, base64: await importWorkbook(rows) });
}

const count = (sql: string) => (h.backend.store.sqlite.prepare(sql).get() as { n: number }).n;

describe('registry.importPreview and importCommit', () => {
  test('previews two good households and one bad row, then imports only the valid households', async () => {
    const rows = [...zhangFamily(), ...wangFamily(), { ...wangFamily('3')[0], 姓名: '赵六', 身份证号码: badCheck(ZHAO) }];
    const p = await preview(rows);
    expect(p).toMatchObject({ fileName: '导入.xlsx', totalRows: 4, validHouseholds: 2, validPersons: 3 });
    expect(p.errors).toEqual([{ row: 5, column: '身份证号码', message: expect.stringContaining('校验位错误') }]);
    expect(p.errors[0]!.message).toBe(`身份证号码校验位错误：最后一位应为 ${ZHAO[17]}，请核对号码`);
    expect(count('SELECT count(*) AS n FROM households')).toBe(0);

    expect(await h.call('registry.importCommit', { importId: p.importId })).toEqual({ households: 2, persons: 3 });
    const list = await h.call('registry.listHouseholds', {});
    expect(list.total).toBe(2);
    expect(list.rows.map((r) => r.headName).sort()).toEqual(['张建国', '王秀兰']);
    const zhang = await h.call('registry.getHousehold', { id: list.rows.find((r) => r.headName === '张建国')!.id });
    expect(zhang).toMatchObject({
      communityName: community,
      gridName: '第一网格',
      hukouType: 'urban',
      phone: '022-24391234',
      bankAccount: '6228480402564890018',
      categories: ['dibao', 'severe-disabled'],
    });
    const li = zhang.members.find((m) => m.name === '李淑芬')!;
    expect(li).toMatchObject({ relation: '12', disabilityCategory: '4', disabilityGrade: '2', selfCare: 'partial', labourCapacity: 'none', employment: 'none' });
    expect(li.incomes).toEqual([{ kind: 'wage', monthlyFen: 120000, note: null }]);
    expect(zhang.members.find((m) => m.name === '张建国')!.incomes).toEqual([{ kind: 'other', monthlyFen: 158050, note: null }]);

    const audit = await h.call('audit.list', { action: 'registry.import' });
    expect(audit.total).toBe(1);
    expect(audit.rows[0]!.summary).toContain('2 户、3 人：导入.xlsx');
    // The import id is forgotten after the commit.
    expect((await failure(h.call('registry.importCommit', { importId: p.importId }))).code).toBe('not-found');
  });

  test('reports every row error with its row, column and a Chinese message', async () => {
    const [z1, z2] = zhangFamily();
    const rows: Row[] = [
      z1!,
      { ...z2!, 家庭住址: '别的地址' }, // row 3: differs from the household's first row
      { ...wangFamily()[0], 社区: '不存在社区' }, // row 4
      { ...wangFamily('3')[0], 姓名: '赵六', 身份证号码: ZHANG }, // row 5: same ID as row 2
      { ...wangFamily('4')[0], 姓名: '钱七', 身份证号码: ZHAO, 与户主关系: '妻' }, // row 6: no head
      { ...wangFamily('5')[0], 姓名: '孙八', 身份证号码: id('19800101', 411), 与户主关系: '表哥' }, // row 7
      { ...wangFamily('6')[0], 姓名: '周九', 身份证号码: id('19800101', 512), 残疾类别: '视力' }, // row 8: no grade
      { ...wangFamily('7')[0], 姓名: '吴十', 身份证号码: id('19800101', 613), 联系电话: '12345' }, // row 9
      { ...wangFamily('8')[0], 姓名: '郑一', 身份证号码: 120110198001017000 }, // row 10: a number
      { 户编号: '9', 社区: community, 姓名: '冯二', 身份证号码: id('19800101', 715), 与户主关系: '户主' }, // row 11
      { ...wangFamily('10')[0], 姓名: '陈三', 身份证号码: id('19800101', 816), '月工资收入(元)': '12.345' }, // row 12
      { ...wangFamily('11')[0], 姓名: '', 身份证号码: id('19800101', 917), 救助类别: '低保、特困' }, // row 13
    ];
    const p = await preview(rows);
    const at = (row: number, column: string) => p.errors.find((e) => e.row === row && e.column === column)?.message;
    expect(at(3, '家庭住址')).toContain('与本户（户编号 1）第一行（第2行）填写的“詹滨西里3号楼2门301”不一致');
    expect(at(4, '社区')).toContain('社区“不存在社区”不存在');
    expect(at(5, '身份证号码')).toBe('身份证号码与第2行重复：同一人只能填写一行');
    expect(at(6, '与户主关系')).toContain('没有户主');
    expect(at(7, '与户主关系')).toContain('与户主关系“表哥”无法识别');
    expect(at(8, '残疾等级')).toBe('残疾类别和残疾等级须同时填写或同时留空');
    expect(at(9, '联系电话')).toContain('联系电话格式无效');
    expect(at(10, '身份证号码')).toContain('被 Excel 存成了数字');
    expect(at(11, '家庭住址')).toBe('家庭住址不能为空（每户第一行须填写）');
    expect(at(11, '户籍类型')).toBe('户籍类型不能为空（每户第一行须填写）');
    expect(at(12, '月工资收入(元)')).toBe('月工资收入(元)最多保留两位小数（分）');
    expect(at(13, '姓名')).toBe('姓名不能为空');
    expect(at(13, '救助类别')).toContain('“特困”无法识别');
    // Only the households with errors are skipped: none of these is valid but 张's row 2 alone is not enough.
    expect(p.validHouseholds).toBe(0);
    expect(p.errors.every((e) => /[\u4e00-\u9fa5]/.test(e.message))).toBe(true);
    expect((await failure(h.call('registry.importCommit', { importId: p.importId }))).code).toBe('invalid-input');
  });

  test('refuses an ID number already registered in another household, naming it', async () => {
    await h.call('registry.importCommit', { importId: (await preview(wangFamily())).importId });
    const p = await preview([...zhangFamily(), { ...wangFamily('2')[0], 家庭住址: '另一处' }]);
    expect(p.validHouseholds).toBe(1);
    expect(p.errors).toEqual([
      { row: 4, column: '身份证号码', message: expect.stringContaining('身份证号码已登记在另一户：詹滨东里15号楼1门102（户主王秀兰）') },
    ]);
  });

  test('a commit that fails writes nothing', async () => {
    const p = await preview([...zhangFamily(), ...wangFamily()]);
    expect(p.validHouseholds).toBe(2);
    // Meanwhile someone registers 王秀兰 by hand.
    const cs = await h.call('org.listCommunities', {});
    await h.call('registry.createHousehold', {
      household: { communityId: cs[2]!.id, address: '振华里1号', hukouType: 'urban' },
      members: [{ name: '王秀兰', idNumber: WANG, relation: '02' }],
    });
    const households = count('SELECT count(*) AS n FROM households');
    const persons = count('SELECT count(*) AS n FROM persons');
    const changes = count('SELECT count(*) AS n FROM change_log');
    const err = await failure(h.call('registry.importCommit', { importId: p.importId }));
    expect(err.code).toBe('id-number-in-use');
    expect(err.message).toContain('没有写入任何数据：第4行（户编号 2，列“身份证号码”）');
    expect(count('SELECT count(*) AS n FROM households')).toBe(households);
    expect(count('SELECT count(*) AS n FROM persons')).toBe(persons);
    expect(count('SELECT count(*) AS n FROM change_log')).toBe(changes);
    expect((await h.call('audit.list', { action: 'registry.import' })).total).toBe(0);
  });

  test('refuses corrupt data, other formats and a wrong header with import-invalid', async () => {
    const cases: [string, string, RegExp][] = [
      ['a.xlsx', '这不是base64!!', /无法读取/],
      ['a.xlsx', Buffer.from('姓名,身份证号码\n张三,1').toString('base64'), /不是有效的 \.xlsx/],
      ['a.xls', await importWorkbook(zhangFamily()), /只能导入 \.xlsx/],
      ['a.xlsx', Buffer.from('PK\u0003\u0004garbage').toString('base64'), /不是有效的 \.xlsx/],
      ['a.xlsx', await importWorkbook(zhangFamily(), HEADERS.filter((x) => x !== '身份证号码')), /缺少列“身份证号码”/],
      ['a.xlsx', await importWorkbook(zhangFamily(), [...HEADERS, '收入']), /无法识别的列“收入”/],
      ['a.xlsx', await importWorkbook([]), /没有数据/],
    ];
    for (const [fileName, base64, message] of cases) {
      const err = await failure(h.call('registry.importPreview', { fileName, base64 }));
      expect(err.code, fileName + String(message)).toBe('import-invalid');
      expect(err.message).toMatch(message);
    }
  });

  test('reads a sheet with another name, a title row and a 序号 column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['某街道困难家庭名单']);
    ws.addRow(['序号', ...HEADERS]);
    wangFamily().forEach((r, i) => ws.addRow([i + 1, ...HEADERS.map((hd) => r[hd] ?? null)]));
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const p = await h.call('registry.importPreview', { fileName: '名单.xlsx', base64 });
    expect(p).toMatchObject({ totalRows: 1, validHouseholds: 1, errors: [] });
  });

  test('refuses more than 20,000 rows', async () => {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on('data', (c: Buffer) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink });
    const ws = wb.addWorksheet(IMPORT_SHEET);
    ws.addRow(HEADERS).commit();
    for (let i = 0; i < 20_001; i++) ws.addRow([String(i), community, '某路1号', '城镇']).commit();
    ws.commit();
    await wb.commit();
    const err = await failure(h.call('registry.importPreview', { fileName: '大.xlsx', base64: Buffer.concat(chunks).toString('base64') }));
    expect(err.code).toBe('import-invalid');
    expect(err.message).toContain('最多导入20,000行');
  });

  test('another user cannot commit my import, and an import expires after 30 minutes', async () => {
    await h.call('users.create', { username: 'clerk', displayName: '赵经办', role: 'caseworker', password: 'clerk-pass-1' });
    const clerk = (await h.call('auth.login', { username: 'clerk', password: 'clerk-pass-1' }, null)).token;
    const p = await preview(wangFamily());
    const err = await failure(h.call('registry.importCommit', { importId: p.importId }, clerk));
    expect(err.code).toBe('not-found');
    expect(count('SELECT count(*) AS n FROM households')).toBe(0);
    expect(await h.call('registry.importCommit', { importId: p.importId })).toEqual({ households: 1, persons: 1 });

    const late = await preview(zhangFamily());
    now = new Date(now.getTime() + 31 * 60_000);
    await h.signInAgain(); // the session idled out with the import (30 minutes)
    expect((await failure(h.call('registry.importCommit', { importId: late.importId }))).code).toBe('not-found');
  });
});
