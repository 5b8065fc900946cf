/**
 * Reading a department file (runs in the import reader's thread, registry/excel-read-worker.ts):
 * an .xlsx through the registry import's decoder and guards, or a CSV (UTF-8 with or without BOM,
 * or GBK/GB18030 as Excel on a Chinese Windows saves it). The header row is mapped onto the
 * source's columns; a missing required column or an unknown one refuses the file, naming them.
 */
import type { Worksheet } from 'exceljs';
import { AppError } from '../../../../shared/errors';
import { DEPARTMENT_SOURCE_LABELS, type DepartmentSource } from '../../../../shared/warnings/types';
import { cellScalar, type CellScalar } from '../registry/excel-cells';
import { GUIDE_SHEET, IMPORT_SHEET, normalizeHeader } from '../registry/excel-columns';
import { decode, open } from '../registry/excel-import-read';
import { checkXlsxBounds } from '../registry/xlsx-guard';
import { IGNORED_INTAKE_HEADERS, SOURCE_COLUMNS } from './intake-columns';
import { mapHeaderTexts } from '../registry/header-map';

export interface DepartmentRow {
  /** 1-based row number as Excel (or a text editor, for CSV) shows it. */
  row: number;
  cells: Record<string, CellScalar>;
}

export interface DepartmentSheet {
  format: 'xlsx' | 'csv';
  /** How a CSV's text was decoded. */
  encoding: 'utf-8' | 'gb18030' | null;
  headerRow: number;
  rows: DepartmentRow[];
}

/** Rows one department file may hold (a month of the district's 医保 settlements fits). */
export const MAX_DEPARTMENT_ROWS = 200_000;

const invalid = (message: string, details?: unknown) => new AppError('import-invalid', message, { details });

/** A CSV's text: UTF-8 (BOM or not) when it decodes as such, otherwise GB18030 (a superset of GBK). */
export function decodeCsvText(buf: Buffer): { text: string; encoding: 'utf-8' | 'gb18030' } {
  const body = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(body), encoding: 'gb18030' };
  }
}

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. Yields [line, fields]. */
export function* csvRecords(text: string): Generator<[number, string[]]> {
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    for (;;) {
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n) break;
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') line++;
          field += c;
          i++;
        }
      }
      let j = i;
      while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
      field += text.slice(i, j);
      i = j;
      fields.push(field);
      field = '';
      if (i < n && text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      break;
    }
    yield [start, fields];
  }
}

const csvCell = (s: string | undefined): CellScalar => {
  const t = (s ?? '').trim();
  return t === '' ? null : t;
};

interface Header {
  byCol: Map<number, string>;
}

function mapHeader(source: DepartmentSource, texts: { col: number; text: string }[], where: string): Header {
  const columns = SOURCE_COLUMNS[source];
  const byHeader = new Map(columns.map((c) => [normalizeHeader(c.header), c.key] as const));
  const { byCol, missing, unknown, duplicate, problems } = mapHeaderTexts<string>(texts, byHeader, columns, IGNORED_INTAKE_HEADERS);
  if (problems.length) {
    throw invalid(
      `${where}的列名与${DEPARTMENT_SOURCE_LABELS[source]}导入模板不符：${problems.join('；')}。请下载该来源的导入模板，按模板的列名填写`,
      { missing, unknown, duplicate },
    );
  }
  return { byCol };
}

/** The header is the first of the top ten rows naming at least two of the source's columns. */
function headerIndex(source: DepartmentSource, rows: { col: number; text: string }[][]): number {
  const known = new Set(SOURCE_COLUMNS[source].map((c) => normalizeHeader(c.header)));
  const i = rows.slice(0, 10).findIndex((r) => r.filter((h) => known.has(h.text)).length >= 2);
  return Math.max(0, i);
}

function checkCount(rows: DepartmentRow[]): void {
  if (rows.length > MAX_DEPARTMENT_ROWS) {
    throw invalid(`文件数据过多：共${rows.length.toLocaleString('en-US')}行，一次最多导入${MAX_DEPARTMENT_ROWS.toLocaleString('en-US')}行，请拆分后分批导入`);
  }
  if (rows.length === 0) throw invalid('文件中没有数据：请在列名下方逐行填写');
}

