/**
 * Turns of the event loop for long work: the work calls `turn()` between its steps, which gives the
 * loop a turn (the backend's other calls are served) once a slice of time has passed since the last.
 */

/** Longest uninterrupted stretch of long work: a call waiting behind it is answered within about this. */
export const TURN_SLICE_MS = 40;

export function turnTaker(sliceMs = TURN_SLICE_MS): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}

/**
 * Runs a generator of steps to its end, taking turns between steps; `onStep` hears each yielded
 * value (progress). The same steps run without turns where the caller holds no event loop to share.
 */
export async function runWithTurns<S, R>(steps: Generator<S, R>, onStep?: (s: S) => void, turn = turnTaker()): Promise<R> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    onStep?.(next.value);
    await turn();
  }
}

/** Runs a generator of steps to its end at once (no turns). */
export function runAtOnce<S, R>(steps: Generator<S, R>, onStep?: (s: S) => void): R {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    onStep?.(next.value);
  }
}
