/**
 * Where the import reader's thread is found: beside the Electron bundle (the name build-electron.mjs
 * writes), else the tsx entry beside the sources; and a workbook read there arrives whole, a refusal
 * with its code, message and details.
 */
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { importRows, importWorkbook } from '../../testing/import-file';
import { readerEntry, readImportSheetApart } from './excel-read-thread';
import { readImportSheet } from './excel-import-read';

describe('the import reader thread', () => {
  test('is found beside the bundle in Electron and beside the sources otherwise', () => {
    expect(readerEntry('file:///opt/doudi/resources/app.asar/dist-electron/backend-worker.cjs')).toBe(
      '/opt/doudi/resources/app.asar/dist-electron/excel-read-worker.cjs',
    );
    expect(fs.readFileSync('scripts/build-electron.mjs', 'utf8')).toContain("'excel-read-worker.cjs'");
    expect(fs.existsSync(readerEntry())).toBe(true);
  });

  test('reads what the backend thread would read, tells the rows as it goes, and refuses alike', async () => {
    const base64 = await importWorkbook(importRows('詹滨社区', 600));
    const told: [number, number][] = [];
    const apart = await readImportSheetApart('导入.xlsx', base64, (done, total) => told.push([done, total]));
    expect(apart).toEqual(await readImportSheet('导入.xlsx', base64));
    expect(told.length).toBeGreaterThan(3);
    expect(told.at(-1)).toEqual([1200, 1200]);
    expect(told.map(([d]) => d)).toEqual(told.map(([d]) => d).sort((a, b) => a - b));

    const wrongHeader = Buffer.from(await importWorkbook([])).toString('base64');
    const refusal = await readImportSheet('导入.xlsx', wrongHeader).catch((e: unknown) => e);
    await expect(readImportSheetApart('导入.xlsx', wrongHeader)).rejects.toEqual(refusal);
    await expect(readImportSheetApart('导入.xls', base64)).rejects.toMatchObject({ code: 'import-invalid', message: expect.stringContaining('.xls') });
  }, 60_000);
});
