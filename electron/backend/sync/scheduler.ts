/**
 * When to sync: shortly after local changes (debounced), on an interval, when the network returns,
 * and on demand; after a failure, exponential backoff with jitter. Runs never overlap; a request
 * during a run schedules one more run afterwards. Timers are injectable for tests.
 */
export interface SchedulerOptions {
  run: () => Promise<unknown>;
  debounceMs?: number;
  intervalMs?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  random?: () => number;
  onError?: (err: unknown) => void;
}

export function backoffDelay(failures: number, base: number, max: number, random: () => number): number {
  const ceiling = Math.min(max, base * 2 ** Math.max(0, failures - 1));
  // "equal jitter": half fixed, half random, so retries of many PCs spread out but never hammer
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export class SyncScheduler {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private again = false;
  private stopped = true;
  failures = 0;

  constructor(private readonly o: SchedulerOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** A local write happened: sync soon, unless backing off after failures. */
  notifyLocalChange(): void {
    if (this.failures === 0) this.schedule(this.o.debounceMs ?? 2000);
  }

  /** The network came back or the user pressed 立即同步: try now, forgetting the backoff. */
  syncNow(): void {
    this.failures = 0;
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
  }

  private async tick(): Promise<void> {
    this.timer = null;
    this.running = true;
    this.again = false;
    let next: number;
    try {
      await this.o.run();
      this.failures = 0;
      next = this.again ? 0 : (this.o.intervalMs ?? 60_000);
    } catch (err) {
      this.failures++;
      this.o.onError?.(err);
      next = backoffDelay(this.failures, this.o.baseBackoffMs ?? 2000, this.o.maxBackoffMs ?? 300_000, this.o.random ?? Math.random);
    } finally {
      this.running = false;
    }
    this.schedule(next);
  }
}
