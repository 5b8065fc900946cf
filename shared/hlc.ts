/**
 * Hybrid logical clock. A timestamp is wall-clock ms, a counter and a node id; its string form
 * sorts lexicographically in causal order, so it can be compared as text in SQL.
 * Format: 15-digit zero-padded ms, '-', 4-digit hex counter, '-', node id.
 */
export interface Hlc {
  millis: number;
  counter: number;
  node: string;
}

const MAX_COUNTER = 0xffff;

export function formatHlc(t: Hlc): string {
  return `${String(t.millis).padStart(15, '0')}-${t.counter.toString(16).padStart(4, '0')}-${t.node}`;
}

export function parseHlc(s: string): Hlc {
  const m = /^(\d{15})-([0-9a-f]{4})-([0-9a-zA-Z_-]{1,64})$/.exec(s);
  if (!m) throw new Error(`invalid HLC timestamp: ${s}`);
  return { millis: Number(m[1]), counter: parseInt(m[2]!, 16), node: m[3]! };
}

/**
 * Clock state for one node. Not a module singleton: the backend owns one instance per database,
 * persists `last` after use and restores it on start.
 */
export class HybridClock {
  private last: Hlc;

  constructor(
    readonly node: string,
    private readonly now: () => number = () => Date.now(),
    last?: string,
  ) {
    this.last = last ? parseHlc(last) : { millis: 0, counter: 0, node };
  }

  /** Timestamp for a local event. */
  tick(): string {
    const wall = this.now();
    if (wall > this.last.millis) {
      this.last = { millis: wall, counter: 0, node: this.node };
    } else {
      this.last = { ...this.after(this.last.millis, this.last.counter), node: this.node };
    }
    return formatHlc(this.last);
  }

  /** Merge a remote timestamp so later local events sort after it. */
  receive(remote: string): void {
    const r = parseHlc(remote);
    const wall = this.now();
    const millis = Math.max(wall, this.last.millis, r.millis);
    let next: { millis: number; counter: number };
    if (millis === this.last.millis && millis === r.millis) next = this.after(millis, Math.max(this.last.counter, r.counter));
    else if (millis === this.last.millis) next = this.after(millis, this.last.counter);
    else if (millis === r.millis) next = this.after(millis, r.counter);
    else next = { millis, counter: 0 };
    this.last = { ...next, node: this.node };
  }

  current(): string {
    return formatHlc(this.last);
  }

  /**
   * Moves the clock to `last`, also backwards. Only for repairing stamps a fast wall clock put in the
   * future (sync/restamp.ts), which re-stamps every change stamped after `last`.
   */
  reset(last: string): void {
    this.last = { ...parseHlc(last), node: this.node };
  }

  /**
   * The stamp after (millis, counter). A full counter moves to the next millisecond: only a clock that
   * does not move (an injected test clock, the demo's generated past) makes 65,536 stamps in one
   * millisecond, and running 1 ms ahead of it keeps the order without refusing the write.
   */
  private after(millis: number, counter: number): { millis: number; counter: number } {
    return counter >= MAX_COUNTER ? { millis: millis + 1, counter: 0 } : { millis, counter: counter + 1 };
  }
}
