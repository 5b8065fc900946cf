/**
 * The import template (docs/import-template.md): sheet 导入数据 holds only the header row of the
 * documented columns (so no example is ever imported by accident), with text formats, notes and
 * dropdowns; sheet 填写说明 explains every column, lists the allowed values, this street's
 * communities and grids, and shows two example households; a hidden sheet 可选值 feeds the dropdowns.
 */
import ExcelJS from 'exceljs';
import type { DataValidation, Worksheet } from 'exceljs';
import { makeIdNumber } from '../../../../shared/id-number';
import type { FileOut } from '../../../../shared/registry/types';
import type { Store } from '../../store/store';
import { columnLetter, fileDate, HEADER_FILL, inertRow, REQUIRED_FILL, styleHeaderRow, TEXT_FORMAT, toFileOut } from './excel-cells';
import { GUIDE_SHEET, IMPORT_COLUMNS, IMPORT_SHEET, type ImportColumn } from './excel-columns';
import { MAX_IMPORT_ROWS } from './excel-limits';

const OPTIONS_SHEET = '可选值';

interface OrgNames {
  communities: string[];
  grids: { community: string; grid: string }[];
}

function orgNames(store: Store, streetCode: string): OrgNames {
  const communities = (
    store
      .prepare('SELECT name FROM communities WHERE street_code = ? AND deleted_at IS NULL ORDER BY sort_order, name')
      .all(streetCode) as { name: string }[]
  ).map((r) => r.name);
  const grids = (
    store
      .prepare(
        `SELECT c.name AS community, g.name AS grid FROM grids g JOIN communities c ON c.id = g.community_id
         WHERE g.street_code = ? AND g.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY c.sort_order, c.name, g.name`,
      )
      .all(streetCode) as { community: string; grid: string }[]
  );
  return { communities, grids };
}

/** Columns kept as text, so that Excel does not turn 18 digits or “02” into numbers. */
function isTextColumn(c: ImportColumn): boolean {
  return c.kind === 'digits' || c.kind === 'month' || c.key === 'relation';
}

function addValidation(ws: Worksheet, range: string, dv: DataValidation): void {
  (ws as unknown as { dataValidations: { add(range: string, dv: DataValidation): void } }).dataValidations.add(range, dv);
}

/** The dropdown lists (by column header) and their ranges on the hidden sheet. */
function optionLists(org: OrgNames): { lists: [string, string[]][]; refs: Map<string, string> } {
  const lists: [string, string[]][] = IMPORT_COLUMNS.filter((c) => c.kind === 'code' && c.options).map((c) => [
    c.header,
    c.options!.map((o) => o.label),
  ]);
  if (org.communities.length > 0) lists.push(['社区', org.communities]);
  const refs = new Map<string, string>();
  lists.forEach(([header, values], i) => {
    const L = columnLetter(i + 1);
    refs.set(header, `'${OPTIONS_SHEET}'!$${L}$2:$${L}$${values.length + 1}`);
  });
  return { lists, refs };
}

function buildOptionsSheet(wb: ExcelJS.Workbook, lists: [string, string[]][]): void {
  const ws = wb.addWorksheet(OPTIONS_SHEET, { state: 'hidden' });
  lists.forEach(([header, values], i) => {
    ws.getCell(1, i + 1).value = header;
    values.forEach((v, j) => (ws.getCell(j + 2, i + 1).value = v));
  });
}

