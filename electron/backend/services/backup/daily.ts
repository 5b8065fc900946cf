/**
 * The automatic daily backup: shortly after start when today's (Shanghai day) is missing, and,
 * for a PC left running overnight, at a quiet moment of each later day (no user call for a few
 * minutes). Runs as background work (after the calls under way, never inside long work).
 */
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { BackupService } from './backups';

export interface DailyBackupOptions {
  now: () => Date;
  /** When the last user call arrived (ms). */
  lastActivity: () => number;
  /** Whether there is anything to back up (a street set up or enrolled). */
  hasData: () => boolean;
  /** Runs the backup as background work (the call gate). */
  runGate: <T>(fn: () => Promise<T>) => Promise<T>;
  logError: (what: string, err: unknown) => void;
  startDelayMs?: number;
  checkMs?: number;
  quietMs?: number;
}

export class DailyBackups {
  private timers: NodeJS.Timeout[] = [];
  private stopped = false;

  constructor(
    private readonly service: BackupService,
    private readonly opts: DailyBackupOptions,
  ) {}

  start(): void {
    const first = setTimeout(() => void this.check(true), this.opts.startDelayMs ?? 60_000);
    const every = setInterval(() => void this.check(false), this.opts.checkMs ?? 10 * 60_000);
    first.unref();
    every.unref();
    this.timers.push(first, every);
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
  }

  /** Backs up when today's is missing (and, after start, when the PC is quiet); true if it did. */
  async check(atStart: boolean): Promise<boolean> {
    if (this.stopped || !this.opts.hasData()) return false;
    const now = this.opts.now();
    if (this.service.lastDaily() === shanghaiDate(now)) return false;
    if (!atStart && now.getTime() - this.opts.lastActivity() < (this.opts.quietMs ?? 3 * 60_000)) return false;
    try {
      await this.opts.runGate(() => this.service.create('daily'));
      return true;
    } catch (err) {
      this.opts.logError('backup.daily', err);
      return false;
    }
  }
}
