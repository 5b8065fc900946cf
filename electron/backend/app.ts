/**
 * Composition of the backend: opens the database in the data directory and wires the store,
 * sessions, handlers and router. Each call creates an independent backend (no module singletons),
 * so tests run several side by side.
 */
import { topUpNewParamKeys } from './services/policy/seed';
import { migrateProgrammeTags } from './services/assistance/one-truth';
import path from 'node:path';
import type { Envelope } from '../../shared/api/contract';
import { AppError } from '../../shared/errors';
import { DB_FILE_NAME, openStreetDatabase, streetDatabaseKey } from './db/street-database';
import { ensurePrivateDir } from './db/private-files';
import { Store, type Actor } from './store/store';
import { SessionStore, type SessionActivity, type SessionsState } from './services/auth/sessions';
import { Router } from './api/router';
import { authHandlers, setupHandlers, userHandlers } from './api/auth-handlers';
import { auditHandlers, orgHandlers } from './api/org-handlers';
import { registryHandlers } from './api/registry-handlers';
import { excelHandlers } from './api/excel-handlers';
import { reportHandlers } from './api/report-handlers';
import { screeningHandlers } from './api/screening-handlers';
import { ledgerHandlers } from './api/ledger-handlers';
import { reportExportHandlers } from './api/report-export-handlers';
import { assistanceHandlers, policyHandlers } from './api/assistance-handlers';
import { assistanceListHandlers } from './api/assistance-list-handlers';
import { reviewHandlers } from './api/review-handlers';
import { batchHandlers } from './api/batch-handlers';
import { reportSnapshotHandlers } from './api/report-snapshot-handlers';
import { warningsIntakeHandlers } from './api/warnings-intake-handlers';
import { syncHandlers } from './api/sync-handlers';
import { SyncController, type SyncControllerOptions } from './sync/controller';
import { careHandlers } from './api/care-handlers';
import { leftBehindHandlers } from './api/left-behind-handlers';
import { appHandlers } from './api/app-handlers';
import { householdHandlers } from './api/household-handlers';
import { databaseHandlers } from './api/database-handlers';
import { homeHandlers } from './api/home-handlers';
import { warningsHandlers } from './api/warnings-handlers';
import type { Handlers } from './api/handlers';
import { loadDemoStreet } from './demo/load';
import { compactionDone, compactStorage } from './sync/compact';
import type { SecretBox } from './store/secret-box';
import { areasOfTables, type BackendEvent, type ProgressInfo } from '../../shared/api/events';
import { CallGate, EXCLUSIVE_PROCEDURES, SNAPSHOT_READS } from './api/call-gate';
import { openReadOnly, type OpenedDb } from './db/open';
import { backupHandlers, setupRestoreHandlers } from './api/backup-handlers';
import { BackupService } from './services/backup/backups';
import { DailyBackups } from './services/backup/daily';
import { finishPendingRestore, swapRestored } from './services/backup/restore';
import { checkpointOnThread } from './services/backup/vacuum-thread';
import { BACKUP_COUNTED_TABLES } from '../../shared/backup/types';
import { contract } from '../../shared/api/contract';
import { FILE_REPLACING_PROCEDURES } from '../../shared/api/reads';
import { setupStatus } from './services/setup/street';
import { warmUpWorkbench } from './services/home/warm-up';
import { shanghaiDate } from '../../shared/time/shanghai';
import { bootstrapPending } from './sync/pull';
import type { RestoreResult, SetupRestoreResult } from '../../shared/backup/types';

export { DB_FILE_NAME } from './db/street-database';

export interface BackendOptions {
  dataDir: string;
  migrationsFolder?: string;
  now?: () => Date;
  logError?: (procedure: string, err: unknown) => void;
  /** Seals the device token with the OS key store (Electron safeStorage); plain without it. */
  secrets?: SecretBox;
  /** Sync client options (transport, timings); background sync starts only on an enrolled device. */
  sync?: SyncControllerOptions & { autoStart?: boolean };
  /** Receives the backend's events (committed changes, sync status); the host relays them. */
  events?: (event: BackendEvent) => void;
  /** The sessions of a backend before this one (the host restarting its worker). */
  sessions?: SessionsState;
  /** Automatic daily backups (the app turns them on; tests make backups explicitly). */
  backup?: { auto?: boolean; startDelayMs?: number; checkMs?: number; quietMs?: number };
  /** Benches only: a plain database file, to measure what encryption costs (db/street-database.ts). */
  unencrypted?: boolean;
  /** Works the 工作台 out in the background once the database opens, after the first call of each new day and at a bootstrap's end (the app; services/home/warm-up.ts). */
  warmUp?: { delayMs?: number };
}

