/**
 * Bounds an uploaded .xlsx (a ZIP archive) before ExcelJS inflates it whole: the central directory
 * is read first and the archive refused when its entry count, worksheet count or declared inflated
 * sizes pass the limits; then every entry is inflated as a stream and counted, never kept, and
 * refused the moment it passes its declared size (declared sizes can lie) or the cells pass the
 * limit. The archive is read as JSZip (inside ExcelJS) will read it, so what is checked is what is
 * later parsed.
 */
import zlib from 'node:zlib';
import { AppError } from '../../../../shared/errors';
import { MAX_IMPORT_CELLS, MAX_INFLATED_BYTES, MAX_SHEETS, MAX_ZIP_ENTRIES, MAX_IMPORT_ROWS } from './excel-limits';

export const NOT_XLSX = '文件不是有效的 .xlsx 格式 Excel 文件（可能已损坏，或是 .xls、CSV 等其他格式，或设置了打开密码）。请用导入模板填写，在 Excel 中保存为“Excel 工作簿(*.xlsx)”后再导入';

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const SPLIT = `导入文件最多${MAX_IMPORT_ROWS.toLocaleString('en-US')}行：请删除无关的工作表、图片和格式，或拆分为多个文件分批导入`;

const invalid = (message = NOT_XLSX) => new AppError('import-invalid', message);
const tooLarge = (message: string, details: Record<string, unknown>) => new AppError('import-too-large', message, { details });

/** The central directory, walked as JSZip walks it. ZIP64 (over 4 GB or 65,535 entries) is refused. */
function centralDirectory(buf: Buffer): Entry[] {
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw invalid();
  const count = buf.readUInt16LE(end + 10);
  const cdSize = buf.readUInt32LE(end + 12);
  const cdOffset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw tooLarge(`文件过大（ZIP64 格式）。${SPLIT}`, {});
  if (cdOffset + cdSize !== end) throw invalid();
  const entries: Entry[] = [];
  for (let at = cdOffset; at + 46 <= end && buf.readUInt32LE(at) === CENTRAL; ) {
    const nameLength = buf.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    if (next > end) throw invalid();
    entries.push({
      flags: buf.readUInt16LE(at + 8),
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
      localOffset: buf.readUInt32LE(at + 42),
    });
    if (entries.length > MAX_ZIP_ENTRIES) break;
    at = next;
  }
  if (entries.length <= MAX_ZIP_ENTRIES && entries.length !== count) throw invalid();
  return entries;
}

/** The stored bytes of an entry: after its local header, as long as the central directory says. */
function compressedData(buf: Buffer, e: Entry): Buffer {
  const at = e.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw invalid();
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  if (start + e.compressedSize > buf.length) throw invalid();
  return buf.subarray(start, start + e.compressedSize);
}

const isSheet = (name: string) => /^\/?xl\/worksheets\/[^/]+\.xml$/i.test(name);

function checkDeclared(entries: Entry[]): void {
  if (entries.length > MAX_ZIP_ENTRIES) {
    throw tooLarge(`文件结构异常：压缩包内的部件超过${MAX_ZIP_ENTRIES}个（Excel 工作簿通常只有几十个）。${SPLIT}`, { limit: MAX_ZIP_ENTRIES });
  }
  const sheets = entries.filter((e) => isSheet(e.name)).length;
  if (sheets > MAX_SHEETS) {
    throw tooLarge(`工作表过多：文件中有${sheets}个工作表，最多${MAX_SHEETS}个。请只保留要导入的工作表`, { sheets, limit: MAX_SHEETS });
  }
  let total = 0;
  for (const e of entries) {
    if (e.flags & 1) throw invalid(); // encrypted
    if (e.method !== 0 && e.method !== 8) throw invalid();
    if (e.method === 0 && e.size !== e.compressedSize) throw invalid();
    total += e.size;
    if (e.size > MAX_INFLATED_BYTES || total > MAX_INFLATED_BYTES) {
      throw tooLarge(`文件解压后超过${MB(MAX_INFLATED_BYTES)}的上限（“${e.name}”）。${SPLIT}`, { entry: e.name, limit: MAX_INFLATED_BYTES });
    }
  }
}

/** Counts cell elements (`<c `, `<c>`, `<c/>`) of one worksheet part, across chunk boundaries. */
class CellCounter {
  private carry = '';

  count(chunk: Buffer): number {
    const text = this.carry + chunk.toString('latin1');
    let n = 0;
    for (let i = text.indexOf('<c'); i >= 0 && i + 2 < text.length; i = text.indexOf('<c', i + 2)) {
      if (' \t\r\n>/'.includes(text[i + 2]!)) n++;
    }
    this.carry = text.slice(-2);
    return n;
  }
}

/** Inflates one entry as a stream, passing each chunk to `sink`; refuses past `limit` bytes. */
function inflateCounted(data: Buffer, limit: number, sink: (chunk: Buffer) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = zlib.createInflateRaw();
    let size = 0;
    let stopped = false;
    const stop = (err: AppError) => {
      if (stopped) return;
      stopped = true;
      inflate.destroy();
      reject(err);
    };
    inflate.on('data', (chunk: Buffer) => {
      if (stopped) return;
      size += chunk.length;
      if (size > limit) return stop(invalid(`文件已损坏：压缩包内部件解压后的大小超过了文件中记录的大小，拒绝读取。${SPLIT}`));
      try {
        sink(chunk);
      } catch (err) {
        stop(err as AppError);
      }
    });
    inflate.on('error', () => stop(invalid()));
    inflate.on('end', () => {
      if (!stopped) resolve(size);
    });
    inflate.end(data);
  });
}

/** Refuses an upload that would cost more than the limits to read; reads nothing into memory. */
export async function checkXlsxBounds(buf: Buffer): Promise<void> {
  const entries = centralDirectory(buf);
  checkDeclared(entries);
  let cells = 0;
  for (const e of entries) {
    const data = compressedData(buf, e);
    const counter = isSheet(e.name) ? new CellCounter() : null;
    const sink = (chunk: Buffer) => {
      if (!counter) return;
      cells += counter.count(chunk);
      if (cells > MAX_IMPORT_CELLS) {
        throw tooLarge(`单元格过多：文件中的单元格超过${MAX_IMPORT_CELLS.toLocaleString('en-US')}个。${SPLIT}`, { limit: MAX_IMPORT_CELLS });
      }
    };
    if (e.method === 0) sink(data);
    else await inflateCounted(data, e.size, sink);
  }
}
