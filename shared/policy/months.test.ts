import fc from 'fast-check';
import { expect, test } from 'vitest';
import { addMonths, monthsBetween } from './months';

test('addMonths crosses years both ways', () => {
  expect(addMonths('2026-11', 2)).toBe('2027-01');
  expect(addMonths('2026-01', -1)).toBe('2025-12');
  expect(addMonths('2026-12', 0)).toBe('2026-12');
  expect(() => addMonths('2026-13', 1)).toThrow();
});

test('property: monthsBetween inverts addMonths', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: -300, max: 300 }), (y, m, n) => {
      const a = `${y}-${String(m).padStart(2, '0')}`;
      expect(monthsBetween(a, addMonths(a, n))).toBe(n);
    }),
  );
});
