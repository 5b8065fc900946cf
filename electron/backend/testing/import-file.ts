/**
 * A generated import workbook (template sheet and headers): households of two members each, with
 * valid, distinct ID numbers. For tests and benches of the Excel import at size.
 */
import ExcelJS from 'exceljs';
import { makeIdNumber } from '../../../shared/id-number';
import { IMPORT_COLUMNS, IMPORT_SHEET } from '../services/registry/excel-columns';

type Row = Partial<Record<string, string | number>>;

/** The birth date of household i (a week of households per day from 1940, so ID numbers never repeat). */
function birth(i: number): string {
  return new Date(Date.UTC(1940, 0, 1) + Math.floor(i / 7) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
}

/** Rows of `households` two-member households in `community`; `idOf(i, member)` overrides an ID number. */
export function importRows(community: string, households: number, idOf?: (i: number, member: 0 | 1) => string | undefined): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < households; i++) {
    const id = (m: 0 | 1) => idOf?.(i, m) ?? makeIdNumber('120110', birth(i), 100 + (i % 7) * 2 + m);
    rows.push(
      { 户编号: String(i + 1), 社区: community, 家庭住址: `詹滨西里${i + 1}号`, 户籍类型: '城镇', 救助类别: '低保', 姓名: '张建国', 身份证号码: id(0), 与户主关系: '户主' },
      { 户编号: String(i + 1), 姓名: '李淑芬', 身份证号码: id(1), 与户主关系: '妻' },
    );
  }
  return rows;
}

/**
 * The rows as an .xlsx file in base64, as the page uploads it: a header row, then a row per record.
 * The template's sheet, with every template column unless `headers` names others (a test of a wrong file).
 */
export async function importWorkbook(rows: Row[], headers = IMPORT_COLUMNS.map((c) => c.header)): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(IMPORT_SHEET);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(headers.map((hd) => r[hd] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}
