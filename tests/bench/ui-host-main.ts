/**
 * The served side of the ui-responsiveness bench, in a process of its own as browser mode's web host
 * is (web-host/main.ts): the backend of one design (argv[2]: 'worker', 'one_worker' or 'in_thread') on the data
 * directory argv[3], behind the web host on 127.0.0.1. Sampled here, this thread's loop is the
 * host's alone: in the bench's own process its heap also held the district's source replica, and
 * collecting that heap paused the sampled thread for 30-55 ms at a time during the export.
 * Requests from the parent (child-server.ts): 'start' (sample the loop), 'stop' (its max, and with
 * UI_BENCH_STALLS the gaps over 50 ms: host-stalls.ts).
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import path from 'node:path';
import { createBackend } from '../../electron/backend/app';
import { isHostFile, startBackendHost } from '../../electron/host/host';
import { startWebHost, type ServedBackend } from '../../electron/backend/web-host/server';
import { serveParent } from './child-server-main';
import { probeStalls, type Stall, type StallProbe } from './host-stalls';

export interface HostFigures {
  loop_max_ms: number;
  stalls: Stall[];
}

const [design, dataDir] = process.argv.slice(2) as ['worker' | 'one_worker' | 'in_thread', string];
const STALL_MS = 50;
let probe: StallProbe | null = null;
let loop: IntervalHistogram | null = null;

async function start(): Promise<{ served: ServedBackend; close(): Promise<void> | void }> {
  if (design !== 'in_thread') {
    // BENCH_WORKER_CPU_PROF=<dir>: the backend worker writes a CPU profile there when it ends.
    const prof = process.env.BENCH_WORKER_CPU_PROF;
    const workerExecArgv = prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : [];
    const host = await startBackendHost({ dataDir, sync: { autoStart: false }, logError: () => undefined, workerExecArgv, reader: design === 'worker' });
    // as in the app, which opens it at launch: the reader's start-up is not measured as the job's
    await host.readerOpen();
    host.subscribe((e) => probe?.mark(`event ${e.type}${e.type === 'progress' ? ` ${e.progress.done}/${e.progress.total}` : ''}`));
    return { served: host, close: () => host.close() };
  }
  const b = createBackend({ dataDir, sync: { autoStart: false }, logError: () => undefined });
  return { served: { call: b.call }, close: () => b.close() };
}

const backend = await start();
// With UI_BENCH_STALLS the host's calls are marked, so that a gap says what was under way.
const traced: ServedBackend = {
  call: async (procedure, input, token) => {
    if (procedure !== 'auth.me') probe?.mark(`call ${procedure}`);
    const env = await backend.served.call(procedure, input, token);
    if (procedure !== 'auth.me') probe?.mark(`reply ${procedure} ${env.ok ? (isHostFile(env.result) ? `file ${env.result.bytes.length} bytes` : 'ok') : env.error.code}`);
    return env;
  },
};
const web = await startWebHost({ backend: process.env.UI_BENCH_STALLS ? traced : backend.served, distDir: path.join(dataDir, 'no-dist'), port: 0 });

serveParent(
  web.url,
  {
    start: async () => {
      if (process.env.UI_BENCH_STALLS) probe = await probeStalls(STALL_MS);
      loop = monitorEventLoopDelay({ resolution: 5 });
      loop.enable();
      return null;
    },
    stop: async (): Promise<HostFigures> => {
      loop!.disable();
      const stalls = probe ? await probe.stop() : [];
      probe = null;
      return { loop_max_ms: Math.round(loop!.max / 1e6), stalls };
    },
  },
  async () => {
    await web.close();
    await backend.close();
  },
);
