import { describe, expect, it } from 'vitest';
import { fenToYuanText, formatFen, formatFenNumber, isYuanText, parseYuanToFen } from './money';

describe('parseYuanToFen', () => {
  it.each([
    ['0', 0],
    ['1', 100],
    ['1010', 101000],
    ['1010.5', 101050],
    ['1010.50', 101050],
    ['0.01', 1],
    ['0.29', 29],
    ['1.15', 115],
    ['4.35', 435],
    ['1,010.00', 101000],
    [' 12.3 ', 1230],
    ['12.', 1200],
    ['99.99', 9999],
    ['1010元', 101000],
  ])('%s -> %d', (text, fen) => {
    expect(parseYuanToFen(text)).toBe(fen);
  });

  it.each(['', 'abc', '-1', '1.234', '1.2.3', '.5', '1e3'])('rejects %j', (text) => {
    expect(parseYuanToFen(text)).toBeNull();
    expect(isYuanText(text)).toBe(false);
  });

  it('is exact where floats drift (0.29 * 100 = 28.999…)', () => {
    for (let fen = 0; fen < 20000; fen++) {
      expect(parseYuanToFen(fenToYuanText(fen))).toBe(fen);
    }
  });
});

describe('formatFen', () => {
  it.each([
    [0, '0.00 元'],
    [1, '0.01 元'],
    [101000, '1,010.00 元'],
    [123456789, '1,234,567.89 元'],
    [-1500, '-15.00 元'],
  ])('%d -> %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('returns empty text for null', () => {
    expect(formatFen(null)).toBe('');
    expect(formatFenNumber(100)).toBe('1.00');
    expect(fenToYuanText(101050)).toBe('1010.50');
  });
});
