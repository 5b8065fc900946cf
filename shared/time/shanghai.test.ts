import { describe, expect, it } from 'vitest';
import { shanghaiDate, shanghaiMinute } from './shanghai';

// Whatever the runner's zone (CI runs in UTC, .ci/run repeats the unit suite in Asia/Shanghai).
describe('Shanghai calendar days', () => {
  it('a late evening in Shanghai is still that day, though UTC is on the same day', () => {
    const at = new Date('2026-12-04T23:30:00+08:00');
    expect(shanghaiDate(at)).toBe('2026-12-04');
    expect(shanghaiMinute(at)).toBe('2026-12-04 23:30');
  });

  it('half past midnight in Shanghai is the next day while UTC is still on the previous one', () => {
    const at = new Date('2026-12-05T00:30:00+08:00');
    expect(at.toISOString().slice(0, 10)).toBe('2026-12-04');
    expect(shanghaiDate(at)).toBe('2026-12-05');
    expect(shanghaiMinute(at.toISOString())).toBe('2026-12-05 00:30');
  });

  it('an unreadable instant formats as nothing', () => {
    expect(shanghaiMinute('not a time')).toBe('');
  });
});
