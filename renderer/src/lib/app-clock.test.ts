import { describe, expect, it } from 'vitest';
import { createAppClock } from './app-clock';

describe('the window clock follows the backend clock in Shanghai', () => {
  const wallMs = Date.parse('2026-12-04T10:00:00Z');

  it('counts today from the backend clock at 23:30 and 00:30 Shanghai, not from the window', async () => {
    let backend = '2026-12-04T15:30:00.000Z'; // 23:30 in Shanghai
    const clock = createAppClock(async () => backend, () => wallMs);
    expect(clock.today()).toBe('2026-12-04'); // before the first sync: the window's own time
    await clock.sync();
    expect(clock.today()).toBe('2026-12-04');
    expect(clock.daysFromToday(1)).toBe('2026-12-05');
    expect(clock.format(clock.now().toISOString())).toBe('2026-12-04 23:30');
    backend = '2026-12-04T16:30:00.000Z'; // 00:30 in Shanghai, the next day, while UTC is still the 4th
    await clock.sync();
    expect(clock.today()).toBe('2026-12-05');
    expect(clock.daysFromToday(1)).toBe('2026-12-06');
  });

  it('keeps the old offset when the backend answers something unreadable', async () => {
    const clock = createAppClock(async () => 'garbage', () => wallMs);
    await clock.sync();
    expect(clock.now().getTime()).toBe(wallMs);
  });
});
