/**
 * Test harness: a real backend on a real SQLite file in a fresh temporary directory, with a
 * street set up and a signed-in administrator. Used by API tests across areas.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { InputOf, OutputOf, ProcedureName } from '../../../shared/api/contract';
import { createBackend, type Backend, type BackendOptions } from '../app';
import { databaseKeyFile } from '../db/database-key';
import { removeTestDir } from './remove-dir';

export interface Harness {
  backend: Backend;
  dataDir: string;
  token: string;
  /** Calls as the signed-in administrator (or with `token`), throwing AppError on failure. */
  call<P extends ProcedureName>(procedure: P, input: InputOf<P>, token?: string | null): Promise<OutputOf<P>>;
  /** Calls and returns the raw envelope. */
  raw(procedure: string, input: unknown, token?: string | null): ReturnType<Backend['call']>;
  /** Signs the administrator in again (e.g. after moving an injected clock past the session timeout). */
  signInAgain(): Promise<void>;
  /** Closes the backend, waits for its threads, removes the data folder: await it. */
  close(): Promise<void>;
}

export const TEST_STREET = { code: '120110001000', name: '张贵庄街道', officeName: '张贵庄街道公共服务办公室' };
export const ADMIN = { username: 'admin', displayName: '王管理', password: 'admin-pass-1' };

export async function makeHarness(
  opts: { setUp?: boolean; now?: () => Date; events?: BackendOptions['events'] } = {},
): Promise<Harness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-test-'));
  const backend = createBackend({ dataDir, now: opts.now, logError: () => undefined, events: opts.events });
  let token = '';
  const raw = (procedure: string, input: unknown, t?: string | null) =>
    backend.call(procedure, input, t === undefined ? token : t);
  async function call<P extends ProcedureName>(procedure: P, input: InputOf<P>, t?: string | null): Promise<OutputOf<P>> {
    const env = await raw(procedure, input, t);
    if (!env.ok) throw AppError.fromBody(env.error);
    return env.result as OutputOf<P>;
  }
  if (opts.setUp !== false) {
    const s = await call('setup.initialize', {
      streetCode: TEST_STREET.code,
      streetName: TEST_STREET.name,
      officeName: TEST_STREET.officeName,
      admin: ADMIN,
    });
    token = s.token;
  }
  return {
    backend,
    dataDir,
    get token() {
      return token;
    },
    call,
    raw,
    signInAgain: async () => {
      token = (await call('auth.login', { username: ADMIN.username, password: ADMIN.password }, null)).token;
    },
    // Awaited: a long commit's checkpoint thread may still be opening the file (it would create the
    // -wal/-shm files again while the folder is being removed).
    close: async () => {
      backend.close();
      await backend.idle();
      removeTestDir(dataDir);
      removeTestDir(`${dataDir}-backups`); // the default backup folder
      fs.rmSync(databaseKeyFile(dataDir), { force: true });
    },
  };
}

/** The refusal a call must end in (a test then checks its code and message); anything else fails the test. */
export async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}
