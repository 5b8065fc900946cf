import { describe, expect, test } from 'vitest';
import { nextReviewOn, reviewCycle, reviewState } from './review';

describe('复审 cycle', () => {
  const able = { labourCapacity: 'full', employment: 'flexible' };
  test('six-monthly only for 低保 with a member able to work and no steady wage', () => {
    expect(reviewCycle('dibao', [able])).toBe('unsteady');
    expect(reviewCycle('dibao', [{ labourCapacity: 'partial', employment: 'unemployed' }])).toBe('unsteady');
    expect(reviewCycle('dibao', [{ labourCapacity: 'full', employment: 'employed' }])).toBe('stable');
    expect(reviewCycle('dibao', [{ labourCapacity: 'none', employment: 'none' }])).toBe('stable');
    expect(reviewCycle('dibao', [{ labourCapacity: null, employment: 'flexible' }])).toBe('stable');
    expect(reviewCycle('dibao-edge', [able])).toBe('stable');
    expect(reviewCycle('tekun-home', [able])).toBe('stable');
  });
  test('exactly 12 / 6 months on, month ends clamped', () => {
    expect(nextReviewOn('2025-03-15', 12)).toBe('2026-03-15');
    expect(nextReviewOn('2025-03-15', 6)).toBe('2025-09-15');
    expect(nextReviewOn('2025-08-31', 6)).toBe('2026-02-28');
    expect(nextReviewOn('2024-02-29', 12)).toBe('2025-02-28');
  });
  test('due from the notice days before, overdue the day after', () => {
    expect(reviewState('2026-03-15', '2026-03-16', 30)).toBe('overdue');
    expect(reviewState('2026-03-15', '2026-03-15', 30)).toBe('due');
    expect(reviewState('2026-03-15', '2026-02-13', 30)).toBe('due');
    expect(reviewState('2026-03-15', '2026-02-12', 30)).toBe('later');
  });
});
