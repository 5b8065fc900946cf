/** The shared strings written in chunks are the very text ExcelJS writes in one piece. */
import SharedStringsXform from 'exceljs/lib/xlsx/xform/strings/shared-strings-xform.js';
import { describe, expect, test } from 'vitest';
import { sharedStringsXml } from './excel-shared-strings';

const STRINGS = ['张三', '詹滨西里3号楼2门301', 'A & B <c> "d" \'e\'', ' leading', 'trailing ', '', "'=SUM(A1)", '120110196503121234', '低保、重度残疾人'];

describe('sharedStringsXml', () => {
  test.each([1, 2, 4, 5000])('in chunks of %i: the same text as ExcelJS renders whole', (perChunk) => {
    const model = { count: STRINGS.length, values: STRINGS };
    const whole = new SharedStringsXform().toXml(model);
    const pieces = [...sharedStringsXml(model, perChunk)];
    expect(pieces.length).toBe(2 + Math.ceil(STRINGS.length / perChunk));
    expect(pieces.join('')).toBe(whole);
  });
});
