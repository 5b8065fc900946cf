/**
 * Reading an uploaded import workbook: decode, open, find the data sheet and its header row, and
 * return the non-empty data rows as plain cell values by column. Anything that makes the file
 * unusable as a whole is refused with 'import-invalid' and a message naming what is wrong.
 */
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { AppError } from '../../../../shared/errors';
import { cellScalar, type CellScalar } from './excel-cells';
import {
  GUIDE_SHEET,
  IGNORED_HEADERS,
  IMPORT_COLUMNS,
  IMPORT_SHEET,
  normalizeHeader,
  type ColumnKey,
} from './excel-columns';
import { MAX_IMPORT_ROWS, MAX_PHYSICAL_ROWS } from './excel-limits';
import { checkXlsxBounds, NOT_XLSX } from './xlsx-guard';
import { mapHeaderTexts } from './header-map';

export interface SheetRow {
  /** 1-based worksheet row number, as Excel shows it. */
  row: number;
  cells: Partial<Record<ColumnKey, CellScalar>>;
}

export interface ImportSheet {
  sheetName: string;
  headerRow: number;
  /** The columns present in the file. */
  columns: Set<ColumnKey>;
  rows: SheetRow[];
}

function invalid(message: string, details?: unknown): AppError {
  return new AppError('import-invalid', message, { details });
}

/** The bytes of an uploaded .xlsx (refused unless base64 of a ZIP archive); also the department intake's. */
export function decode(fileName: string, base64: string): Buffer {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext && ext !== 'xlsx') {
    throw invalid(`只能导入 .xlsx 格式的 Excel 文件，“${fileName}”是 .${ext} 文件。请在 Excel 中“另存为”Excel 工作簿(*.xlsx)后再导入`);
  }
  const clean = base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) {
    throw invalid('文件内容无法读取（上传的数据不完整或已损坏），请重新选择文件');
  }
  const buf = Buffer.from(clean, 'base64');
  // Every .xlsx is a ZIP archive: local file header "PK\x03\x04".
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw invalid(NOT_XLSX);
  return buf;
}

export async function open(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    // Dropdowns and conditional formats are not needed to read values, and expanding them is slow.
    const options = { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst'], maxRows: MAX_PHYSICAL_ROWS };
    await wb.xlsx.load(buf as unknown as Parameters<typeof wb.xlsx.load>[0], options as Parameters<typeof wb.xlsx.load>[1]);
  } catch (err) {
    if (/Max .* count .* exceeded/i.test(String((err as Error)?.message))) {
      throw invalid(`文件行数过多：导入文件最多${MAX_IMPORT_ROWS.toLocaleString('en-US')}行，请拆分为多个文件分批导入`);
    }
    throw invalid(NOT_XLSX);
  }
  return wb;
}

function pickSheet(wb: ExcelJS.Workbook): Worksheet {
  const named = wb.getWorksheet(IMPORT_SHEET);
  if (named) return named;
  const first = wb.worksheets.find((ws) => ws.name !== GUIDE_SHEET && ws.state === 'visible') ?? wb.worksheets[0];
  if (!first) throw invalid('文件中没有工作表');
  return first;
}

const BY_HEADER = new Map(IMPORT_COLUMNS.map((c) => [normalizeHeader(c.header), c.key] as const));

function headerTexts(ws: Worksheet, rowNumber: number): { col: number; text: string }[] {
  const out: { col: number; text: string }[] = [];
  ws.getRow(rowNumber).eachCell({ includeEmpty: false }, (cell, col) => {
    const v = cellScalar(cell.value);
    if (v !== null) out.push({ col, text: normalizeHeader(String(v)) });
  });
  return out;
}

/** The header is the first of the top ten rows that names at least three template columns. */
function findHeaderRow(ws: Worksheet): number {
  for (let r = 1; r <= Math.min(10, ws.rowCount); r++) {
    if (headerTexts(ws, r).filter((h) => BY_HEADER.has(h.text)).length >= 3) return r;
  }
  return 1;
}

function mapHeader(ws: Worksheet, headerRow: number): Map<number, ColumnKey> {
  const { byCol, missing, unknown, duplicate, problems } = mapHeaderTexts(headerTexts(ws, headerRow), BY_HEADER, IMPORT_COLUMNS, IGNORED_HEADERS);
  if (problems.length) {
    throw invalid(
      `工作表“${ws.name}”第${headerRow}行的列名与导入模板不符：${problems.join('；')}。请下载导入模板，按模板的列名填写`,
      { sheet: ws.name, headerRow, missing, unknown, duplicate },
    );
  }
  return byCol;
}

/** Rows read so far of the sheet's rows below the header (told every ROWS_PER_STEP rows and at the end). */
export type RowsRead = (done: number, total: number) => void;
const ROWS_PER_STEP = 200;

export async function readImportSheet(fileName: string, base64: string, onRows?: RowsRead): Promise<ImportSheet> {
  const buf = decode(fileName, base64);
  await checkXlsxBounds(buf);
  const wb = await open(buf);
  const ws = pickSheet(wb);
  const headerRow = findHeaderRow(ws);
  const byCol = mapHeader(ws, headerRow);
  const rows: SheetRow[] = [];
  const below = Math.max(0, ws.rowCount - headerRow);
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= headerRow) return;
    if (onRows && (rowNumber - headerRow) % ROWS_PER_STEP === 0) onRows(rowNumber - headerRow, below);
    const cells: Partial<Record<ColumnKey, CellScalar>> = {};
    let any = false;
    for (const [col, key] of byCol) {
      const v = cellScalar(row.getCell(col).value);
      if (v !== null) {
        cells[key] = v;
        any = true;
      }
    }
    if (any) rows.push({ row: rowNumber, cells });
  });
  if (rows.length > MAX_IMPORT_ROWS) {
    throw invalid(
      `文件数据过多：共${rows.length.toLocaleString('en-US')}行，一次最多导入${MAX_IMPORT_ROWS.toLocaleString('en-US')}行，请拆分为多个文件分批导入`,
    );
  }
  if (rows.length === 0) throw invalid(`工作表“${ws.name}”中没有数据：请在列名下方逐行填写家庭成员`);
  onRows?.(below, below);
  return { sheetName: ws.name, headerRow, columns: new Set(byCol.values()), rows };
}
