import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeHarness, type Harness } from '../../testing/harness';
import { deflateRepeated, writeZip, type ZipEntry } from '../../testing/zip-writer';
import { MAX_IMPORT_CELLS, MAX_INFLATED_BYTES, MAX_SHEETS, MAX_ZIP_ENTRIES } from './excel-limits';

// Uploads built to exhaust memory: before these limits a 2 MB upload took the process to 2.6 GB.

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}"><sheetData>`;
const SHEET_TAIL = '</sheetData></worksheet>';

/** The parts of a minimal workbook around `sheets` (worksheet parts, in order). */
function workbook(sheets: ZipEntry[]): ZipEntry[] {
  const text = (name: string, s: string): ZipEntry => ({ name, data: Buffer.from(s) });
  const ids = sheets.map((_, i) => i + 1);
  return [
    text('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${ids.map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`),
    text('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    text('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${ids.map((i) => `<sheet name="导入数据${i}" sheetId="${i}" r:id="rId${i}"/>`).join('')}</sheets></workbook>`),
    text('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${ids.map((i) => `<Relationship Id="rId${i}" Type="${REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('')}</Relationships>`),
    ...sheets,
  ];
}

const sheet = (i: number, rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>户编号</t></is></c></row>'): ZipEntry => ({
  name: `xl/worksheets/sheet${i}.xml`,
  data: Buffer.from(SHEET_HEAD + rows + SHEET_TAIL),
});

/** A worksheet of `mb` megabytes of spaces: about 1000:1 compressed. */
async function bombSheet(mb: number, declaredSize?: number): Promise<ZipEntry> {
  const deflated = await deflateRepeated(SHEET_HEAD, Buffer.alloc(1024 * 1024, 0x20), mb, SHEET_TAIL);
  return { name: 'xl/worksheets/sheet1.xml', deflated, declaredSize };
}

const peakMb = () => process.resourceUsage().maxRSS / 1024;

/** importPreview of `zip`; the refusal, and how far the process's peak memory rose meanwhile. */
async function upload(zip: Buffer) {
  const before = peakMb();
  const started = Date.now();
  const env = await h.raw('registry.importPreview', { fileName: '名单.xlsx', base64: zip.toString('base64') });
  return { env, grewMb: peakMb() - before, ms: Date.now() - started };
}

describe('bounded Excel import', () => {
  test('a zip bomb (300 MB of one byte in a 300 KB upload) is refused before inflating', async () => {
    const zip = writeZip(workbook([await bombSheet(300)]));
    expect(zip.length).toBeLessThan(2 * 1024 * 1024);
    const { env, grewMb } = await upload(zip);
    expect(grewMb).toBeLessThan(150);
    expect(env).toMatchObject({ ok: false, error: { code: 'import-too-large' } });
    expect(!env.ok && env.error.message).toContain(`${MAX_INFLATED_BYTES / 1024 / 1024} MB`);
  }, 120_000);

  test('a bomb whose central directory says 1 KB is stopped while inflating, past the size it declared', async () => {
    const zip = writeZip(workbook([await bombSheet(300, 1024)]));
    const { env, grewMb } = await upload(zip);
    expect(env).toMatchObject({ ok: false, error: { code: 'import-invalid' } });
    expect(!env.ok && env.error.message).toContain('超过了文件中记录的大小');
    expect(grewMb).toBeLessThan(150);
  }, 120_000);

  test(`more than ${MAX_IMPORT_CELLS.toLocaleString('en-US')} cells are refused while counting, before ExcelJS holds them`, async () => {
    const cell = Buffer.from('<c r="A1" t="n"><v>1</v></c>');
    const deflated = await deflateRepeated(`${SHEET_HEAD}<row r="1">`, Buffer.concat(Array.from({ length: 1000 }, () => cell)), MAX_IMPORT_CELLS / 1000 + 1, `</row>${SHEET_TAIL}`);
    const { env, grewMb } = await upload(writeZip(workbook([{ name: 'xl/worksheets/sheet1.xml', deflated }])));
    expect(env).toMatchObject({ ok: false, error: { code: 'import-too-large' } });
    expect(!env.ok && env.error.message).toContain('单元格过多');
    expect(grewMb).toBeLessThan(150);
  }, 120_000);

  test(`more than ${MAX_SHEETS} worksheets or ${MAX_ZIP_ENTRIES} parts are refused`, async () => {
    const many = await upload(writeZip(workbook(Array.from({ length: MAX_SHEETS + 1 }, (_, i) => sheet(i + 1)))));
    expect(many.env).toMatchObject({ ok: false, error: { code: 'import-too-large' } });
    expect(!many.env.ok && many.env.error.message).toContain(`最多${MAX_SHEETS}个`);
    const parts = Array.from({ length: MAX_ZIP_ENTRIES }, (_, i): ZipEntry => ({ name: `docProps/x${i}.xml`, data: Buffer.from('<x/>') }));
    const crowded = await upload(writeZip([...workbook([sheet(1)]), ...parts]));
    expect(crowded.env).toMatchObject({ ok: false, error: { code: 'import-too-large' } });
  });

  test('a small workbook of the same hand-made kind is read (the limits refuse only what passes them)', async () => {
    const { env } = await upload(writeZip(workbook([sheet(1)])));
    // It gets as far as the header check: a real refusal about the columns, not the size.
    expect(env).toMatchObject({ ok: false, error: { code: 'import-invalid' } });
    expect(!env.ok && env.error.message).toContain('缺少列');
  });
});
