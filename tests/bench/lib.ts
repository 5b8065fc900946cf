/** Shared pieces of the benchmarks: the bench interface, timing and percentiles. */

export interface BenchOptions {
  /** Households of the generated street (about 2.5 persons each). */
  households: number;
  /** Reuse (or keep) the loaded database in this directory instead of a fresh temporary one. */
  dataDir?: string;
}

export interface BenchResult {
  /** One JSON line on stdout: `bench` first, then figures. */
  json: { bench: string } & Record<string, number | string | boolean>;
  /** Human-readable lines for stderr. */
  summary: string[];
}

export interface Bench {
  name: string;
  run(opts: BenchOptions): Promise<BenchResult> | BenchResult;
}

/** Milliseconds taken by fn, measured with the monotonic high-resolution clock. */
export function timeMs(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** CPU milliseconds (user and system, every thread) this process has used so far. */
export function cpuMsSoFar(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Wall-clock and CPU milliseconds taken by fn. CPU time (this process) is what the work costs
 * whatever else the machine runs; wall-clock time is what the user waits.
 */
export function timeWallCpu(fn: () => unknown): { wall: number; cpu: number } {
  const cpu0 = cpuMsSoFar();
  const start = process.hrtime.bigint();
  fn();
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  return { wall, cpu: cpuMsSoFar() - cpu0 };
}

/** Nearest-rank percentile (p in 0–100) of a list of samples. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Rounded to 3 decimals for the JSON line. */
export function round3(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

export function log(line: string): void {
  process.stderr.write(`${line}\n`);
}
