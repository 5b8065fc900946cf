/**
 * The clients of the ui-responsiveness bench, in a process of their own as a browser would be: the
 * "second client" calling `auth.me` every 20 ms and the caller of each long job. Were they in the
 * web host's process, parsing a 20 MB export answer would block the very thread the bench samples.
 * Requests from the parent (child-server.ts): 'call' (one POST; the answer's result only if asked,
 * so a big one does not cross back), 'tick' (start the 20 ms schedule), 'stop' (end it, wait for
 * the calls in flight, answer their latencies).
 */
import fs from 'node:fs';
import http from 'node:http';
import { serveParent } from './child-server-main';

export interface Envelope {
  ok: boolean;
  result?: unknown;
  error?: { code: string; message: string };
}

export interface CallArg {
  url: string;
  procedure: string;
  input: unknown;
  token?: string | null;
  /** Answer the result too (else only ok and error). */
  result?: boolean;
  /** Set input[key] to the text of a file (a large upload need not cross from the parent). */
  inputFile?: { key: string; path: string };
}

export interface Ticks {
  latencies: number[];
  /** Calls that got no answer (connection refused or reset): their wait until then is counted. */
  failed: number;
  /** Calls over 250 ms: when they were meant (process.hrtime in µs, the CPU profiles' clock) and how long they took. */
  slow: { meant_us: number; ms: number }[];
}

/**
 * One POST on a connection of its own: a kept-alive connection can be closed by the server's idle
 * timer just as a request goes out on it (the in-thread design's blocked timers fire late), which
 * would fail the call for a reason the bench does not measure.
 */
function post(url: string, body: string, token: string | null): Promise<Envelope> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    if (token) headers['x-doudi-token'] = token;
    const req = http.request(url, { method: 'POST', agent: false, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Envelope);
        } catch (err) {
          reject(err as Error);
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function call(arg: CallArg): Promise<Envelope> {
  const input = arg.inputFile ? { ...(arg.input as object), [arg.inputFile.key]: fs.readFileSync(arg.inputFile.path, 'utf8') } : arg.input;
  const env = await post(`${arg.url}/api/${arg.procedure}`, JSON.stringify({ input }), arg.token ?? null);
  return arg.result ? env : { ok: env.ok, error: env.error };
}

/** `auth.me` on a fixed schedule; a call is timed from its scheduled instant, so a blocked server's wait counts. */
function ticker(url: string, token: string | null, everyMs: number): () => Promise<Ticks> {
  const ticks: Ticks = { latencies: [], failed: 0, slow: [] };
  const hr0 = Number(process.hrtime.bigint() / 1000n) - performance.now() * 1000;
  const took = (meant: number): void => {
    const ms = performance.now() - meant;
    ticks.latencies.push(ms);
    if (ms > 250) ticks.slow.push({ meant_us: Math.round(hr0 + meant * 1000), ms: Math.round(ms) });
  };
  const inFlight: Promise<void>[] = [];
  const t0 = performance.now();
  let sent = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    while (t0 + sent * everyMs <= now) {
      const meant = t0 + sent * everyMs;
      sent++;
      inFlight.push(
        post(`${url}/api/auth.me`, JSON.stringify({ input: {} }), token).then(
          () => took(meant),
          () => {
            ticks.failed++;
            took(meant);
          },
        ),
      );
    }
  }, everyMs / 4);
  return async () => {
    clearInterval(timer);
    await Promise.all(inFlight);
    return ticks;
  };
}

let stop: (() => Promise<Ticks>) | null = null;

serveParent(
  'ipc:ui-client', // not a server: child-server.ts waits for a url before the first request
  {
    call: (arg) => call(arg as CallArg),
    tick: (arg) => {
      const { url, token, everyMs } = arg as { url: string; token: string | null; everyMs: number };
      stop = ticker(url, token, everyMs);
      return null;
    },
    stop: () => {
      if (!stop) throw new Error('ui-client: stop without tick');
      const s = stop;
      stop = null;
      return s();
    },
  },
  async () => undefined,
);
