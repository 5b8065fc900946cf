/**
 * Composition of the backend: opens the database in the data directory and wires the store,
 * sessions, handlers and router. Each call creates an independent backend (no module singletons),
 * so tests run several side by side.
 */
import { topUpNewParamKeys } from './services/policy/seed';
import { migrateProgrammeTags } from './services/assistance/one-truth';
import path from 'node:path';
import type { Envelope } from '../../shared/api/contract';
import { DB_FILE_NAME, openStreetDatabase } from './db/street-database';
import { Store } from './store/store';
import { SessionStore, type SessionsState } from './services/auth/sessions';
import { Router } from './api/router';
import { authHandlers, setupHandlers, userHandlers } from './api/auth-handlers';
import { auditHandlers, orgHandlers } from './api/org-handlers';
import { registryHandlers } from './api/registry-handlers';
import { excelHandlers } from './api/excel-handlers';
import { screeningHandlers } from './api/screening-handlers';
import { ledgerHandlers } from './api/ledger-handlers';
import { assistanceHandlers, policyHandlers } from './api/assistance-handlers';
import { assistanceListHandlers } from './api/assistance-list-handlers';
import { batchHandlers } from './api/batch-handlers';
import { syncHandlers } from './api/sync-handlers';
import { SyncController, type SyncControllerOptions } from './sync/controller';
import { careHandlers } from './api/care-handlers';
import { appHandlers } from './api/app-handlers';
import { householdHandlers } from './api/household-handlers';
import { databaseHandlers } from './api/database-handlers';
import type { Handlers } from './api/handlers';
import { loadDemoStreet } from './demo/load';
import { compactionDone, compactStorage } from './sync/compact';
import type { SecretBox } from './store/secret-box';
import { areasOfTables, type BackendEvent, type ProgressInfo } from '../../shared/api/events';
import { CallGate, EXCLUSIVE_PROCEDURES, SNAPSHOT_READS } from './api/call-gate';
import { openReadOnly } from './db/open';

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
  /** Benches only: a plain database file, to measure what encryption costs (db/street-database.ts). */
  unencrypted?: boolean;
}

export interface Backend {
  readonly store: Store;
  readonly dbFile: string;
  readonly sync: SyncController;
  /** The signed-in sessions as data (the host keeps them across a restart of its worker). */
  sessionsState(): SessionsState;
  call(procedure: string, input: unknown, token: string | null): Promise<Envelope<unknown>>;
  close(): void;
}

export function createBackend(opts: BackendOptions): Backend {
  const emit = opts.events ?? (() => undefined);
  const dbFile = path.join(opts.dataDir, DB_FILE_NAME);
  // a plain database of an older version is encrypted first (db/encrypt-plain.ts)
  const encryptLabel = '正在加密本机数据库（首次升级）';
  const steps = ['copied', 'encrypted', 'verified', 'swapped'];
  const db = openStreetDatabase(opts.dataDir, {
    secrets: opts.secrets,
    migrationsFolder: opts.migrationsFolder,
    unencrypted: opts.unencrypted,
    onEncryptStep: (step) => {
      const done = steps.indexOf(step) + 1;
      emit({ type: 'progress', progress: { task: 'database-encrypt', label: encryptLabel, done, total: steps.length, finished: done === steps.length } });
    },
  });
  // Called only once `sync` (declared below: it needs the store) exists.
  const emitSyncStatus = (): void => {
    if (opts.events) emit({ type: 'sync', status: sync.status() });
  };
  const store = new Store(db, {
    now: opts.now,
    secrets: opts.secrets,
    onChanged: (tables) => {
      emit({ type: 'changed', tables, areas: areasOfTables(tables) });
      emitSyncStatus(); // pending count, a sync's progress
    },
  });
  const logError = opts.logError ?? ((p: string, err: unknown) => console.error(`[backend] ${p} failed:`, err));
  const gate = new CallGate();
  const sync: SyncController = new SyncController(store, {
    logError,
    runGate: (run) => gate.background(run),
    ...opts.sync,
    onRunStateChange: () => {
      opts.sync?.onRunStateChange?.();
      emitSyncStatus();
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
  const sessions = new SessionStore(() => store.nowDate().getTime(), opts.sessions);
  const handlers: Handlers = {
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
    ...batchHandlers(),
    ...syncHandlers(sync),
    ...careHandlers(),
    ...appHandlers(),
    ...householdHandlers(),
    ...databaseHandlers(),
  };
  const progress = (p: ProgressInfo) => emit({ type: 'progress', progress: p });
  const router = new Router({ store, sessions, handlers, logError, progress });
  // The committed state, for the cheap reads that must not wait for long work (api/call-gate.ts).
  const readDb = openReadOnly(dbFile, db.key);
  const snapshotRouter = new Router({ store: new Store(readDb, { now: opts.now, secrets: opts.secrets }), sessions, handlers, logError, progress });
  if (opts.sync?.autoStart !== false) sync.start();
  return {
    store,
    dbFile,
    sync,
    sessionsState: () => sessions.state(),
    call: async (procedure, input, token) => {
      if (SNAPSHOT_READS.has(procedure)) return snapshotRouter.call(procedure, input, token);
      const run = () => router.call(procedure, input, token);
      const res = await (EXCLUSIVE_PROCEDURES.has(procedure) ? gate.alone(run) : gate.ordinary(run));
      store.flushChanged(); // writes made outside a Store transaction
      if (!res.ok) return res;
      // Reads of the sync state and of the clock write nothing: no need to look for new local changes.
      if (!procedure.startsWith('sync.') && !procedure.startsWith('app.')) sync.noteLocalWrites();
      return res;
    },
    close: () => {
      sync.stop();
      readDb.close();
      db.close();
    },
  };
}
