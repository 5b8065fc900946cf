import { describe, expect, test } from 'vitest';
import { inertRow, inertText } from './excel-cells';

describe('text a spreadsheet could take for a formula', () => {
  test('gets a leading apostrophe: = + - @, tab, CR and their full-width forms', () => {
    for (const s of ['=1+1', '=HYPERLINK("http://x","点击")', '+86 138', '-2户', '@SUM(A1)', '\t=1', '\r=1', '＝1+1', '＋1', '－1', '＠A1']) {
      expect(inertText(s), JSON.stringify(s)).toBe(`'${s}`);
    }
  });

  test('leaves other text, numbers (negative ones too), dates and empty cells as they are', () => {
    const d = new Date(0);
    expect(inertRow(['张三', '詹滨西里3号', 'a=b', ' 1', -1500.5, 0, d, null, true, ''])).toEqual(['张三', '詹滨西里3号', 'a=b', ' 1', -1500.5, 0, d, null, true, '']);
  });
});
