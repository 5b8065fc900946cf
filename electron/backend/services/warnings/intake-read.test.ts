/** The CSV side of the department-file reader: quoting, line ends, encodings. */
import { describe, expect, test } from 'vitest';
import { csvRecords, decodeCsvText } from './intake-read';

describe('csvRecords', () => {
  test('quoted fields hold commas, quotes and line breaks; the line number is where the record starts', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\nlines"\n\nlast,,\n';
    expect([...csvRecords(text)]).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['x, y', 'say "hi"', 'two\nlines']],
      [4, ['']],
      [5, ['last', '', '']],
    ]);
  });

  test('a last record without a line end', () => {
    expect([...csvRecords('a,b\n1,2')]).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
    ]);
  });
});

describe('decodeCsvText', () => {
  test('UTF-8 with and without BOM, and GBK', () => {
    expect(decodeCsvText(Buffer.from('\ufeff姓名,身份证号码'))).toEqual({ text: '姓名,身份证号码', encoding: 'utf-8' });
    expect(decodeCsvText(Buffer.from('姓名'))).toEqual({ text: '姓名', encoding: 'utf-8' });
    // 姓名 in GBK: D0 D5 C3 FB
    expect(decodeCsvText(Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]))).toEqual({ text: '姓名', encoding: 'gb18030' });
  });
});
