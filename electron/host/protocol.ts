/**
 * The one message protocol between the backend host and the backend's worker thread. Calls carry
 * `{id, procedure, input, token}` and are answered with the router's own envelope (errors keep their
 * code, field and Chinese message); the backend's events travel unasked. What only the shell can do
 * (sealing with the OS key store) the worker asks of the host synchronously (see secret-channel.ts).
 * The same protocol serves both workers of the host: the writer and the reader (WorkerConfig.role).
 */
import type { Envelope } from '../../shared/api/contract';
import type { BackendEvent } from '../../shared/api/events';
import type { SessionActivity, SessionsState } from '../backend/services/auth/sessions';

export type SecretOp = 'encrypt' | 'decrypt';

/**
 * A file a procedure answered (FileOut: name and base64) as it crosses from the worker: its bytes
 * in an ArrayBuffer moved, not copied, to the host's thread, so that the thread serving the window
 * never clones or parses megabytes of text (the shell turns it back into base64 as it sends it on).
 */
export interface HostFile {
  fileName: string;
  bytes: Uint8Array;
}

/** What the worker is started with (structured-cloned: data only). */
export interface WorkerConfig {
  /**
   * The writer holds the backend (every call, sync, events); the reader answers only the procedures
   * of shared/api/reads.ts on a read-only connection, so that they never wait for the writer.
   */
  role: 'writer' | 'reader';
  dataDir: string;
  migrationsFolder?: string;
  /** Offset added to the real clock (tests move time; 0 in the app). */
  clockOffsetMs?: number;
  /** The shell seals secrets (Electron safeStorage): the worker asks for it over the secret channel. */
  sealing?: { buffer: SharedArrayBuffer };
  sync?: { autoStart?: boolean; intervalMs?: number; debounceMs?: number; probeMs?: number };
  /** The sessions the previous worker had (a restart keeps users signed in). */
  sessions?: SessionsState;
  /** Automatic daily backups (on unless turned off). */
  backup?: { auto?: boolean; startDelayMs?: number };
}

export type ToWorker =
  | { type: 'call'; id: number; procedure: string; input: unknown; token: string | null }
  | { type: 'clock'; offsetMs: number }
  /** To the reader: the writer's sessions, as they change (before the reply of the call that changed them). */
  | { type: 'sessions'; state: SessionsState }
  /** To the writer: user actions the reader served (they extend the sessions' idle time). */
  | { type: 'touch'; activity: SessionActivity[] }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  /** Start-up failed (database unreadable, ...): the message says why; the worker then exits. */
  | { type: 'fatal'; message: string }
  /** The router's envelope; a file result arrives as a HostFile. */
  | { type: 'reply'; id: number; envelope: Envelope<unknown> }
  | { type: 'event'; event: BackendEvent }
  /** A sealing request (bytes as base64): the answer is written to the shared buffer (the worker waits for it). */
  | { type: 'secret'; op: SecretOp; value: string }
  /** The sessions after a call that changed them, for the host to keep. */
  | { type: 'sessions'; state: SessionsState }
  /** From the reader: the user actions a call it served made (the host tells the writer). */
  | { type: 'touched'; activity: SessionActivity[] }
  | { type: 'closed' };
