/**
 * The backend's reads on a connection of their own, for the host's reader worker (electron/host):
 * the procedures of shared/api/reads.ts answered from the committed state while the writer's thread
 * is inside one long synchronous step (an import's COMMIT, a sync page). The connection is opened
 * read-only with the file's key (`query_only` too: nothing here can write); SQLite's WAL lets it
 * read while the writer commits, and a read that starts after a write's reply sees that write.
 * The sessions are the writer's (the host passes them on as they change); the user actions served
 * here are told back so that the writer's idle timer counts them.
 */
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Envelope } from '../../shared/api/contract';
import { connectStreetDatabase } from './db/street-database';
import * as schema from './db/schema';
import { Store } from './store/store';
import type { SecretBox } from './store/secret-box';
import { SessionStore, type SessionActivity, type SessionsState } from './services/auth/sessions';
import { Router } from './api/router';
import { readOnlyHandlers } from './api/read-handlers';

export interface ReadBackendOptions {
  dataDir: string;
  now?: () => Date;
  /** Opens the key file when it is sealed with the OS key store (as the writer's). */
  secrets?: SecretBox;
  sessions?: SessionsState;
  logError?: (procedure: string, err: unknown) => void;
}

export interface ReadBackend {
  /** Answers a procedure of shared/api/reads.ts (another: unknown-procedure); with it, the user actions it saw (for the writer's sessions). */
  call(procedure: string, input: unknown, token: string | null): Promise<{ envelope: Envelope<unknown>; activity: SessionActivity[] }>;
  /** The writer's sessions, as they change. */
  adoptSessions(state: SessionsState): void;
  close(): void;
}

/** Opens the read-only connection; throws as the writer would (a key refusal) when the file cannot be opened. */
export function createReadBackend(opts: ReadBackendOptions): ReadBackend {
  const sqlite = connectStreetDatabase(opts.dataDir, { secrets: opts.secrets, readonly: true });
  sqlite.pragma('query_only = ON');
  sqlite.pragma('busy_timeout = 5000');
  const store = new Store({ sqlite, orm: drizzle(sqlite, { schema }), key: null, close: () => sqlite.close() }, { now: opts.now, secrets: opts.secrets });
  const sessions = new SessionStore(() => store.nowDate().getTime(), opts.sessions);
  const router = new Router({ store, sessions, handlers: readOnlyHandlers(), logError: opts.logError });
  return {
    call: async (procedure, input, token) => {
      const before = sessions.state();
      const envelope = await router.call(procedure, input, token);
      return { envelope, activity: sessions.activitySince(before) };
    },
    adoptSessions: (state) => sessions.adopt(state),
    close: () => sqlite.close(),
  };
}
