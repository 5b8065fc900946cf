/**
 * The backend's thread: opens the database here (SQLite blocks only this thread) and serves
 * the host's calls one message at a time, pushing the backend's events back. Entry of the worker:
 * run by tsx in development and tests, bundled as dist-electron/backend-worker.cjs for Electron.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { startBackend, type RunningBackend } from '../backend/locked-backend';
import { osSecretBox, type SecretBox } from '../backend/store/secret-box';
import type { Envelope } from '../../shared/api/contract';
import type { FromWorker, HostFile, SecretOp, ToWorker, WorkerConfig } from './protocol';
import { askSecret } from './secret-channel';
import { serveReads } from './reader';

if (!parentPort) throw new Error('electron/host/worker.ts runs only as a worker thread');
const port: MessagePort = parentPort;
const config = workerData as WorkerConfig;
const post = (m: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);

/** A file result (FileOut) as bytes in an ArrayBuffer of its own, moved to the host (protocol.ts HostFile). */
function withFileBytes(envelope: Envelope<unknown>): { envelope: Envelope<unknown>; transfer: ArrayBuffer[] } {
  const r = envelope.ok ? (envelope.result as { fileName?: unknown; base64?: unknown } | null) : null;
  if (!r || typeof r !== 'object' || typeof r.fileName !== 'string' || typeof r.base64 !== 'string' || Object.keys(r).length !== 2) {
    return { envelope, transfer: [] };
  }
  const decoded = Buffer.from(r.base64, 'base64');
  // A small Buffer is a slice of Node's shared pool, which must not be moved: copy it out.
  const bytes = decoded.byteOffset === 0 && decoded.byteLength === decoded.buffer.byteLength ? new Uint8Array(decoded.buffer) : new Uint8Array(decoded);
  const file: HostFile = { fileName: r.fileName, bytes };
  return { envelope: { ok: true, result: file }, transfer: [bytes.buffer as ArrayBuffer] };
}

/** The OS key store's bytes come from the host (safeStorage runs only in Electron's main process). */
function sealingBox(buffer: SharedArrayBuffer): SecretBox {
  const ask = (op: SecretOp, value: string): string => {
    const answer = askSecret(buffer, () => post({ type: 'secret', op, value }));
    if (answer === null) throw new Error(`the host could not ${op} a secret`);
    return answer;
  };
  return osSecretBox(
    (plain) => Buffer.from(ask('encrypt', plain), 'base64'),
    (sealed) => ask('decrypt', Buffer.from(sealed).toString('base64')),
  );
}

const secrets = config.sealing ? sealingBox(config.sealing.buffer) : undefined;
if (config.role === 'reader') serveReads(port, config, post, secrets);
else serveWrites();

function serveWrites(): void {
  let offsetMs = config.clockOffsetMs ?? 0;
  // A database whose key cannot be opened starts locked: the window asks for the recovery key.
  let backend: RunningBackend;
  try {
    backend = startBackend({
      dataDir: config.dataDir,
      migrationsFolder: config.migrationsFolder,
      now: () => new Date(Date.now() + offsetMs),
      secrets,
      sync: config.sync,
      sessions: config.sessions,
      // the app backs up daily on its own (services/backup/daily.ts)
      backup: { auto: true, ...config.backup },
      // the 工作台 worked out while the sign-in screen shows (services/home/warm-up.ts)
      warmUp: {},
      events: (event) => post({ type: 'event', event }),
    });
  } catch (err) {
    post({ type: 'fatal', message: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  }

  // The host keeps the sessions (a few, as text) so that a restarted worker keeps its users signed in.
  let sessionsSent = JSON.stringify(config.sessions ?? null);
  function postSessionsIfChanged(): void {
    const state = backend.sessionsState();
    const text = JSON.stringify(state);
    if (text === sessionsSent) return;
    sessionsSent = text;
    post({ type: 'sessions', state });
  }

  port.on('message', (m: ToWorker) => {
    switch (m.type) {
      case 'call':
        void backend
          .call(m.procedure, m.input, m.token)
          .catch((err: unknown) => {
            console.error(`[backend-worker] ${m.procedure} failed`, err);
            return { ok: false as const, error: { code: 'internal' as const, message: '系统内部错误，请稍后重试' } };
          })
          .then((envelope) => {
            postSessionsIfChanged();
            const reply = withFileBytes(envelope);
            post({ type: 'reply', id: m.id, envelope: reply.envelope }, reply.transfer);
          });
        return;
      case 'clock':
        offsetMs = m.offsetMs;
        return;
      case 'touch':
        backend.touchSessions(m.activity);
        postSessionsIfChanged();
        return;
      case 'sessions':
        return;
      case 'close':
        backend.close();
        post({ type: 'closed' });
        port.close();
        return;
    }
  });
  post({ type: 'ready' });
}
