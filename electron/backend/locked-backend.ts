/**
 * The backend as the hosts start it: when the database cannot be opened for want of its key (the
 * key file missing, a sealed key from another PC or user account, a key that is not the file's),
 * it does not fail: it answers every call with that refusal, so that the window shows why and asks
 * for the paper recovery key, and serves `database.unlock`, which checks the key against the file,
 * stores it again and opens the real backend. Nothing is written to the database meanwhile.
 */
import type { Envelope } from '../../shared/api/contract';
import { UnlockSchema } from '../../shared/database/procedures';
import { AppError } from '../../shared/errors';
import { createBackend, type Backend, type BackendOptions } from './app';
import { unlockWithRecoveryKey } from './db/unlock';

export type RunningBackend = Pick<Backend, 'call' | 'sessionsState' | 'touchSessions' | 'close'>;

const KEY_REFUSALS = new Set(['database-key-missing', 'database-key-unopenable', 'database-key-wrong']);

export function isKeyRefusal(err: unknown): err is AppError {
  return err instanceof AppError && KEY_REFUSALS.has(err.code);
}

export function startBackend(opts: BackendOptions): RunningBackend {
  try {
    return createBackend(opts);
  } catch (err) {
    if (!isKeyRefusal(err)) throw err;
    return lockedBackend(opts, err);
  }
}

function lockedBackend(opts: BackendOptions, reason: AppError): RunningBackend {
  let real: Backend | null = null;
  const refuse = (err: AppError): Envelope<unknown> => ({ ok: false, error: err.toBody() });
  return {
    call: async (procedure, input, token) => {
      if (real) return real.call(procedure, input, token);
      if (procedure !== 'database.unlock') return refuse(reason);
      const parsed = UnlockSchema.safeParse(input);
      if (!parsed.success) return refuse(new AppError('invalid-input', '请输入恢复密钥', { field: 'recoveryKey' }));
      try {
        unlockWithRecoveryKey(opts.dataDir, parsed.data.recoveryKey, opts.secrets);
        real = createBackend(opts);
        return { ok: true, result: { ok: true } };
      } catch (err) {
        if (err instanceof AppError) return refuse(err.code === 'database-key-wrong' ? new AppError(err.code, '该恢复密钥打不开本机数据库：请核对是否是本街道这台电脑的恢复密钥', { field: 'recoveryKey' }) : err);
        throw err;
      }
    },
    sessionsState: () => real?.sessionsState() ?? opts.sessions ?? { live: [], ended: [] },
    touchSessions: (activity) => real?.touchSessions(activity),
    close: () => real?.close(),
  };
}
