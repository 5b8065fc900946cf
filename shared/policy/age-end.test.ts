import { expect, test } from 'vitest';
import { childAllowanceStopMonth } from './age-end';

test('a child allowance is paid through the month of the 18th birthday and stops the month after', () => {
  expect(childAllowanceStopMonth('2008-06-15', 18)).toBe('2026-07');
  expect(childAllowanceStopMonth('2008-12-31', 18)).toBe('2027-01');
  expect(childAllowanceStopMonth('2008-02-29', 18)).toBe('2026-03');
});