function readCsv(source: DepartmentSource, buf: Buffer): DepartmentSheet {
  const { text, encoding } = decodeCsvText(buf);
  const records = [...csvRecords(text)];
  const texts = (fields: string[]) =>
    fields.map((f, col) => ({ col, text: normalizeHeader(f) })).filter((h) => h.text !== '');
  const h = headerIndex(source, records.slice(0, 10).map(([, f]) => texts(f)));
  const header = records[h];
  if (!header) throw invalid('文件中没有数据：请在列名下方逐行填写');
  const { byCol } = mapHeader(source, texts(header[1]), `CSV 文件第${header[0]}行`);
  const rows: DepartmentRow[] = [];
  for (const [line, fields] of records.slice(h + 1)) {
    const cells: Record<string, CellScalar> = {};
    let any = false;
    for (const [col, key] of byCol) {
      const v = csvCell(fields[col]);
      if (v !== null) {
        cells[key] = v;
        any = true;
      }
    }
    if (any) rows.push({ row: line, cells });
  }
  checkCount(rows);
  return { format: 'csv', encoding, headerRow: header[0], rows };
}

function sheetTexts(ws: Worksheet, r: number): { col: number; text: string }[] {
  const out: { col: number; text: string }[] = [];
  ws.getRow(r).eachCell({ includeEmpty: false }, (cell, col) => {
    const v = cellScalar(cell.value);
    if (v !== null) out.push({ col, text: normalizeHeader(String(v)) });
  });
  return out;
}

async function readXlsx(source: DepartmentSource, fileName: string, base64: string, onRows?: (done: number, total: number) => void): Promise<DepartmentSheet> {
  const buf = decode(fileName, base64);
  await checkXlsxBounds(buf);
  const wb = await open(buf);
  const ws =
    wb.getWorksheet(IMPORT_SHEET) ?? wb.worksheets.find((w) => w.name !== GUIDE_SHEET && w.state === 'visible') ?? wb.worksheets[0];
  if (!ws) throw invalid('文件中没有工作表');
  const top = Array.from({ length: Math.min(10, ws.rowCount) }, (_, i) => sheetTexts(ws, i + 1));
  const headerRow = headerIndex(source, top) + 1;
  const { byCol } = mapHeader(source, sheetTexts(ws, headerRow), `工作表“${ws.name}”第${headerRow}行`);
  const rows: DepartmentRow[] = [];
  const below = Math.max(0, ws.rowCount - headerRow);
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n <= headerRow) return;
    if (onRows && (n - headerRow) % 500 === 0) onRows(n - headerRow, below);
    const cells: Record<string, CellScalar> = {};
    let any = false;
    for (const [col, key] of byCol) {
      const v = cellScalar(row.getCell(col).value);
      if (v !== null) {
        cells[key] = v;
        any = true;
      }
    }
    if (any) rows.push({ row: n, cells });
  });
  checkCount(rows);
  return { format: 'xlsx', encoding: null, headerRow, rows };
}

export function fileFormat(fileName: string): 'xlsx' | 'csv' {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'csv') return 'csv';
  if (ext === 'xlsx' || !ext) return 'xlsx';
  throw invalid(`只能导入 .xlsx 格式的 Excel 文件或 .csv 文件，“${fileName}”是 .${ext} 文件。请在 Excel 中“另存为”Excel 工作簿(*.xlsx)或 CSV 后再导入`);
}

export async function readDepartmentFile(
  source: DepartmentSource,
  fileName: string,
  base64: string,
  onRows?: (done: number, total: number) => void,
): Promise<DepartmentSheet> {
  if (fileFormat(fileName) === 'xlsx') return readXlsx(source, fileName, base64, onRows);
  const sheet = readCsv(source, Buffer.from(base64.replace(/\s+/g, ''), 'base64'));
  onRows?.(sheet.rows.length, sheet.rows.length);
  return sheet;
}
