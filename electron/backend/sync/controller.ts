/**
 * The sync client of one backend: enrollment, the background scheduler (after local changes,
 * on an interval, when the network returns, on demand), the history of runs and the status the
 * UI shows. One instance per backend (no module state); createBackend starts it only when the
 * device is enrolled and stops it on close(). Calls never wait on a sync unless they ask to
 * (sync.syncNow, sync.enroll); SQLite work happens in short per-page transactions.
 */
import os from 'node:os';
import type { Store } from '../store/store';
import { AppError } from '../../../shared/errors';
import { SyncRefusal } from '../../../shared/sync/rejections';
import {
  CREDENTIAL_UNOPENABLE,
  describeDrift,
  reasonOf,
  type EnrollResult,
  type SyncErrorInfo,
  type SyncRunInfo,
  type SyncStatus,
  type SyncTrigger,
} from '../../../shared/sync/status';
import { DISTRICT_PARTITION } from '../../../shared/sync/wire';
import { httpTransport, type SyncTransport } from './http';
import { outboxCount } from './encode';
import { pendingCount } from './pending';
import { credentialUnopenable, enrollDevice, SYNC_META, syncConfig, syncOnce, type SyncSummary } from './session';
import { SyncScheduler } from './scheduler';
import { syncNotices } from './recover';
import { isDemoData } from '../demo/marker';

export type TransportFactory = (serverUrl: string, token: string | null) => SyncTransport;

export interface SyncControllerOptions {
  transport?: TransportFactory;
  debounceMs?: number;
  intervalMs?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** While offline, how often to probe the server's /v1/time to notice the network is back. */
  probeMs?: number;
  logError?: (what: string, err: unknown) => void;
  /** A run started or ended (the status changed without a write: syncing, offline, error). */
  onRunStateChange?: () => void;
  /** Runs a sync run when the backend lets it (not while long work holds the database: api/call-gate.ts). */
  runGate?: (run: () => Promise<void>) => Promise<void>;
}

const HISTORY_KEY = 'sync_history';
const HISTORY_MAX = 50;

function isNetworkError(err: unknown): boolean {
  const e = err as { name?: string; message?: string; cause?: { code?: string } };
  return (
    e?.name === 'TimeoutError' ||
    e?.name === 'AbortError' ||
    (e?.name === 'TypeError' && /fetch failed/i.test(e.message ?? '')) ||
    typeof e?.cause?.code === 'string'
  );
}

export class SyncController {
  private scheduler: SyncScheduler | null = null;
  private probeTimer: ReturnType<typeof setInterval> | null = null;
  private probing = false;
  private running = false;
  /** The run under way: syncOnce counts into it page by page (status().progress). */
  private current: SyncSummary | null = null;
  private closed = false;
  private trigger: SyncTrigger = 'start';
  private waiters: { resolve: (r: SyncRunInfo) => void; reject: (e: unknown) => void }[] = [];
  private lastSeq: number;
  private readonly transport: TransportFactory;

  constructor(
    private readonly store: Store,
    private readonly o: SyncControllerOptions = {},
  ) {
    this.transport = o.transport ?? ((url, token) => httpTransport(url, token));
    this.lastSeq = this.maxSeq();
  }

  get enrolled(): boolean {
    return syncConfig(this.store) !== null;
  }

  /** Starts background sync if the device is enrolled (idempotent). */
  start(): void {
    if (this.closed || this.scheduler || !this.enrolled) return;
    this.trigger = 'start';
    this.scheduler = new SyncScheduler({
      run: () => (this.o.runGate ? this.o.runGate(() => this.runOnce()) : this.runOnce()),
      debounceMs: this.o.debounceMs ?? 2000,
      intervalMs: this.o.intervalMs ?? 60_000,
      baseBackoffMs: this.o.baseBackoffMs ?? 2000,
      maxBackoffMs: this.o.maxBackoffMs ?? 300_000,
    });
    this.scheduler.start();
  }

  stop(): void {
    this.closed = true;
    this.scheduler?.stop();
    this.scheduler = null;
    this.stopProbe();
    const waiters = this.waiters.splice(0);
    for (const w of waiters) w.reject(new AppError('sync-failed', '程序正在关闭，同步已停止'));
  }

  /** Called after every API call: schedules a (debounced) sync when the call wrote local changes. */
  noteLocalWrites(): void {
    if (!this.scheduler) return;
    const seq = this.maxSeq();
    if (seq === this.lastSeq) return;
    this.lastSeq = seq;
    if (!this.running) this.trigger = 'local-change';
    this.scheduler.notifyLocalChange();
  }

