/**
 * Opt-in diagnostic of the ui-responsiveness bench (UI_BENCH_STALLS=1): what holds the thread that
 * serves the window. monitorEventLoopDelay gives only a histogram; this samples the loop with a 5 ms
 * timer and keeps every gap longer than the threshold with its instant, the host's own marks around
 * it (calls in flight, replies and their size, events pushed) and, from a CPU profile of this thread
 * taken meanwhile (node:inspector, in this thread), the functions the samples inside the gap were in
 * (self time; `(garbage collector)` is GC). Instants are process.hrtime in µs, the profiler's clock.
 */
import fs from 'node:fs';
import { Session } from 'node:inspector';

export interface Stall {
  /** ms from the start of the probe to the end of the gap */
  at_ms: number;
  gap_ms: number;
  /** of the gap, the ms this thread ran on a CPU and the ms it waited, runnable, for one (Linux schedstat) */
  cpu_ms: number | null;
  runqueue_ms: number | null;
  /** the host's marks within the gap (and 5 ms before it) */
  marks: string[];
  /** leaf functions of the profile's samples in the gap, by sample count */
  top: string[];
}

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const nowUs = (): number => Number(process.hrtime.bigint() / 1000n);

/** This (main) thread's ns on a CPU and waiting for one, or null off Linux. */
function schedstat(): [number, number] | null {
  try {
    const [run, wait] = fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ').map(Number);
    return [run!, wait!];
  } catch {
    return null;
  }
}

export interface StallProbe {
  /** Records a host event (a call sent, a reply, an event) at this instant. */
  mark(what: string): void;
  stop(): Promise<Stall[]>;
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T))));
}

export async function probeStalls(thresholdMs = 50): Promise<StallProbe> {
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 500 });
  await post(session, 'Profiler.start');
  const t0 = nowUs();
  const gaps: { end: number; gap: number; cpu: number | null; wait: number | null }[] = [];
  const marks: { t: number; what: string }[] = [];
  let last = nowUs();
  let lastSched = schedstat();
  const timer = setInterval(() => {
    const t = nowUs();
    const sched = schedstat();
    if (t - last > thresholdMs * 1000) {
      const d = sched && lastSched ? [(sched[0] - lastSched[0]) / 1e6, (sched[1] - lastSched[1]) / 1e6] : [null, null];
      gaps.push({ end: t, gap: (t - last) / 1000, cpu: d[0]!, wait: d[1]! });
    }
    last = t;
    lastSched = sched;
  }, 5);
  return {
    mark: (what) => void marks.push({ t: nowUs(), what }),
    async stop() {
      clearInterval(timer);
      const { profile } = await post<{ profile: Profile }>(session, 'Profiler.stop');
      session.disconnect();
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const times: number[] = [];
      let t = profile.startTime;
      for (const d of profile.timeDeltas) times.push((t += d));
      return gaps.map(({ end, gap, cpu, wait }) => {
        const start = end - gap * 1000;
        const counts = new Map<string, number>();
        profile.samples.forEach((id, i) => {
          if (times[i]! < start || times[i]! > end) return;
          const f = byId.get(id)!.callFrame;
          const name = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(?=[^/]+\/[^/]+$)/, '')}:${f.lineNumber + 1}`;
          counts.set(name, (counts.get(name) ?? 0) + 1);
        });
        const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, c]) => `${c}× ${n}`);
        const near = marks.filter((m) => m.t >= start - 5000 && m.t <= end).map((m) => `${((m.t - t0) / 1000).toFixed(0)} ${m.what}`);
        const ms = (x: number | null) => (x === null ? null : Math.round(x));
        return { at_ms: Math.round((end - t0) / 1000), gap_ms: Math.round(gap), cpu_ms: ms(cpu), runqueue_ms: ms(wait), marks: near.slice(0, 12), top };
      });
    },
  };
}
