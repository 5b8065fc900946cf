/**
 * Loads data through the API with loading/error state, a reload function and stale-reply guard.
 * Live: when the backend reports committed changes (a local write elsewhere, a sync page) in the
 * query's areas, the query loads again quietly: the data already shown stays (no spinner, so scroll,
 * selection and the forms' unsaved input are kept), an equal answer changes nothing, and a failed
 * refresh keeps what was shown. 刷新数据 (the menu's F5) loads it again the same way.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLiveRefresh, type Live } from './use-live-refresh';

export interface ApiQuery<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

export function useApiQuery<T>(load: () => Promise<T>, deps: readonly unknown[], enabled = true, live: Live = true): ApiQuery<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(enabled);
  const [nonce, setNonce] = useState(0);
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const shown = useRef<string | undefined>(undefined);

  const show = useCallback((value: T) => {
    let text: string | undefined;
    try {
      text = JSON.stringify(value);
    } catch {
      text = undefined;
    }
    if (text !== undefined && text === shown.current) return;
    shown.current = text;
    setData(value);
  }, []);

  useEffect(() => {
    if (!enabled) {
      setLoading(false);
      return;
    }
    const id = ++seq.current;
    setLoading(true);
    setError(undefined);
    loadRef
      .current()
      .then((value) => {
        if (id === seq.current) show(value);
      })
      .catch((e: unknown) => {
        if (id === seq.current) setError(e);
      })
      .finally(() => {
        if (id === seq.current) setLoading(false);
      });
    // `deps` are the caller's; `load` is read through a ref so that a new closure does not refetch.
  }, [...deps, nonce, enabled]);

  // Quiet refresh: the newest load wins, as above; nothing is cleared while it runs, and it also ends
  // the spinner of a load it supersedes.
  const refreshQuietly = useCallback(() => {
    const id = ++seq.current;
    loadRef.current().then(
      (value) => {
        if (id !== seq.current) return;
        setError(undefined);
        show(value);
        setLoading(false);
      },
      (e: unknown) => {
        if (id !== seq.current) return;
        if (shown.current === undefined) setError(e);
        setLoading(false);
      },
    );
  }, [show]);
  useLiveRefresh(refreshQuietly, live, enabled);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data, error, loading, reload };
}