export interface Backend {
  readonly store: Store;
  readonly dbFile: string;
  readonly sync: SyncController;
  /** The signed-in sessions as data (the host keeps them across a restart of its worker). */
  sessionsState(): SessionsState;
  /** User actions the host's reader worker served: they keep the sessions from timing out here too. */
  touchSessions(activity: SessionActivity[]): void;
  call(procedure: string, input: unknown, token: string | null): Promise<Envelope<unknown>>;
  close(): void;
  /** Works out and keeps the street's 工作台 now, after the calls under way (false: no street yet). */
  warmUp(): Promise<boolean>;
  /** Settles once the threads this backend started on its file (a long commit's WAL checkpoint) have ended. */
  idle(): Promise<void>;
}

export function createBackend(opts: BackendOptions): Backend {
  ensurePrivateDir(opts.dataDir);
  const dbFile = path.join(opts.dataDir, DB_FILE_NAME);
  // a restore a crash interrupted after its point of no return completes before anything opens
  finishPendingRestore(dbFile);
  // the file's key (made on first start; null only for the bench's plain file): backups are written with it
  const key = opts.unencrypted ? null : streetDatabaseKey(opts.dataDir, opts.secrets);
  const emit = opts.events ?? (() => undefined);
  const logError = opts.logError ?? ((p: string, err: unknown) => console.error(`[backend] ${p} failed:`, err));
  const gate = new CallGate();
  const progress = (p: ProgressInfo) => emit({ type: 'progress', progress: p });
  // The database and what is built on it; opened again after a restore (services/backup/restore.ts).
  let inner: Inner;
  const sessions = new SessionStore(() => inner.store.nowDate().getTime(), opts.sessions);
  const backups = new BackupService({ dataDir: opts.dataDir, dbFile, key, store: () => inner.store, progress });
  let restoredBy: { actor: Actor; summary: string } | null = null;
  const restoreDeps = { service: backups, dataDir: opts.dataDir, dbFile, key, onStaged: (actor: Actor, summary: string) => (restoredBy = { actor, summary }) };
  const extraHandlers = { ...backupHandlers(restoreDeps), ...setupRestoreHandlers(restoreDeps) };
  const checkpoints = { last: Promise.resolve() };
  // (called on a sync run's start and end, never while createBackend runs: warmAfterBootstrap is defined below)
  const syncRunChanged = (): void => warmAfterBootstrap();
  inner = openInner(opts, dbFile, key, { emit, logError, gate, sessions, progress, extraHandlers, checkpoints, syncRunChanged });
  let lastActivity = inner.store.nowDate().getTime();
  const daily = new DailyBackups(backups, {
    now: () => inner.store.nowDate(),
    lastActivity: () => lastActivity,
    hasData: () => {
      const s = setupStatus(inner.store);
      return s.isSetUp && !s.isDemo;
    },
    runGate: (fn) => gate.background(fn),
    logError,
    ...opts.backup,
  });
  if (opts.backup?.auto) daily.start();
  let closed = false;
  /** The Shanghai day the 工作台 was last warmed for: kept sections expire when the day turns. */
  let warmedDay: string | null = null;
  const today = (): string => shanghaiDate(inner.store.nowDate());
  const warmUp = (): Promise<boolean> =>
    gate.background(async () => {
      if (closed) return false;
      warmedDay = today();
      try {
        return warmUpWorkbench(inner.store);
      } catch (err) {
        // A refusal (a street whose params do not cover the day) is what the user's own 工作台 shows: no fault.
        if (!(err instanceof AppError)) logError('home.warmUp', err); // only a head start: the 工作台 works itself out when asked
        return false;
      }
    });
  let warmTimer: ReturnType<typeof setTimeout> | null = null;
  /** After the window's first calls (the sign-in screen's), before the user has signed in. */
  const scheduleWarmUp = (): void => {
    if (!opts.warmUp) return;
    warmedDay = today();
    if (warmTimer) clearTimeout(warmTimer);
    const timer = setTimeout(() => void warmUp().finally(() => warmTimer === timer && (warmTimer = null)), opts.warmUp.delayMs ?? 500);
    timer.unref?.();
    warmTimer = timer;
  };
  scheduleWarmUp();
  /** A PC left on overnight: the first call of the new day warms again, after it (a timer), never on its path. */
  const warmAgainIfDayTurned = (): void => {
    if (opts.warmUp && !closed && warmedDay !== today()) scheduleWarmUp();
  };
  /** A warm-up during a bootstrap keeps nothing (services/home/warm-up.ts): the one at its end counts. */
  let bootstrapWasPending = false;
  const warmAfterBootstrap = (): void => {
    if (!opts.warmUp || closed) return;
    const pending = bootstrapPending(inner.store);
    if (bootstrapWasPending && !pending) scheduleWarmUp();
    bootstrapWasPending = pending;
  };

  /** Swaps the staged backup in, with every connection closed, and opens it (restore.ts). */
  const swapIn = (): void => {
    inner.close();
    swapRestored(dbFile);
    inner = openInner(opts, dbFile, key, { emit, logError, gate, sessions, progress, extraHandlers, checkpoints, syncRunChanged });
    const by = restoredBy;
    restoredBy = null;
    if (by) inner.store.tx(() => inner.store.audit(by.actor, { action: 'backup.restore', entity: 'backups', entityId: null, summary: by.summary }));
    emit({ type: 'changed', tables: RESTORED_TABLES, areas: areasOfTables(RESTORED_TABLES) });
    scheduleWarmUp();
  };

  /** After a restore: the sync's recovery (replica-behind, own=1) fetches back what the backup lacked. */
  const syncAfterRestore = async <R extends { sync: RestoreResult['sync'] }>(result: R): Promise<R> => {
    const status = inner.sync.status();
    // a backup of another PC: its device token was sealed there (the PC is enrolled again, its data kept)
    const unopenable = status.credentialUnopenable;
    if (unopenable) return { ...result, sync: { ok: false, recovered: 0, message: `${unopenable.message}。${unopenable.action}` } };
    if (!status.enrolled) return result;
    try {
      const run = await inner.sync.runNow('manual');
      const message = run.ok
        ? (run.notice ?? `已与区级服务器同步：取回 ${run.pulled} 条修改`)
        : `恢复后未能与区级服务器同步（${run.error?.message ?? '网络不可用'}），下次同步时将自动取回本机在备份之后上传的修改`;
      return { ...result, sync: { ok: run.ok, recovered: run.recovered ?? 0, message } };
    } catch (err) {
      logError('backup.restore sync', err);
      return { ...result, sync: { ok: false, recovered: 0, message: '恢复后未能与区级服务器同步，下次同步时将自动取回本机在备份之后上传的修改' } };
    }
  };

  return {
    get store() {
      return inner.store;
    },
    dbFile,
    get sync() {
      return inner.sync;
    },
    sessionsState: () => sessions.state(),
    touchSessions: (activity) => {
      warmAgainIfDayTurned(); // the calls the host's reader worker served are calls too
      sessions.touch(activity);
    },
    call: async (procedure, input, token) => {
      warmAgainIfDayTurned();
      if (SNAPSHOT_READS.has(procedure)) return inner.snapshotRouter.call(procedure, input, token);
      if (!proceduresInBackground.has(procedure)) lastActivity = inner.store.nowDate().getTime();
      const run = () => {
        // a bootstrap's open group of snapshot pages (Store.groupStep) is committed before a call's writes
        inner.store.commitGroup();
        return inner.router.call(procedure, input, token);
      };
      if (RESTORES.has(procedure)) {
        // alone: no call or sync run holds the database while it is replaced
        const staged = await gate.alone(async () => {
          const res = await run();
          if (res.ok) {
            await checkpoints.last;
            swapIn();
          }
          return res;
        });
        if (!staged.ok) return staged;
        return { ok: true, result: await syncAfterRestore(staged.result as RestoreResult | SetupRestoreResult) };
      }
      const res = await (EXCLUSIVE_PROCEDURES.has(procedure) ? gate.alone(run) : gate.ordinary(run));
      inner.store.flushChanged(); // writes made outside a Store transaction
      if (!res.ok) return res;
      // Reads of the sync state and of the clock write nothing: no need to look for new local changes.
      if (!procedure.startsWith('sync.') && !procedure.startsWith('app.')) inner.sync.noteLocalWrites();
      return res;
    },
    close: () => {
      closed = true;
      if (warmTimer) clearTimeout(warmTimer);
      daily.stop();
      inner.close();
    },
    warmUp,
    idle: () => checkpoints.last,
  };
}

