/**
 * The host's reader worker (WorkerConfig.role 'reader'): it answers the procedures of
 * shared/api/reads.ts from a read-only connection, so that they are answered while the writer is
 * inside one long synchronous step. It is an optimisation the host can always do without: while it
 * starts, is stopped (a restore replaces the file: no connection may hold it then) or cannot open
 * the file (a locked database), those calls go to the writer, which serves them too; calls in
 * flight when it stops are sent to the writer. A reader that stops unexpectedly is restarted like
 * the writer, within the same limit of restarts per minute.
 */
import type { Worker } from 'node:worker_threads';
import type { Envelope } from '../../shared/api/contract';
import type { SessionActivity } from '../backend/services/auth/sessions';
import type { FromWorker, ToWorker } from './protocol';

export interface StartedWorker {
  worker: Worker;
  /** Resolves once the worker has opened the database; rejects if it cannot. */
  ready: Promise<void>;
}

export interface ReaderSlotDeps {
  /** Starts a reader worker with these handlers of its messages and its exit (host.ts). */
  start(onMessage: (m: FromWorker) => void, onExit: (w: Worker, code: number) => void): StartedWorker;
  /** Sends a call to the writer instead. */
  toWriter(procedure: string, input: unknown, token: string | null): Promise<Envelope<unknown>>;
  /** User actions the reader served, for the writer's sessions. */
  touched(activity: SessionActivity[]): void;
  logError(message: string, err: unknown): void;
  maxRestartsPerMinute: number;
}

interface InFlight {
  procedure: string;
  input: unknown;
  token: string | null;
  resolve(env: Envelope<unknown> | Promise<Envelope<unknown>>): void;
}

export class ReaderSlot {
  private worker: Worker | null = null;
  private open = false;
  private opening: Promise<boolean> = Promise.resolve(false);
  private readonly pending = new Map<number, InFlight>();
  private nextId = 1;
  private restarts: number[] = [];
  /** Restores under way (the reader stays stopped) and the end of the host. */
  private held = 0;
  private ended = false;

  constructor(private readonly deps: ReaderSlotDeps) {}

  /** Starts the reader unless it runs, is held or the host ends; resolves whether it opened. */
  start(): Promise<boolean> {
    if (this.worker || this.held > 0 || this.ended) return this.opening;
    const started = this.deps.start(
      (m) => this.onMessage(m),
      (w, code) => this.onExit(w, code),
    );
    const w = started.worker;
    this.worker = w;
    this.opening = started.ready.then(
      () => {
        if (this.worker === w) this.open = true;
        return this.worker === w;
      },
      () => false, // cannot open (a locked database): the writer answers until an unlock or a restore starts it again
    );
    return this.opening;
  }

  /** Whether the reader is open (tests and benches wait for it). */
  whenOpen(): Promise<boolean> {
    return this.opening;
  }

  /** Answers the call from the reader, or null when it is not open (the host sends it to the writer). */
  call(procedure: string, input: unknown, token: string | null): Promise<Envelope<unknown>> | null {
    const w = this.worker;
    if (!w || !this.open) return null;
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { procedure, input, token, resolve });
      try {
        w.postMessage({ type: 'call', id, procedure, input, token } satisfies ToWorker);
      } catch {
        // input that cannot be cloned: the writer's path says so to the user
        this.pending.delete(id);
        resolve(this.deps.toWriter(procedure, input, token));
      }
    });
  }

  /** Sessions and the clock: the reader's copy follows the writer's. */
  tell(m: Extract<ToWorker, { type: 'sessions' | 'clock' }>): void {
    this.worker?.postMessage(m);
  }

  /** Runs fn with the reader stopped (its connection closed), then starts it again. */
  async without<T>(fn: () => Promise<T>): Promise<T> {
    this.held++;
    try {
      await this.stop();
      return await fn();
    } finally {
      this.held--;
      if (this.held === 0) void this.start();
    }
  }

  /** Stops the reader for good (the host closes). */
  async end(): Promise<void> {
    this.ended = true;
    await this.stop();
  }

  /** Ends the reader as a crash would (tests of the restart). */
  async kill(): Promise<void> {
    const w = this.worker;
    if (!w) return;
    const exited = new Promise<void>((r) => w.once('exit', () => r()));
    await w.terminate();
    await exited;
  }

  private async stop(): Promise<void> {
    const w = this.worker;
    if (!w) return;
    this.worker = null;
    this.open = false;
    const exited = new Promise<void>((r) => w.once('exit', () => r()));
    w.postMessage({ type: 'close' } satisfies ToWorker);
    const timer = setTimeout(() => void w.terminate(), 5000);
    await exited;
    clearTimeout(timer);
  }

  private onMessage(m: FromWorker): void {
    if (m.type === 'reply') {
      const call = this.pending.get(m.id);
      this.pending.delete(m.id);
      call?.resolve(m.envelope);
    } else if (m.type === 'touched') this.deps.touched(m.activity);
  }

  private onExit(w: Worker, code: number): void {
    // What it did not answer, the writer does (reads: asking again changes nothing).
    const lost = [...this.pending.values()];
    this.pending.clear();
    for (const c of lost) c.resolve(this.deps.toWriter(c.procedure, c.input, c.token));
    if (w !== this.worker) return; // stopped on purpose
    const wasOpen = this.open;
    this.worker = null;
    this.open = false;
    if (!wasOpen) return; // it could not open: not restarted (start() again after an unlock or a restore)
    this.deps.logError(`[host] the backend reader stopped (exit code ${code}); restarting it`, null);
    const now = Date.now();
    this.restarts = [...this.restarts.filter((t) => now - t < 60_000), now];
    if (this.restarts.length > this.deps.maxRestartsPerMinute) return; // the writer answers from now on
    void this.start();
  }
}
