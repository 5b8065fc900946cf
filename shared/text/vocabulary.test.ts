import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dateProblem, instantProblem, isCalendarDate, jsonTextProblem, monthProblem, parseInstant, textProblem } from './vocabulary';

describe('text', () => {
  test.each(['张三', '詹滨西里3号楼2门301', 'A-01 (东)', '👨‍👩‍👧 家庭', '王\u00b7买买提'])('accepts %j', (s) => {
    expect(textProblem(s)).toBeNull();
  });

  test.each([
    ['NUL', '张\u0000三', '控制字符'],
    ['DEL', '张\u007f', '控制字符'],
    ['C1', '张\u0085', '控制字符'],
    ['a line break in one line', '张\n三', '换行'],
    ['a lone high surrogate', '张\ud83d', '无效字符'],
    ['a lone low surrogate', '\ude00张', '无效字符'],
    ['RLO', '张\u202e三', '方向'],
    ['an isolate', '\u2067张', '方向'],
    ['a right-to-left mark', '张\u200f', '方向'],
    ['only zero-width characters', '\u200b\u200d\ufeff', '不可见'],
    ['only a Hangul filler and spaces', ' \u3164 ', '不可见'],
  ])('refuses %s', (_what, s, words) => {
    expect(textProblem(s)).toContain(words);
  });

  test('plain text (printable ASCII and CJK) is refused only when made of spaces', () => {
    expect(textProblem('')).toBeNull();
    expect(textProblem(' 张三 1200.50 ')).toBeNull();
    expect(textProblem('   ')).toContain('不可见');
    expect(textProblem(' ')).toContain('不可见');
    expect(textProblem('\t')).toContain('控制字符');
    expect(textProblem('\u3000')).toContain('不可见'); // an ideographic space: not plain, the full checks
  });

  test('multi-line text may hold line breaks and tabs, nothing else below U+0020', () => {
    expect(textProblem('一\n二\t三', { multiline: true })).toBeNull();
    expect(textProblem('一\r二', { multiline: true })).toContain('控制字符');
    expect(textProblem('一\u000b二', { multiline: true })).toContain('控制字符');
  });

  test('JSON values: every string and key is checked', () => {
    expect(jsonTextProblem({ a: [1, '好', { b: null }] })).toBeNull();
    expect(jsonTextProblem({ a: ['x\u0000'] })).toContain('控制字符');
    expect(jsonTextProblem({ ['k\u202e']: 1 })).toContain('方向');
  });

  test('any string without a control, bidi or surrogate code unit is clean unless all invisible', () => {
    const clean = fc.string({ unit: 'grapheme' }).filter((s) => !/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(s));
    fc.assert(
      fc.property(clean, (s) => {
        const p = textProblem(s);
        expect(p === null || p.includes('不可见')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('dates, months and instants', () => {
  test.each(['2024-02-29', '2000-01-01', '2100-12-31', '2024-12-31'])('%s is a calendar date in range', (d) => {
    expect(dateProblem(d)).toBeNull();
  });

  test.each([
    ['2024-13-45', '不是日历上的日期'],
    ['2027-02-30', '不是日历上的日期'],
    ['2023-02-29', '不是日历上的日期'],
    ['2024-00-10', '不是日历上的日期'],
    ['1999-12-31', '超出可填范围'],
    ['2101-01-01', '超出可填范围'],
    ['2024-3-6', 'YYYY-MM-DD'],
    ['2024-03-06T00:00', 'YYYY-MM-DD'],
  ])('%s is refused (%s)', (d, words) => {
    expect(dateProblem(d)).toContain(words);
  });

  test('birth dates go back to 1900', () => {
    expect(dateProblem('1900-01-01', 'birth')).toBeNull();
    expect(dateProblem('1899-12-31', 'birth')).toContain('超出可填范围');
  });

  test('isCalendarDate agrees with the calendar on every day of 1900..2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const t = new Date(Date.UTC(y, m - 1, d));
        const real = m >= 1 && m <= 12 && d >= 1 && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
        expect(isCalendarDate(s)).toBe(real);
      }),
      { numRuns: 500 },
    );
  });

  test('months', () => {
    expect(monthProblem('2024-03')).toBeNull();
    expect(monthProblem('2024-13')).toContain('YYYY-MM');
    expect(monthProblem('1999-12')).toContain('超出可填范围');
  });

  test('instants are normalised to UTC with milliseconds and Z', () => {
    expect(parseInstant('2024-03-09T18:00:00+08:00')).toEqual({ ok: true, iso: '2024-03-09T10:00:00.000Z' });
    expect(parseInstant('2024-03-09T18:00+0800')).toEqual({ ok: true, iso: '2024-03-09T10:00:00.000Z' });
    expect(parseInstant('2024-03-09T10:00:00.5Z')).toEqual({ ok: true, iso: '2024-03-09T10:00:00.500Z' });
    expect(parseInstant('2024-02-30T10:00:00Z').ok).toBe(false);
    expect(parseInstant('2024-03-09T10:00:00').ok).toBe(false);
    expect(parseInstant('明天').ok).toBe(false);
    expect(instantProblem('2024-03-09T10:00:00.000Z')).toBeNull();
    expect(instantProblem('2024-13-09T10:00:00.000Z')).toContain('不是日历上的日期');
  });
});
