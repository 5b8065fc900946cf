/**
 * Which procedures only read the committed state, and which replace the database file: the backend
 * serves the first from a read-only connection (api/call-gate.ts), and the backend host from a
 * worker of their own (electron/host/host.ts), so that they are answered while the writer is inside
 * one long synchronous step (an import's COMMIT, a bootstrap page). Pure data: shared by both.
 */
import type { ProcedureName } from './contract';

/**
 * Reads that write nothing (a write there would fail) and need nothing of the backend's memory but
 * the sessions: the window's cheap, frequent calls.
 */
const READ_ONLY = ['auth.me', 'auth.session', 'setup.status', 'app.clock'] as const satisfies readonly ProcedureName[];
export type ReadOnlyProcedure = (typeof READ_ONLY)[number];
export const READ_ONLY_PROCEDURES: ReadonlySet<string> = new Set<string>(READ_ONLY);

/** Calls that stage a restore: the backend swaps the file in once they return (no other connection may hold it open then). */
export const FILE_REPLACING_PROCEDURES: ReadonlySet<string> = new Set(['backup.restore', 'setup.restoreBackup']);
