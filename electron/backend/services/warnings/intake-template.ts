/**
 * The column template of a department source: sheet 导入数据 with only the header row (notes on
 * each column, text format where digits must survive), sheet 填写说明 with the rules, each column's
 * requirements and one example row (never on the data sheet, so it cannot be imported by accident).
 */
import ExcelJS from 'exceljs';
import type { FileOut } from '../../../../shared/registry/types';
import { DEPARTMENT_SOURCE_LABELS, type DepartmentSource } from '../../../../shared/warnings/types';
import type { Store } from '../../store/store';
import { fileDate, HEADER_FILL, inertRow, REQUIRED_FILL, safeFileName, styleHeaderRow, TEXT_FORMAT, toFileOut } from '../registry/excel-cells';
import { GUIDE_SHEET, IMPORT_SHEET } from '../registry/excel-columns';
import { SOURCE_COLUMNS } from './intake-columns';
import { MAX_DEPARTMENT_ROWS } from './intake-read';

function rules(source: DepartmentSource): string[] {
  return [
    `1. 在“${IMPORT_SHEET}”工作表中填写，每行一条${DEPARTMENT_SOURCE_LABELS[source]}数据；第一行为列名，请勿修改、删除。最多${MAX_DEPARTMENT_ROWS.toLocaleString('en-US')}行。`,
    '2. 也可导入 CSV 文件（UTF-8 或 GBK 编码），第一行为相同的列名。',
    '3. 导入时填写数据期间（起止日期）；各行的日期（月份）须在该期间内，且不能晚于今天。',
    '4. 导入前逐行检查并按行号和列名列出错误；有任何错误时整个文件都不导入，请改正后重新上传。',
    '5. 按身份证号码与本街道登记的人员比对：匹配的行记入该人员的部门数据；未匹配且住址属于本街道的行列为“待登记线索”。',
    '6. 同一个文件只能导入一次。黄色列名为必填列。',
  ];
}

export async function buildDepartmentTemplate(store: Store, source: DepartmentSource): Promise<FileOut> {
  const columns = SOURCE_COLUMNS[source];
  const wb = new ExcelJS.Workbook();
  wb.creator = '兜底保障工作台';
  wb.created = store.nowDate();
  const data = wb.addWorksheet(IMPORT_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  data.columns = columns.map((c) => ({ key: c.key, width: c.width, style: c.text ? { numFmt: TEXT_FORMAT } : {} }));
  const header = data.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.note = `${c.required ? '【必填】' : '【选填】'}${c.note}`;
  });
  styleHeaderRow(header, (col) => (columns[col - 1]!.required ? REQUIRED_FILL : HEADER_FILL));

  const guide = wb.addWorksheet(GUIDE_SHEET);
  guide.columns = [{ width: 20 }, { width: 8 }, { width: 70 }];
  guide.addRow([`${DEPARTMENT_SOURCE_LABELS[source]}数据导入模板 填写说明`]).font = { bold: true, size: 14 };
  for (const r of rules(source)) guide.addRow([r]);
  guide.addRow([]);
  styleHeaderRow(guide.addRow(['列名', '是否必填', '填写要求']));
  for (const c of columns) guide.addRow([c.header, c.required ? '必填' : '选填', c.note]).alignment = { vertical: 'top', wrapText: true };
  guide.addRow([]);
  guide.addRow([`示例（仅供参考，请勿将示例复制到“${IMPORT_SHEET}”）`]).font = { bold: true };
  styleHeaderRow(guide.addRow(columns.map((c) => c.header)));
  const ex = guide.addRow(inertRow(columns.map((c) => c.example)));
  columns.forEach((c, i) => {
    if (c.text) ex.getCell(i + 1).numFmt = TEXT_FORMAT;
  });
  const bytes = await wb.xlsx.writeBuffer();
  return toFileOut(`${safeFileName(DEPARTMENT_SOURCE_LABELS[source].split('（')[0]!)}数据导入模板_${fileDate(store)}.xlsx`, bytes as ArrayBuffer);
}