function buildDataSheet(wb: ExcelJS.Workbook, refs: Map<string, string>): void {
  const ws = wb.addWorksheet(IMPORT_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  ws.columns = IMPORT_COLUMNS.map((c) => ({
    key: c.key,
    width: c.width,
    style: isTextColumn(c) ? { numFmt: TEXT_FORMAT } : {},
  }));
  const header = ws.getRow(1);
  IMPORT_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.note = `${c.required ? '【必填】' : '【选填】'}${c.level === 'household' ? '【每户填写，同户其他行可留空】' : ''}${c.note}`;
  });
  styleHeaderRow(header, (col) => (IMPORT_COLUMNS[col - 1]!.required ? REQUIRED_FILL : HEADER_FILL));
  const last = MAX_IMPORT_ROWS + 1;
  IMPORT_COLUMNS.forEach((c, i) => {
    const ref = refs.get(c.header);
    if (!ref) return;
    const strict = c.key === 'hukouType';
    addValidation(ws, `${columnLetter(i + 1)}2:${columnLetter(i + 1)}${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [ref],
      showErrorMessage: true,
      errorStyle: strict ? 'stop' : 'warning',
      errorTitle: c.header,
      error: strict ? `请从下拉列表中选择${c.header}` : `${c.header}不在下拉列表中；导入时将检查是否可以识别。`,
    });
  });
}

/** Two example households with valid generated ID numbers; shown only in 填写说明. */
function exampleRows(community: string): (string | number)[][] {
  const head = makeIdNumber('120110', '19580312', 131);
  const wife = makeIdNumber('120110', '19600705', 142);
  const single = makeIdNumber('120110', '19410920', 226);
  const hh1 = ['1', community, '', '詹滨西里3号楼2门301', '城镇', '022-24391234', '天津农商银行', '6228480402564890018', '张建国', '低保、困难残疾人', '', ''];
  const hh2 = ['2', community, '', '兴农里15号楼1门102', '农村', '', '', '', '', '特困分散供养', '', ''];
  const blank = hh1.map(() => '');
  blank[0] = '1';
  return [
    [...hh1, '张建国', head, '户主', '汉族', '已婚', '多病', '', '', '具备生活自理能力', '部分丧失劳动能力', '未登记失业', 0, 1200, '13820001234', ''],
    [...blank, '李淑芬', wife, '妻', '汉族', '已婚', '健康', '肢体残疾', '二级', '部分丧失生活自理能力', '无劳动能力', '无业', '', '', '', ''],
    [...hh2, '王秀兰', single, '户主', '回族', '丧偶', '重病', '', '', '完全丧失生活自理能力', '无劳动能力', '无业', '', 1580.5, '', '独居'],
  ];
}

const GENERAL_RULES = [
  `1. 在“${IMPORT_SHEET}”工作表中填写，每行一名家庭成员；第一行为列名，请勿修改、删除列名。最多${MAX_IMPORT_ROWS.toLocaleString('en-US')}行。`,
  '2. 户编号相同的行为同一家庭；每户须有且只有一名与户主关系为“户主”的成员。',
  '3. 家庭信息（户编号至核定月保障金各列）以本户第一行为准，同户其他行可以留空；如填写，须与第一行相同。',
  '4. 导入前系统逐行检查，按行号和列名列出错误；有错误的家庭整户不导入，其余家庭在确认后一次导入。',
  '5. 身份证号码、银行账号须为文本格式（模板已设置）；从其他表格粘贴时请选择“只粘贴值”。',
  '6. 黄色列名为必填列。下表列出每列的填写要求和可选值。',
];

function buildGuideSheet(wb: ExcelJS.Workbook, org: OrgNames): void {
  const ws = wb.addWorksheet(GUIDE_SHEET);
  ws.columns = [{ width: 16 }, { width: 8 }, { width: 12 }, { width: 60 }, { width: 60 }];
  const title = ws.addRow(['家庭成员导入模板 填写说明']);
  title.font = { bold: true, size: 14 };
  for (const rule of GENERAL_RULES) ws.addRow([rule]);
  ws.addRow([]);
  styleHeaderRow(ws.addRow(['列名', '是否必填', '填写级别', '填写要求', '可选值']));
  for (const c of IMPORT_COLUMNS) {
    const row = ws.addRow([
      c.header,
      c.required ? '必填' : '选填',
      c.level === 'household' ? '每户（第一行）' : '每人',
      c.note,
      c.options ? c.options.map((o) => o.label).join('、') : '',
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  ws.addRow([]);
  ws.addRow(['本街道的社区和网格']).font = { bold: true };
  if (org.communities.length === 0) ws.addRow(['（尚未建立社区，请先在“社区与网格”中建立）']);
  for (const name of org.communities) {
    const grids = org.grids.filter((g) => g.community === name).map((g) => g.grid);
    ws.addRow(inertRow([name, '', '', grids.length ? `网格：${grids.join('、')}` : '（未建网格）']));
  }
  ws.addRow([]);
  ws.addRow([`示例（仅供参考，请勿将示例复制到“${IMPORT_SHEET}”）：两户三人`]).font = { bold: true };
  const exHeader = ws.addRow(IMPORT_COLUMNS.map((c) => c.header));
  styleHeaderRow(exHeader);
  for (const r of exampleRows(org.communities[0] ?? '詹滨西里社区')) {
    const row = ws.addRow(r);
    IMPORT_COLUMNS.forEach((c, i) => {
      if (isTextColumn(c)) row.getCell(i + 1).numFmt = TEXT_FORMAT;
    });
  }
}

export async function buildImportTemplate(store: Store, streetCode: string): Promise<FileOut> {
  const org = orgNames(store, streetCode);
  const wb = new ExcelJS.Workbook();
  wb.creator = '兜底保障工作台';
  wb.created = store.nowDate();
  const { lists, refs } = optionLists(org);
  buildDataSheet(wb, refs);
  buildGuideSheet(wb, org);
  buildOptionsSheet(wb, lists);
  const bytes = await wb.xlsx.writeBuffer();
  return toFileOut(`家庭成员导入模板_${fileDate(store)}.xlsx`, bytes as ArrayBuffer);
}
