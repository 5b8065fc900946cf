/**
 * An API action whose refusal is shown inline (an Alert on the screen or modal, not a toast): busy
 * while it runs (and which of the screen's actions it is), the backend's Chinese message kept until
 * the next try or until closed.
 */
import { useState } from 'react';
import { errorMessage } from '../api/client';

export interface InlineRun<K extends string> {
  /** Which of the screen's actions runs, for the button that shows it loading. */
  kind?: K;
  /** After a refusal, e.g. to clear a password field. */
  onError?: () => void;
}

export function useInlineAction<K extends string = 'run'>() {
  const [running, setRunning] = useState<K | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<void>, opts: InlineRun<K> = {}) => {
    setRunning(opts.kind ?? ('run' as K));
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
      opts.onError?.();
    } finally {
      setRunning(null);
    }
  };
  return { busy: running !== null, running, error, setError, run };
}
