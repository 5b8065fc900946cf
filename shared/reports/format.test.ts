import { describe, expect, it } from 'vitest';
import { cellText, percentText } from './format';
import { laggingReasons } from './lagging';

describe('percentText: one rule for every share', () => {
  it('a sentence drops trailing zeros; a column keeps one decimal', () => {
    expect([0, 9000, 9250, 9235, 10000].map((v) => percentText(v))).toEqual(['0%', '90%', '92.5%', '92.35%', '100%']);
    expect([0, 9000, 9250, 10000].map((v) => percentText(v, 'column'))).toEqual(['0.0%', '90.0%', '92.5%', '100.0%']);
  });

  it('a report cell and a lagging reason print a share through it', () => {
    expect(cellText({ unit: 'bp' }, 9000)).toBe('90.0%');
    const reasons = laggingReasons(
      { coverageBp: 9235, overdueItems: 0, urgentWithin24hBp: null, careFourHasBp: null },
      { coverageMinBp: 10000, overdueItemsMax: 0, urgentWithin24hMinBp: 0, careFourHasMinBp: 0 },
    );
    expect(reasons).toEqual(['排查覆盖率92.35%，低于100%']);
  });
});
