import { useEffect, useState } from 'react';

/**
 * An estimated progress for work the backend does in one call: it approaches 95 % over about
 * `expectedMs`, so that the user sees that something is happening.
 */
export function useElapsedPercent(running: boolean, expectedMs: number): number {
  const [percent, setPercent] = useState(0);
  useEffect(() => {
    if (!running) {
      setPercent(0);
      return;
    }
    const started = Date.now();
    const t = setInterval(() => {
      const ratio = (Date.now() - started) / expectedMs;
      setPercent(Math.min(95, Math.round(95 * (1 - Math.exp(-2 * ratio)))));
    }, 200);
    return () => clearInterval(t);
  }, [running, expectedMs]);
  return percent;
}
