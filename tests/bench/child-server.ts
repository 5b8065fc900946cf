/**
 * The servers of the sync benches (district server, raw limit, PouchDB) each run in a child
 * process, as in production where the server is another machine: its work overlaps the client's
 * (the client asks for the next page before applying the current one) instead of sharing one
 * thread with it, and the CPU time of each side is measured apart. This is the parent's side;
 * child-server-main.ts is the child's.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What a child answers to a request: a value, or the message of the error it threw. */
export interface ChildAnswer {
  id: number;
  value?: unknown;
  error?: string;
}

export interface ChildServer {
  url: string;
  /** Runs a named request in the child and resolves with its answer. */
  ask<T>(kind: string, arg?: unknown): Promise<T>;
  /** CPU milliseconds the child has used so far (every thread of it). */
  cpuMs(): Promise<number>;
  close(): Promise<void>;
}

/** Forks `entry` (a .ts file run through tsx) with `args` and waits until it listens. */
export async function forkServer(entry: URL, args: string[]): Promise<ChildServer> {
  // BENCH_SERVER_CPU_PROF=<dir>: each server writes a CPU profile there when it closes.
  const prof = process.env.BENCH_SERVER_CPU_PROF;
  const execArgv = ['--import', 'tsx', ...(prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : [])];
  const child: ChildProcess = fork(fileURLToPath(entry), args, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 1;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url?: string }) => (m.url ? resolve(m.url) : reject(new Error('bench server: no url'))));
    child.once('exit', (code) => reject(new Error(`bench server ${entry.pathname} exited (${code}) before listening`)));
  });
  child.on('message', (m: ChildAnswer) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error !== undefined) p.reject(new Error(m.error));
    else p.resolve(m.value);
  });
  const ask = <T>(kind: string, arg?: unknown): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, kind, arg });
    });
  return {
    url,
    ask,
    cpuMs: () => ask<number>('cpu'),
    close: async () => {
      if (child.exitCode !== null) return;
      await ask('close').catch(() => undefined);
      await exited;
    },
  };
}
