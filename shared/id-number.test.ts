import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { ageOn, computeCheckChar, makeIdNumber, maskIdNumber, parseIdNumber } from './id-number';

describe('GB 11643 ID numbers', () => {
  test.each(['11010519491231002X', '34052419800101001X', '370101190102039973', '810000199001010019'])(
    'accepts the standard test vector %s',
    (id) => {
      expect(parseIdNumber(id).ok).toBe(true);
    },
  );

  test('derives birth date and sex', () => {
    const r = parseIdNumber('11010519491231002X');
    expect(r).toEqual({
      ok: true,
      info: { idNumber: '11010519491231002X', areaCode: '110105', birthDate: '1949-12-31', sex: 'female' },
    });
    const m = parseIdNumber(makeIdNumber('120110', '19650312', 123));
    expect(m.ok && m.info.sex).toBe('male');
  });

  test('accepts a lower-case x check character and normalises it', () => {
    const r = parseIdNumber('11010519491231002x');
    expect(r.ok && r.info.idNumber).toBe('11010519491231002X');
  });

  test('refuses a wrong check digit and says which digit is expected', () => {
    const r = parseIdNumber('110105194912310021');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('checksum');
      expect(r.message).toContain('校验位错误');
      expect(r.message).toContain('X');
    }
  });

  test('refuses bad formats and impossible birth dates', () => {
    expect(parseIdNumber('12345').ok).toBe(false);
    expect(parseIdNumber('1201101965031212A4').ok).toBe(false);
    const feb30 = '12011019650230123';
    const r = parseIdNumber(feb30 + computeCheckChar(feb30));
    expect(!r.ok && r.reason).toBe('birth-date');
    const future = '12011020990101123';
    const f = parseIdNumber(future + computeCheckChar(future), '2026-11-28');
    expect(!f.ok && f.reason).toBe('birth-date');
  });

  test('refuses birth dates before 1900 (the 1880 example of the standard) and after today', () => {
    const r = parseIdNumber('440524188001010014');
    expect(!r.ok && r.reason).toBe('birth-date');
    expect(parseIdNumber(makeIdNumber('120110', '19000101', 1), '2026-01-01').ok).toBe(true);
    expect(parseIdNumber(makeIdNumber('120110', '20260101', 1), '2026-01-01').ok).toBe(true);
    const tomorrow = parseIdNumber(makeIdNumber('120110', '20260102', 1), '2026-01-01');
    expect(!tomorrow.ok && tomorrow.message).toContain('晚于今天');
  });

  test.each([
    ['000000', false],
    ['990101', false],
    ['120000', false],
    ['120100', true],
    ['120110', true],
    ['710101', true],
    ['810000', true],
    ['810100', false],
  ])('area code %s plausible: %s', (area, ok) => {
    const r = parseIdNumber(makeIdNumber(area, '19600101', 1));
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.reason).toBe('area-code');
  });

  test('every single-digit change of a valid number is detected', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1920-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (d, seq, pos, delta) => {
          const ymd = d.toISOString().slice(0, 10).replace(/-/g, '');
          const id = makeIdNumber('120110', ymd, seq);
          expect(parseIdNumber(id).ok).toBe(true);
          const digit = (Number(id[pos]) + delta) % 10;
          const changed = id.slice(0, pos) + digit + id.slice(pos + 1);
          expect(parseIdNumber(changed).ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('ages count whole years up to the birthday', () => {
    expect(ageOn('1965-03-12', '2026-03-11')).toBe(60);
    expect(ageOn('1965-03-12', '2026-03-12')).toBe(61);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
  });

  test('masks all but the first six and last four characters', () => {
    expect(maskIdNumber('12011019650312123X')).toBe('120110********123X');
  });
});