  /** Runs a sync as soon as possible and resolves with its outcome (a failed run resolves too). */
  runNow(trigger: SyncTrigger = 'manual'): Promise<SyncRunInfo> {
    if (this.closed) return Promise.reject(new AppError('sync-failed', '程序正在关闭，同步已停止'));
    if (!this.scheduler) {
      if (!this.enrolled) return Promise.reject(this.notEnrolled('本设备尚未登记到区级服务器，请先在“同步”页面登记'));
      this.start();
    }
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      if (!this.running) this.trigger = trigger;
      this.scheduler!.syncNow();
    });
  }

  async enroll(input: { serverUrl: string; code: string; deviceName?: string }): Promise<EnrollResult> {
    if (this.enrolled) throw new AppError('already-enrolled', '本设备已登记到区级服务器，无需重复登记');
    // refused here, before the server is asked: the code stays good for a real PC
    if (isDemoData(this.store)) {
      throw new AppError('demo-cannot-enroll', '本机是演示数据，不能登记到区级服务器：真实工作请在空的数据文件夹中设置本街道，或在空的数据文件夹中登记以取回本街道的数据', { field: 'code' });
    }
    const serverUrl = input.serverUrl.trim().replace(/\/+$/, '');
    const streetBefore = this.store.getMeta('street_code');
    const deviceName = (input.deviceName ?? `办公电脑 ${os.hostname()}`).slice(0, 60);
    // Learn the scope without storing anything, so a code of another street leaves this device as it was.
    let scope;
    try {
      const probe = { ...this.transport(serverUrl, null) };
      let enrolled: Awaited<ReturnType<SyncTransport['enroll']>> | null = null;
      probe.enroll = async (req) => {
        enrolled = await this.transport(serverUrl, null).enroll(req);
        if (streetBefore && enrolled.scope.partition !== streetBefore) {
          throw new AppError(
            'sync-failed',
            enrolled.scope.partition === DISTRICT_PARTITION
              ? '该登记码用于区级设备，而本机是街道设备；请向区级管理员索取本街道的登记码（已使用的登记码请管理员停用对应设备）'
              : '该登记码属于其他街道，不能用于本机；请向区级管理员索取本街道的登记码（已使用的登记码请管理员停用对应设备）',
            { field: 'code' },
          );
        }
        return enrolled;
      };
      scope = await enrollDevice(this.store, probe, { serverUrl, code: input.code, deviceName });
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (err instanceof SyncRefusal) {
        throw new AppError('sync-failed', `${reasonOf(err.code).message}：${reasonOf(err.code).action}`, {
          field: err.code === 'enrollment-code-invalid' ? 'code' : undefined,
        });
      }
      if (isNetworkError(err)) {
        throw new AppError('sync-failed', '无法连接区级服务器：请核对服务器地址并检查网络', { field: 'serverUrl' });
      }
      throw err;
    }
    this.start();
    const run = await this.runNow('enroll');
    return { scope, firstSync: { ok: run.ok, error: run.error } };
  }

  status(): SyncStatus {
    const cfg = syncConfig(this.store);
    const lastErrorRaw = this.store.getMeta(SYNC_META.lastError);
    const lastError = lastErrorRaw ? this.errorFromMeta(lastErrorRaw) : null;
    const lastSyncedAt = this.store.getMeta(SYNC_META.lastSuccess);
    const skew = this.store.getMeta(SYNC_META.clockSkew);
    let state: SyncStatus['state'];
    if (!cfg) state = 'not-enrolled';
    else if (this.running) state = 'syncing';
    else if (lastError) state = lastError.code === 'network' ? 'offline' : 'error';
    else state = lastSyncedAt ? 'online' : 'never';
    return {
      enrolled: cfg !== null,
      serverUrl: cfg?.serverUrl ?? null,
      deviceId: this.store.getMeta(SYNC_META.deviceId),
      scope: cfg?.scope ?? null,
      state,
      running: this.running,
      lastSyncedAt,
      pendingCount: outboxCount(this.store),
      parkedCount: pendingCount(this.store),
      rejectedCount: (this.store.prepare('SELECT count(*) AS n FROM sync_rejections WHERE resolved_at IS NULL').get() as { n: number }).n,
      lastError,
      clockDrift: skew !== null && skew !== '' ? describeDrift(Number(skew)) : null,
      lastNotice: syncNotices(this.store)[0] ?? null,
      credentialUnopenable: !cfg && credentialUnopenable(this.store) ? { ...CREDENTIAL_UNOPENABLE } : null,
      progress: this.current ? { snapshotRows: this.current.snapshotRows, pushed: this.current.pushed, pulled: this.current.pulled } : null,
    };
  }

  history(): SyncRunInfo[] {
    const raw = this.store.getMeta(HISTORY_KEY);
    return raw ? (JSON.parse(raw) as SyncRunInfo[]) : [];
  }

  /** Why this PC cannot sync: not enrolled, or enrolled with a token sealed on another PC (a restored backup). */
  private notEnrolled(message: string): AppError {
    return credentialUnopenable(this.store)
      ? new AppError('sync-credential-unopenable', `${CREDENTIAL_UNOPENABLE.message}：${CREDENTIAL_UNOPENABLE.action}`)
      : new AppError('not-enrolled', message);
  }

  /** The transport for the enrolled server (for repairs such as taking the server's value). */
  enrolledTransport(): SyncTransport {
    const cfg = syncConfig(this.store);
    if (!cfg) throw this.notEnrolled('本设备尚未登记到区级服务器');
    return this.transport(cfg.serverUrl, cfg.token);
  }

  private async runOnce(): Promise<void> {
    if (this.closed) return;
    const trigger = this.trigger;
    this.trigger = 'interval';
    const startedAt = this.store.nowIso();
    this.running = true;
    const summary: SyncSummary = { snapshotRows: 0, pushed: 0, rejected: 0, pulled: 0 };
    this.current = summary;
    this.o.onRunStateChange?.();
    let failure: unknown = null;
    try {
      await syncOnce(this.store, this.enrolledTransport(), { progress: summary });
      this.stopProbe();
    } catch (err) {
      failure = err;
    } finally {
      this.running = false;
      this.current = null;
    }
    if (this.closed) return;
    const error = failure === null ? null : this.recordError(failure, startedAt);
    const info: SyncRunInfo = { startedAt, finishedAt: this.store.nowIso(), trigger, ok: failure === null, ...summary, error };
    this.appendHistory(info);
    this.lastSeq = this.maxSeq();
    this.o.onRunStateChange?.();
    for (const w of this.waiters.splice(0)) w.resolve(info);
    if (failure !== null) {
      if (error?.code === 'network') this.startProbe();
      throw failure;
    }
  }

  private recordError(err: unknown, at: string): SyncErrorInfo {
    let code: SyncErrorInfo['code'];
    if (err instanceof SyncRefusal) code = err.code;
    else if (isNetworkError(err)) code = 'network';
    else {
      code = 'server-error';
      this.o.logError?.('sync', err);
    }
    const info: SyncErrorInfo = { code, ...reasonOf(code), at };
    this.store.setMeta(SYNC_META.lastError, JSON.stringify({ code, message: info.message, at }));
    return info;
  }

  private errorFromMeta(raw: string): SyncErrorInfo | null {
    try {
      const e = JSON.parse(raw) as { code: SyncErrorInfo['code']; at: string };
      return { code: e.code, ...reasonOf(e.code), at: e.at };
    } catch {
      return null;
    }
  }

  private appendHistory(info: SyncRunInfo): void {
    const list = [info, ...this.history()].slice(0, HISTORY_MAX);
    this.store.setMeta(HISTORY_KEY, JSON.stringify(list));
  }

  private maxSeq(): number {
    // the log's last sequence (AUTOINCREMENT): acknowledged changes leave the log (forget.ts)
    return (this.store.prepare("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'change_log'), 0) AS m").get() as { m: number }).m;
  }

  private startProbe(): void {
    if (this.probeTimer || this.closed) return;
    this.probeTimer = setInterval(() => {
      let t: SyncTransport;
      try {
        t = this.enrolledTransport();
      } catch {
        return;
      }
      if (this.probing) return;
      this.probing = true;
      t.time()
        .finally(() => (this.probing = false))
        .then(
        () => {
          if (this.closed || !this.probeTimer) return;
          this.stopProbe();
          if (!this.running) this.trigger = 'network';
          this.scheduler?.syncNow();
        },
        () => undefined,
      );
    }, this.o.probeMs ?? 15_000);
    this.probeTimer.unref?.();
  }

  private stopProbe(): void {
    if (this.probeTimer) clearInterval(this.probeTimer);
    this.probeTimer = null;
  }
}
