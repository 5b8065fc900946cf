import { describe, expect, test } from 'vitest';
import { dibaoIncomeLine, edgeIncomeLine } from './eligibility';

describe('income line at approval', () => {
  test('低保: one fen below the standard is within, the standard itself is not', () => {
    expect(dibaoIncomeLine(104499, 104500).eligible).toBe(true);
    expect(dibaoIncomeLine(104500, 104500).eligible).toBe(false);
    expect(dibaoIncomeLine(200000, 104500).explanation).toBe('核定家庭月人均收入 2,000.00 元，不低于低保标准 1,045.00 元');
  });

  test('低保边缘: from the standard to one fen below 150% of it', () => {
    expect(edgeIncomeLine(104499, 104500, 150).eligible).toBe(false);
    expect(edgeIncomeLine(104500, 104500, 150).eligible).toBe(true);
    expect(edgeIncomeLine(156749, 104500, 150).eligible).toBe(true);
    expect(edgeIncomeLine(156750, 104500, 150).eligible).toBe(false);
  });
});
