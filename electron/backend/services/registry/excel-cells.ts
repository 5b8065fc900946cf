/** Small helpers shared by the Excel export, template and import: cell values, header styling, files. */
import { PassThrough } from 'node:stream';
import type { CellErrorValue, CellValue, Fill, Font, Row } from 'exceljs';
import type { FileOut } from '../../../../shared/registry/types';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Store } from '../../store/store';

/** A cell reduced to a plain value: text, number, boolean or date; null when empty. */
export type CellScalar = string | number | boolean | Date | null;

export function cellScalar(v: CellValue | undefined): CellScalar {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return cellScalar(v.richText.map((t) => t.text).join(''));
    if ('formula' in v || 'sharedFormula' in v) return cellScalar((v as { result?: CellValue }).result);
    if ('hyperlink' in v && 'text' in v) return cellScalar((v as { text: CellValue }).text);
    if ('error' in v) return String((v as CellErrorValue).error);
  }
  return null;
}

/**
 * Text a spreadsheet program could take for a formula (= + - @, tab, CR; and the full-width forms,
 * which Chinese input methods type and some programs convert) is written with a leading apostrophe:
 * shown as text, never evaluated, in Excel, WPS or LibreOffice, even after a save as CSV. Every
 * export writes its rows through this; numbers (negative ones too) and dates pass unchanged.
 */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

export function inertText(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

export function inertRow<T>(values: T[]): (T | string)[] {
  return values.map((v) => (typeof v === 'string' ? inertText(v) : v));
}

/** Date cell as YYYY-MM-DD (Excel dates have no time zone: read as UTC). */
export function dateText(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Header row: bold on a light fill, frozen, with an autofilter over the data. */
export const HEADER_FONT: Partial<Font> = { bold: true };
export const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
export const REQUIRED_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
export const TEXT_FORMAT = '@';

export function styleHeaderRow(row: Row, fills?: (col: number) => Fill): void {
  row.font = HEADER_FONT;
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.height = 20;
  row.eachCell((cell, col) => {
    cell.font = HEADER_FONT;
    cell.fill = fills ? fills(col) : HEADER_FILL;
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF999999' } } };
  });
}

/** Excel's A..Z, AA.. column letters for a 1-based column number. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export function toFileOut(fileName: string, bytes: Buffer | ArrayBuffer | Uint8Array): FileOut {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes as ArrayBuffer);
  return { fileName, base64: buf.toString('base64') };
}

/** A sink for the streaming writer that collects the file's bytes; `bytes` resolves once it ends. */
export function collectingStream(): { stream: PassThrough; bytes: Promise<Buffer> } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
  return { stream, bytes };
}

/** YYYYMMDD of today in Asia/Shanghai, for file names. */
export function fileDate(store: Store): string {
  return shanghaiDate(store.nowDate()).replace(/-/g, '');
}

/** An ISO instant shown as Shanghai local time, YYYY-MM-DD HH:mm. */
export function shanghaiDateTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function streetName(store: Store, streetCode: string): string {
  const row = store.prepare('SELECT name FROM streets WHERE code = ? AND deleted_at IS NULL').get(streetCode) as
    | { name: string }
    | undefined;
  return row?.name ?? streetCode;
}

/** Characters Windows and macOS refuse in file names. */
export function safeFileName(s: string): string {
  return s.replace(/[\\/:*?"<>|\s]+/g, '');
}
