/**
 * The reader worker's side (worker.ts with WorkerConfig.role 'reader'): answers the procedures of
 * shared/api/reads.ts on a read-only connection (backend/read-backend.ts), one message at a time,
 * while the writer's thread may be inside a long synchronous step. It never writes; what it learns
 * of the users' activity goes back to the host, which tells the writer.
 */
import type { MessagePort } from 'node:worker_threads';
import { createReadBackend } from '../backend/read-backend';
import type { SecretBox } from '../backend/store/secret-box';
import type { FromWorker, ToWorker, WorkerConfig } from './protocol';

export function serveReads(port: MessagePort, config: WorkerConfig, post: (m: FromWorker) => void, secrets: SecretBox | undefined): void {
  let offsetMs = config.clockOffsetMs ?? 0;
  let reads: ReturnType<typeof createReadBackend>;
  try {
    reads = createReadBackend({
      dataDir: config.dataDir,
      now: () => new Date(Date.now() + offsetMs),
      secrets,
      sessions: config.sessions,
      logError: (procedure, err) => console.error(`[backend-reader] ${procedure} failed`, err),
    });
  } catch (err) {
    // A locked database (its key refused) or none yet: the host sends every call to the writer.
    post({ type: 'fatal', message: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  }
  port.on('message', (m: ToWorker) => {
    switch (m.type) {
      case 'call':
        void reads
          .call(m.procedure, m.input, m.token)
          .catch((err: unknown) => {
            console.error(`[backend-reader] ${m.procedure} failed`, err);
            return { envelope: { ok: false as const, error: { code: 'internal' as const, message: '系统内部错误，请稍后重试' } }, activity: [] };
          })
          .then(({ envelope, activity }) => {
            if (activity.length > 0) post({ type: 'touched', activity });
            post({ type: 'reply', id: m.id, envelope });
          });
        return;
      case 'sessions':
        reads.adoptSessions(m.state);
        return;
      case 'clock':
        offsetMs = m.offsetMs;
        return;
      case 'touch':
        return;
      case 'close':
        reads.close();
        post({ type: 'closed' });
        port.close();
        return;
    }
  });
  post({ type: 'ready' });
}
