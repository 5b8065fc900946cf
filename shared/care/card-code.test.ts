import fc from 'fast-check';
import { expect, test } from 'vitest';
import { cardCode, cardNumberFromCode, mod112 } from './card-code';
import { formatCardNumber } from './rules';

test('MOD 11-2 is the ID-card check: 11010519491231002 → X', () => {
  expect(mod112('11010519491231002')).toBe('X');
});

test('a card code round-trips; any single changed character or swapped neighbours fail the check', () => {
  fc.assert(
    fc.property(fc.integer({ min: 2020, max: 2099 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 9999 }), fc.nat(), (year, device, seq, pick) => {
      const no = formatCardNumber('120110001000', year, device, seq);
      const code = cardCode(no);
      expect(cardNumberFromCode(code)).toBe(no);
      expect(cardNumberFromCode(` ${code.toLowerCase()} `)).toBe(no);
      const digits = [...code.slice(0, -2)].map((c, i) => [c, i] as const).filter(([c]) => /\d/.test(c));
      const [ch, at] = digits[pick % digits.length]!;
      const changed = code.slice(0, at) + String((Number(ch) + 1 + (pick % 9)) % 10) + code.slice(at + 1);
      if (changed !== code) expect(cardNumberFromCode(changed)).toBeNull();
    }),
  );
  expect(cardNumberFromCode('ZL-120110001000-2026-03-0007')).toBeNull(); // no check character
  expect(cardNumberFromCode('doudi://care/person/0190')).toBeNull();
});
