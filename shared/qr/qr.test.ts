import { describe, expect, test } from 'vitest';
import { encodeQr } from './encode';
import { decodeQr } from './decode';
import { formatBits, rsEncode, versionBits } from './tables';

describe('QR encoder', () => {
  test('Reed–Solomon matches the published 1-M "HELLO WORLD" vector', () => {
    const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];
    expect(rsEncode(data, 10)).toEqual([196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
  });
  test('format and version information match the standard tables', () => {
    expect(formatBits(0).toString(2).padStart(15, '0')).toBe('101010000010010');
    expect(formatBits(7).toString(2).padStart(15, '0')).toBe('100101010100000');
    expect(versionBits(7).toString(2).padStart(18, '0')).toBe('000111110010010100');
    expect(versionBits(10).toString(2).padStart(18, '0')).toBe('001010010011010011');
  });
  test('a record link round-trips through the matrix; size follows the length', () => {
    const link = 'doudi://care/person/01936b2e-5f1a-7c3d-9e8f-0123456789ab';
    const qr = encodeQr(link);
    expect(qr.version).toBe(4);
    expect(qr.size).toBe(33);
    expect(decodeQr(qr.modules)).toBe(link);
  });
  test('every version 1–10 round-trips, with UTF-8 text', () => {
    for (const len of [1, 14, 26, 42, 62, 84, 106, 122, 152, 180, 213]) {
      const text = '照'.repeat(Math.floor(len / 6)) + 'x'.repeat(len - Math.floor(len / 6) * 3);
      const qr = encodeQr(text);
      expect(decodeQr(qr.modules), `len ${len} v${qr.version}`).toBe(text);
    }
    expect(encodeQr('x'.repeat(213)).version).toBe(10);
    expect(() => encodeQr('x'.repeat(214))).toThrow(/too long/);
  });
  test('a damaged codeword is detected', () => {
    const qr = encodeQr('doudi://care/person/x');
    const m = qr.modules.map((r) => r.slice());
    m[qr.size - 1]![qr.size - 1] = !m[qr.size - 1]![qr.size - 1];
    expect(() => decodeQr(m)).toThrow(/Reed–Solomon/);
  });
  test('finder patterns sit in three corners', () => {
    const { modules: m, size } = encodeQr('abc');
    for (const [r, c] of [[0, 0], [0, size - 7], [size - 7, 0]] as const) {
      expect(m[r]![c]).toBe(true);
      expect(m[r + 1]![c + 1]).toBe(false);
      expect(m[r + 3]![c + 3]).toBe(true);
    }
  });
});
