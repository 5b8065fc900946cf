/**
 * Which calls may run while long work holds the database, and in what order. Long work that must
 * be all-or-nothing (an import, the demo street) keeps one transaction open across turns of the
 * event loop (Store.txYielding); a call served during one of its turns must not run inside it.
 * The choice: cheap reads are served from a read-only connection, which sees only what was committed
 * (SNAPSHOT_READS, always, so they never wait); every other call and every sync run waits while long
 * work is open, and long work waits until the calls and sync runs under way have ended (those that
 * arrive after it wait behind it, so it is never starved).
 */
import { READ_ONLY_PROCEDURES } from '../../../shared/api/reads';

/** Long work that holds the database in one yielding transaction. */
export const EXCLUSIVE_PROCEDURES: ReadonlySet<string> = new Set(['registry.importCommit', 'setup.loadDemo', 'batches.generate', 'warnings.importCommit']);

/** Reads answered from the read-only connection (shared/api/reads.ts; the host serves them from a worker of their own). */
export const SNAPSHOT_READS: ReadonlySet<string> = READ_ONLY_PROCEDURES;

export class CallGate {
  /** Ordinary calls and sync runs under way. */
  private active = 0;
  /** Long work under way, or waiting for the ordinary work before it to end. */
  private exclusive = 0;
  private exclusiveOpen = false;
  private waiting: (() => void)[] = [];

  /** Runs fn once no long work is under way or waiting (a call). */
  ordinary<T>(fn: () => Promise<T>): Promise<T> {
    return this.enter(() => this.exclusive === 0, fn);
  }

  /** Runs fn once no long work is open; long work still waiting lets it go first (a sync run, which a call may be awaiting). */
  background<T>(fn: () => Promise<T>): Promise<T> {
    return this.enter(() => !this.exclusiveOpen, fn);
  }

  /** Runs fn alone: after the ordinary work under way, before the work that arrives meanwhile. */
  async alone<T>(fn: () => Promise<T>): Promise<T> {
    this.exclusive++;
    try {
      await this.until(
        () => this.active === 0 && !this.exclusiveOpen,
        () => (this.exclusiveOpen = true),
      );
      try {
        return await fn();
      } finally {
        this.exclusiveOpen = false;
      }
    } finally {
      this.exclusive--;
      this.wake();
    }
  }

  private async enter<T>(may: () => boolean, fn: () => Promise<T>): Promise<T> {
    await this.until(may, () => this.active++);
    try {
      return await fn();
    } finally {
      this.active--;
      this.wake();
    }
  }

  /** Waits until `may` holds, then claims at once (no other waiter runs between the check and the claim). */
  private async until(may: () => boolean, claim: () => void): Promise<void> {
    while (!may()) await new Promise<void>((resolve) => this.waiting.push(resolve));
    claim();
  }

  private wake(): void {
    for (const w of this.waiting.splice(0)) w();
  }
}
