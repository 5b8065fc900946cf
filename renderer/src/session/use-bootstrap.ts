/**
 * Decides what the window shows: the set-up wizard on first start, the login screen, or the app.
 * A remembered token is checked with auth.me; a lost session sends the user back to sign in.
 */
import { useCallback, useEffect, useState } from 'react';
import type { SessionInfo, SetupStatus } from '../../../shared/auth/schemas';
import { api, errorMessage, isSessionLost } from '../api/client';
import { AppError } from '../../../shared/errors';

const LOCKED = ['database-key-missing', 'database-key-unopenable', 'database-key-wrong'];
import { getBridge } from '../api/bridge';
import { isPrintHash } from '../print/print-route';
import { APP_CLOCK_REFRESH_MS, appClock } from '../api/clock';

export type BootState =
  | { phase: 'loading' }
  | { phase: 'error'; error: unknown }
  /** The encrypted database's key cannot be opened here: the window asks for the recovery key. */
  | { phase: 'locked'; reason: string }
  | { phase: 'setup'; status: SetupStatus }
  | { phase: 'login'; status: SetupStatus; notice?: string }
  | { phase: 'ready'; status: SetupStatus; session: SessionInfo };

export interface Bootstrap {
  state: BootState;
  retry: () => void;
  signedIn: (session: SessionInfo, status?: SetupStatus) => void;
  signOut: () => Promise<void>;
  /** After set-up steps that change the status (e.g. demo data loaded). */
  statusChanged: (status: SetupStatus) => void;
}

/** A hidden print window of the Electron shell has no session of its own: the shell hands it over. */
async function adoptShellPrintSession(): Promise<void> {
  const bridge = getBridge();
  if (!bridge?.printSession || api.tokens.get() || !isPrintHash(window.location.hash)) return;
  const token = await bridge.printSession();
  if (token) api.tokens.set(token);
}

async function boot(): Promise<BootState> {
  await adoptShellPrintSession();
  let status: SetupStatus;
  try {
    [status] = await Promise.all([api.call('setup.status', {}), appClock.sync()]);
  } catch (e) {
    if (e instanceof AppError && LOCKED.includes(e.code)) return { phase: 'locked', reason: errorMessage(e) };
    throw e;
  }
  if (!status.isSetUp) return { phase: 'setup', status };
  if (!api.tokens.get()) return { phase: 'login', status };
  try {
    const session = await api.call('auth.me', {});
    return { phase: 'ready', status, session };
  } catch (e) {
    if (isSessionLost(e)) return { phase: 'login', status, notice: (e as Error).message };
    throw e;
  }
}

export function useBootstrap(): Bootstrap {
  const [state, setState] = useState<BootState>({ phase: 'loading' });
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    let live = true;
    setState({ phase: 'loading' });
    boot()
      .then((s) => live && setState(s))
      .catch((error: unknown) => live && setState({ phase: 'error', error }));
    return () => {
      live = false;
    };
  }, [nonce]);

  useEffect(
    () =>
      api.onSessionLost((error) => {
        setState((s) =>
          s.phase === 'ready'
            ? {
                phase: 'login',
                status: s.status,
                // The backend's own words: timed out, password changed, or an invalid sign-in.
                notice: error.message,
              }
            : s,
        );
      }),
    [],
  );

  // The backend's clock again now and then, and at every sign-in (public: it keeps no session alive).
  useEffect(() => {
    const t = setInterval(() => void appClock.sync().catch(() => undefined), APP_CLOCK_REFRESH_MS);
    return () => clearInterval(t);
  }, []);

  const retry = useCallback(() => setNonce((n) => n + 1), []);

  const signedIn = useCallback((session: SessionInfo, status?: SetupStatus) => {
    api.tokens.set(session.token);
    void appClock.sync().catch(() => undefined);
    setState((s) => {
      const base: SetupStatus =
        status ?? ('status' in s ? s.status : { isSetUp: true, isEmpty: false, isDemo: false, street: session.street });
      return { phase: 'ready', session, status: { ...base, isSetUp: true, street: session.street } };
    });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.call('auth.logout', {});
    } catch {
      // Signing out locally is enough when the backend is unreachable or the session already ended.
    }
    api.tokens.set(null);
    setState((s) => ('status' in s ? { phase: 'login', status: s.status } : { phase: 'loading' }));
  }, []);

  const statusChanged = useCallback((status: SetupStatus) => {
    setState(status.isSetUp ? { phase: 'login', status } : { phase: 'setup', status });
  }, []);

  return { state, retry, signedIn, signOut, statusChanged };
}
