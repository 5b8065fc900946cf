/**
 * The child's side of child-server.ts: reports the URL it listens on, then answers requests from
 * the parent by name ('cpu' and 'close' always; others as the server gives them).
 */
import type { ChildAnswer } from './child-server';
import { cpuMsSoFar } from './lib';

type Handler = (arg: unknown) => unknown;

export function serveParent(url: string, handlers: Record<string, Handler>, close: () => Promise<void>): void {
  const send = (m: unknown) => process.send?.(m);
  const all: Record<string, Handler> = {
    ...handlers,
    cpu: cpuMsSoFar,
    close: async () => {
      await close();
      setImmediate(() => process.exit(0));
    },
  };
  process.on('message', (m: { id: number; kind: string; arg?: unknown }) => {
    void (async () => {
      const answer: ChildAnswer = { id: m.id };
      try {
        const h = all[m.kind];
        if (!h) throw new Error(`unknown request ${m.kind}`);
        answer.value = await h(m.arg);
      } catch (err) {
        answer.error = err instanceof Error ? err.message : String(err);
      }
      send(answer);
    })();
  });
  // The parent gone (a bench that failed), the child goes too.
  process.on('disconnect', () => void close().finally(() => process.exit(0)));
  send({ url });
}
