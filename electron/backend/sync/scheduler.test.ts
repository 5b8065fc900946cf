import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { backoffDelay, SyncScheduler } from './scheduler';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('sync scheduler', () => {
  test('backoff doubles up to the ceiling, with jitter between half and all of it', () => {
    expect(backoffDelay(1, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffDelay(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffDelay(4, 1000, 60_000, () => 1)).toBe(8000);
    expect(backoffDelay(20, 1000, 60_000, () => 1)).toBe(60_000);
    expect(backoffDelay(20, 1000, 60_000, () => 0)).toBe(30_000);
  });

  test('runs at start, on the interval, debounced after local changes, never overlapping', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const s = new SyncScheduler({
      run: () => new Promise<void>((r) => { runs++; release = r; }),
      debounceMs: 1000,
      intervalMs: 60_000,
    });
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toBe(1);
    s.notifyLocalChange(); // during the run: one more run right after
    s.notifyLocalChange();
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toBe(2);
    release();
    await vi.advanceTimersByTimeAsync(0);
    s.notifyLocalChange();
    s.notifyLocalChange();
    await vi.advanceTimersByTimeAsync(999);
    expect(runs).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(3);
    release();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toBe(4);
    s.stop();
  });

  test('failures back off; syncNow retries at once', async () => {
    let runs = 0;
    const s = new SyncScheduler({ run: async () => { runs++; throw new Error('offline'); }, baseBackoffMs: 1000, random: () => 1 });
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(s.failures).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(runs).toBe(2);
    s.notifyLocalChange(); // backing off: a local change does not shorten the wait
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(3);
    s.syncNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toBe(4);
    s.stop();
  });
});
