import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseIdNumber } from '../../../../shared/id-number';
import { makeHarness, type Harness } from '../../testing/harness';
import { readWorkbook } from '../../testing/read-workbook';
import { GUIDE_SHEET, IMPORT_COLUMNS, IMPORT_SHEET } from './excel-columns';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ now: () => new Date('2024-03-05T02:00:00Z') });
});
afterEach(() => h.close());

const DOCUMENTED = [
  '户编号', '社区', '网格', '家庭住址', '户籍类型', '家庭电话', '开户银行', '银行账号', '账户户名', '救助类别',
  '保障起始年月', '核定月保障金',
  '姓名', '身份证号码', '与户主关系', '民族', '婚姻状况', '健康状况', '残疾类别', '残疾等级', '自理能力',
  '劳动能力', '从业状况', '月工资收入(元)', '月其他收入(元)', '联系电话', '备注',
];

async function template() {
  const file = await h.call('registry.importTemplate', {});
  return { file, wb: await readWorkbook(file.base64) };
}

describe('registry.importTemplate', () => {
  test('has the documented header row and nothing below it', async () => {
    const { file, wb } = await template();
    expect(file.fileName).toBe('家庭成员导入模板_20240305.xlsx');
    expect(IMPORT_COLUMNS.map((c) => c.header)).toEqual(DOCUMENTED);
    expect(wb.worksheets[0]!.name).toBe(IMPORT_SHEET);
    const ws = wb.getWorksheet(IMPORT_SHEET)!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(DOCUMENTED);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.actualRowCount).toBe(1);
    // ID numbers and accounts are typed into text cells.
    expect(ws.getColumn(DOCUMENTED.indexOf('身份证号码') + 1).numFmt).toBe('@');
    expect(ws.getColumn(DOCUMENTED.indexOf('银行账号') + 1).numFmt).toBe('@');
    // A dropdown of the street's communities and of the relation labels.
    const relation = ws.getCell(2, DOCUMENTED.indexOf('与户主关系') + 1).dataValidation;
    expect(relation).toMatchObject({ type: 'list' });
    expect(ws.getCell(2, DOCUMENTED.indexOf('社区') + 1).dataValidation).toMatchObject({ type: 'list' });
  });

  test('explains every column in 填写说明, with the street’s communities and valid examples', async () => {
    const { wb } = await template();
    const guide = wb.getWorksheet(GUIDE_SHEET)!;
    const texts: string[] = [];
    guide.eachRow((row) => texts.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')).join('|')));
    const all = texts.join('\n');
    for (const header of DOCUMENTED) expect(texts.some((t) => t.startsWith(`${header}|`)), header).toBe(true);
    expect(all).toContain('户主、配偶、夫、妻、子、女');
    expect(all).toContain('低保、低保边缘/低收入');
    const communities = await h.call('org.listCommunities', {});
    expect(all).toContain(communities[0]!.name);
    const ids = all.match(/\b\d{17}[\dX]\b/g) ?? [];
    expect(ids.length).toBeGreaterThanOrEqual(3);
    for (const id of ids.filter((x) => x.startsWith('120110'))) expect(parseIdNumber(id).ok, id).toBe(true);
  });

  test('the examples in 填写说明, copied into 导入数据, import without errors', async () => {
    const { wb } = await template();
    const guide = wb.getWorksheet(GUIDE_SHEET)!;
    let start = 0;
    guide.eachRow((row, n) => {
      if (row.getCell(1).value === '户编号' && row.getCell(2).value === '社区') start = n;
    });
    expect(start).toBeGreaterThan(0);
    const data = wb.getWorksheet(IMPORT_SHEET)!;
    for (let n = start + 1; n <= guide.rowCount; n++) {
      data.addRow((guide.getRow(n).values as unknown[]).slice(1));
    }
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const p = await h.call('registry.importPreview', { fileName: '模板.xlsx', base64 });
    expect(p).toMatchObject({ totalRows: 3, validHouseholds: 2, validPersons: 3, errors: [] });
  });

  test('docs/import-template.md documents the same columns', () => {
    const doc = fs.readFileSync(path.resolve(__dirname, '../../../../docs/import-template.md'), 'utf8');
    for (const c of IMPORT_COLUMNS) expect(doc, c.header).toContain(`| ${c.header} |`);
  });
});