/** Calls that stage a restore: the backend swaps it in once they return. */
const RESTORES = FILE_REPLACING_PROCEDURES;
/** Calls the window makes on a timer: they do not make the PC busy for the daily backup. */
const proceduresInBackground: ReadonlySet<string> = new Set(
  Object.entries(contract)
    .filter(([, def]) => (def as { background?: true }).background)
    .map(([name]) => name),
);
const RESTORED_TABLES = [...Object.keys(BACKUP_COUNTED_TABLES), 'communities', 'grids', 'streets', 'policy_params'];

interface Inner {
  store: Store;
  sync: SyncController;
  router: Router;
  snapshotRouter: Router;
  close(): void;
}

interface Shared {
  emit: (event: BackendEvent) => void;
  logError: (procedure: string, err: unknown) => void;
  gate: CallGate;
  sessions: SessionStore;
  progress: (p: ProgressInfo) => void;
  extraHandlers: Partial<Handlers>;
  /** Told when a sync run starts and ends (the backend warms up once a bootstrap has ended). */
  syncRunChanged: () => void;
  /** The last WAL checkpoint handed to its own thread: a restore waits for it before replacing the file (Windows cannot rename a file another connection holds open). */
  checkpoints: { last: Promise<void> };
}

/** Opens the database and builds the store, sync and routers on it. */
function openInner(opts: BackendOptions, dbFile: string, key: Buffer | null, shared: Shared): Inner {
  const { emit, logError, gate, sessions, progress } = shared;
  // a database of an older version is first encrypted, or given the current cipher (db/encipher-database.ts)
  const encryptLabel = '正在加密本机数据库（升级后首次启动）';
  const steps = ['copied', 'encrypted', 'verified', 'swapped'];
  const opened = openStreetDatabase(opts.dataDir, {
    key: key ?? undefined,
    secrets: opts.secrets,
    migrationsFolder: opts.migrationsFolder,
    unencrypted: opts.unencrypted,
    onEncryptStep: (step) => {
      const done = steps.indexOf(step) + 1;
      progress({ task: 'database-encrypt', label: encryptLabel, done, total: steps.length, finished: done === steps.length });
    },
  });
  // Called only once `sync` (declared below: it needs the store) exists.
  const emitSyncStatus = (): void => {
    if (opts.events) emit({ type: 'sync', status: sync.status() });
  };
  // a long transaction's WAL checkpoint runs on a thread of its own (db/open.ts commitLong)
  const db: OpenedDb = {
    ...opened,
    checkpointLongCommits: () => {
      shared.checkpoints.last = checkpointOnThread(dbFile, opened.key).catch((err: unknown) => logError('wal checkpoint', err));
    },
  };
  const store = new Store(db, {
    now: opts.now,
    secrets: opts.secrets,
    onChanged: (tables) => {
      emit({ type: 'changed', tables, areas: areasOfTables(tables) });
      emitSyncStatus(); // pending count, a sync's progress
    },
  });
  const sync: SyncController = new SyncController(store, {
    logError,
    runGate: (run) => gate.background(run),
    ...opts.sync,
    onRunStateChange: () => {
      opts.sync?.onRunStateChange?.();
      emitSyncStatus();
      shared.syncRunChanged();
    },
  });
  topUpNewParamKeys(store);
  // a database written before issue 19 slims down once, in chunks (sync/compact.ts)
  if (!compactionDone(store)) {
    const label = '正在整理本机数据库（精简同步记录）';
    compactStorage(store, { onProgress: (p) => emit({ type: 'progress', progress: { task: 'storage-compact', label, done: p.done, total: p.total, finished: false } }) });
    emit({ type: 'progress', progress: { task: 'storage-compact', label, done: 1, total: 1, finished: true } });
  }
  migrateProgrammeTags(store);
  const handlers = {
    ...setupHandlers(loadDemoStreet),
    ...authHandlers(),
    ...userHandlers(),
    ...orgHandlers(),
    ...registryHandlers(),
    ...excelHandlers(),
    ...auditHandlers(),
    ...screeningHandlers(),
    ...ledgerHandlers(),
    ...policyHandlers(),
    ...assistanceHandlers(),
    ...assistanceListHandlers(),
    ...reviewHandlers(),
    ...batchHandlers(),
    ...syncHandlers(sync),
    ...careHandlers(),
    ...leftBehindHandlers(),
    ...appHandlers(),
    ...householdHandlers(),
    ...databaseHandlers(),
    ...reportSnapshotHandlers(),
    ...reportHandlers(),
    ...reportExportHandlers(),
    ...homeHandlers(sync),
    ...warningsHandlers(),
    ...warningsIntakeHandlers(),
    ...shared.extraHandlers,
  } as Handlers;
  const router = new Router({ store, sessions, handlers, logError, progress });
  // The committed state, for the cheap reads that must not wait for long work (api/call-gate.ts).
  const readDb = openReadOnly(dbFile, db.key);
  const snapshotRouter = new Router({ store: new Store(readDb, { now: opts.now, secrets: opts.secrets }), sessions, handlers, logError, progress });
  if (opts.sync?.autoStart !== false) sync.start();
  return {
    store,
    sync,
    router,
    snapshotRouter,
    close: () => {
      sync.stop();
      readDb.close();
      db.close();
    },
  };
}
