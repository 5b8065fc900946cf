/**
 * The backend host: runs the backend in a worker thread and is the one way the shell (Electron main,
 * browser mode's web host) reaches it. Calls are matched to replies by id; the backend's events go
 * to every subscriber. A worker that stops unexpectedly is reported (a `backend` event in Chinese),
 * its calls in flight are answered `backend-restarting`, and a new worker opens the same database:
 * what was committed is kept (SQLite WAL), and so are the sessions (the worker tells them after
 * each call that changed them), so users stay signed in.
 * A second worker, the reader (reader-slot.ts), answers the cheap reads of shared/api/reads.ts from
 * a read-only connection, so that they do not wait while the writer is inside one long synchronous
 * step (SQLite's WAL lets it read while the writer commits). A read after a write sees it: the
 * write's reply comes after its commit, and the reader reads the file as it is.
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { Envelope } from '../../shared/api/contract';
import {
  BACKEND_CRASHED_MESSAGE,
  BACKEND_RESTARTED_MESSAGE,
  type BackendEvent,
} from '../../shared/api/events';
import { FILE_REPLACING_PROCEDURES, READ_ONLY_PROCEDURES } from '../../shared/api/reads';
import type { FromWorker, HostFile, SecretOp, ToWorker, WorkerConfig } from './protocol';
import { answerSecret, secretBuffer } from './secret-channel';
import { ReaderSlot, type StartedWorker } from './reader-slot';

export type { HostFile } from './protocol';

export function isHostFile(v: unknown): v is HostFile {
  return typeof v === 'object' && v !== null && typeof (v as HostFile).fileName === 'string' && (v as HostFile).bytes instanceof Uint8Array;
}

/** The envelope with a file result as the renderer takes it (FileOut: base64), for a shell that passes replies on whole. */
export function withBase64File(env: Envelope<unknown>): Envelope<unknown> {
  if (!env.ok || !isHostFile(env.result)) return env;
  const { fileName, bytes } = env.result;
  return { ok: true, result: { fileName, base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') } };
}

export type EventListener = (event: BackendEvent) => void;

export interface BackendHostOptions {
  dataDir: string;
  migrationsFolder?: string;
  /** The worker's entry: the bundled backend-worker.cjs in Electron; worker-dev.mjs (tsx) otherwise. */
  workerFile?: string;
  clockOffsetMs?: number;
  /** The OS key store (Electron safeStorage), used here on the host's thread; bytes as base64. */
  secrets?: { encrypt(plain: string): string; decrypt(sealed: string): string };
  sync?: WorkerConfig['sync'];
  /** Restarts allowed within a minute before the host gives up (a worker that cannot stay up). */
  maxRestartsPerMinute?: number;
  logError?: (message: string, err: unknown) => void;
  /** The cheap reads from the reader worker (default); false: every call to the writer (bench ui-responsiveness compares). */
  reader?: boolean;
  /** Node flags of the worker (a bench's --cpu-prof); none by default. */
  workerExecArgv?: string[];
}

export interface BackendHost {
  /** A file result (FileOut) comes as a HostFile, its bytes not encoded: see withBase64File. */
  call(procedure: string, input: unknown, token: string | null): Promise<Envelope<unknown>>;
  /** Subscribes to the backend's events; returns the unsubscribe. */
  subscribe(listener: EventListener): () => void;
  /** Moves the backend's clock (tests; the app runs at offset 0). */
  setClockOffset(offsetMs: number): void;
  /** Ends the worker (the writer, or the reader) as a crash would (tests of the restart; supervision). */
  kill(which?: 'writer' | 'reader'): Promise<void>;
  /** Resolves once the reader worker is open (true) or could not open (false: the writer answers every call). */
  readerOpen(): Promise<boolean>;
  close(): Promise<void>;
}

const DEFAULT_WORKER = fileURLToPath(new URL('./worker-dev.mjs', import.meta.url));

function failure(code: 'backend-restarting' | 'internal', message: string): Envelope<unknown> {
  return { ok: false, error: { code, message } };
}

/** Starts the worker and resolves once the backend has opened its database (rejects if it cannot). */
export async function startBackendHost(opts: BackendHostOptions): Promise<BackendHost> {
  const workerFile = opts.workerFile ?? DEFAULT_WORKER;
  const logError = opts.logError ?? ((message, err) => console.error(message, err));
  const listeners = new Set<EventListener>();
  const pending = new Map<number, (env: Envelope<unknown>) => void>();
  const sealing = opts.secrets ? { buffer: secretBuffer() } : undefined;
  // each worker its own buffer: both may ask at once
  const readerSealing = opts.secrets ? { buffer: secretBuffer() } : undefined;
  let offsetMs = opts.clockOffsetMs ?? 0;
  let nextId = 1;
  let closing = false;
  let gaveUp = false;
  let restarts: number[] = [];
  let closed: (() => void) | null = null;
  let sessions: WorkerConfig['sessions'];

  const emit = (event: BackendEvent): void => {
    for (const l of listeners) {
      try {
        l(event);
      } catch (err) {
        logError('[host] an event listener failed', err);
      }
    }
  };

  /** Starts a worker of a role: what both answer alike here, the rest to `onMessage`. */
  function startWorker(role: WorkerConfig['role'], onMessage: (m: FromWorker) => void, onExit: (w: Worker, code: number) => void): StartedWorker {
    const channel = role === 'writer' ? sealing : readerSealing;
    const config: WorkerConfig = { role, dataDir: opts.dataDir, migrationsFolder: opts.migrationsFolder, clockOffsetMs: offsetMs, sealing: channel, sync: opts.sync, sessions };
    // The parent's loader flags are not the worker's business (worker-dev.mjs registers tsx itself).
    const w = new Worker(workerFile, { workerData: config, execArgv: opts.workerExecArgv ?? [] });
    const ready = new Promise<void>((resolve, reject) => {
      w.on('message', (m: FromWorker) => {
        if (m.type === 'ready') resolve();
        else if (m.type === 'fatal') reject(new Error(m.message));
        else if (m.type === 'secret') answerSecret(channel!.buffer, seal(m.op, m.value));
        else onMessage(m);
      });
      w.on('error', (err) => {
        logError(`[host] the backend ${role} failed`, err);
        reject(err);
      });
      w.on('exit', (code) => {
        reject(new Error(`the backend ${role} exited (${code}) before it was ready`));
        onExit(w, code);
      });
    });
    // a reader that cannot open is not an error of the host (the writer answers); the writer's is awaited
    ready.catch(() => undefined);
    return { worker: w, ready };
  }

  const onWriterMessage = (m: FromWorker): void => {
    switch (m.type) {
      case 'reply': {
        const done = pending.get(m.id);
        pending.delete(m.id);
        done?.(m.envelope);
        return;
      }
      case 'event':
        emit(m.event);
        return;
      case 'sessions':
        sessions = m.state;
        reader.tell({ type: 'sessions', state: m.state }); // before the reply of the call that changed them
        return;
      default:
        return;
    }
  };

  const spawn = (): StartedWorker => startWorker('writer', onWriterMessage, onExit);

  function seal(op: SecretOp, value: string): string | null {
    try {
      return op === 'encrypt' ? opts.secrets!.encrypt(value) : opts.secrets!.decrypt(value);
    } catch (err) {
      logError('[host] sealing failed', err);
      return null;
    }
  }

  function onExit(w: Worker, code: number): void {
    if (w !== current) return;
    // Calls the old worker did not answer will never be: say so, so that the user can retry.
    const lost = [...pending.values()];
    pending.clear();
    if (closing) {
      for (const done of lost) done(failure('internal', '程序正在关闭'));
      closed?.();
      return;
    }
    for (const done of lost) done(failure('backend-restarting', BACKEND_CRASHED_MESSAGE));
    logError(`[host] the backend worker stopped (exit code ${code}); restarting it`, null);
    emit({ type: 'backend', state: 'crashed', message: BACKEND_CRASHED_MESSAGE });
    const now = Date.now();
    restarts = [...restarts.filter((t) => now - t < 60_000), now];
    if (restarts.length > maxRestartsPerMinute) {
      gaveUp = true;
      return;
    }
    const next = spawn();
    current = next.worker;
    // the new writer may first finish a restore the crash cut short (a new file in place): the reader reopens after it
    void reader.without(() => next.ready.catch(() => undefined));
    next.ready.then(
      () => emit({ type: 'backend', state: 'restarted', message: BACKEND_RESTARTED_MESSAGE }),
      (err: unknown) => logError('[host] the backend worker could not restart', err),
    );
  }

  const maxRestartsPerMinute = opts.maxRestartsPerMinute ?? 5;
  const reader = new ReaderSlot({
    start: (onMessage, onReaderExit) => startWorker('reader', onMessage, onReaderExit),
    toWriter: (procedure, input, token) => toWriter(procedure, input, token),
    touched: (activity) => send({ type: 'touch', activity }),
    logError,
    maxRestartsPerMinute,
  });
  const first = spawn();
  let current: Worker = first.worker;
  try {
    await first.ready;
  } catch (err) {
    closing = true; // a backend that cannot open is not restarted: the shell reports it
    await current.terminate();
    throw err;
  }

  function send(m: ToWorker): void {
    current.postMessage(m);
  }
  if (opts.reader === false) void reader.end();
  else void reader.start();

  function toWriter(procedure: string, input: unknown, token: string | null): Promise<Envelope<unknown>> {
    if (closing) return Promise.resolve(failure('internal', '程序正在关闭'));
    if (gaveUp) return Promise.resolve(failure('internal', '后台服务多次意外停止，请重新启动程序'));
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      try {
        send({ type: 'call', id, procedure, input, token });
      } catch (err) {
        // Input that cannot be cloned (a function, ...): a refusal, not a crash of the host.
        pending.delete(id);
        logError(`[host] ${procedure} could not be sent`, err);
        resolve(failure('internal', '请求内容无法传送给后台服务'));
      }
    });
  }

  return {
    async call(procedure, input, token) {
      if (closing) return failure('internal', '程序正在关闭');
      if (READ_ONLY_PROCEDURES.has(procedure)) return reader.call(procedure, input, token) ?? toWriter(procedure, input, token);
      // a restore replaces the file: the reader's connection is closed meanwhile
      if (FILE_REPLACING_PROCEDURES.has(procedure)) return reader.without(() => toWriter(procedure, input, token));
      const env = await toWriter(procedure, input, token);
      if (procedure === 'database.unlock' && env.ok) void reader.start(); // the file opens now
      return env;
    },
    readerOpen: () => reader.whenOpen(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setClockOffset(ms) {
      offsetMs = ms;
      send({ type: 'clock', offsetMs: ms });
      reader.tell({ type: 'clock', offsetMs: ms });
    },
    async kill(which = 'writer') {
      if (which === 'reader') return reader.kill();
      const w = current;
      const exited = new Promise<void>((r) => w.once('exit', () => r()));
      await w.terminate();
      await exited;
    },
    async close() {
      if (closing) return;
      closing = true;
      await reader.end();
      return new Promise<void>((resolve) => {
        closed = resolve;
        if (gaveUp) return resolve();
        // The worker closes the database and ends its port; terminate() if it does not within 5 s.
        send({ type: 'close' });
        setTimeout(() => void current.terminate(), 5000).unref();
      });
    },
  };
}
