/** HTTP transport of the router: POST /api/<procedure> with body { input } and header x-doudi-token. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Envelope } from '../../../shared/api/contract';
import type { ErrorCode } from '../../../shared/errors';
import { isHostFile, type HostFile } from '../../host/host';

export const MAX_BODY_BYTES = 32 * 1024 * 1024;

const STATUS: Partial<Record<ErrorCode, number>> = {
  'invalid-input': 400,
  'id-number-invalid': 400,
  'id-number-checksum': 400,
  'import-invalid': 400,
  'import-too-large': 413,
  'not-signed-in': 401,
  'session-expired': 401,
  'session-invalid': 401,
  'bad-credentials': 401,
  'account-locked': 423,
  'account-disabled': 403,
  forbidden: 403,
  'not-found': 404,
  'unknown-procedure': 404,
  duplicate: 409,
  overlap: 409,
  'changed-meanwhile': 409,
  busy: 503,
  'in-use': 409,
  'prerequisite-missing': 409,
  'nothing-to-do': 409,
  'not-applicable': 409,
  'needs-upgrade': 409,
  'invalid-transition': 409,
  'id-number-in-use': 409,
  'already-set-up': 409,
  'not-set-up': 409,
  internal: 500,
  'backend-restarting': 503,
};

export type Call = (procedure: string, input: unknown, token: string | null) => Promise<Envelope<unknown>>;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.on('drain', done).on('close', done);
  });
}

/** Bytes of a file encoded and written at a time: a fraction of a millisecond's work (a multiple of 3: no padding inside). */
const FILE_PIECE_BYTES = 3 * 16 * 1024;

/**
 * A file answer ({ ok, result: { fileName, base64 } }, as sendJson would write it) written a piece at a
 * time, its base64 made as it goes: a 15 MB export never holds this thread in one long stretch
 * (stringifying and writing 20 MB of text at once held it for over 100 ms).
 */
export async function sendFile(res: ServerResponse, file: HostFile): Promise<void> {
  const head = `{"ok":true,"result":{"fileName":${JSON.stringify(file.fileName)},"base64":"`;
  const tail = '"}}';
  const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(head) + Math.ceil(bytes.length / 3) * 4 + tail.length,
  });
  res.write(head);
  for (let at = 0; at < bytes.length; at += FILE_PIECE_BYTES) {
    if (res.destroyed) return;
    const more = res.write(bytes.subarray(at, at + FILE_PIECE_BYTES).toString('base64'));
    // Wait for the socket to take what was written, or at least give the loop a turn.
    await (more ? new Promise<void>((resolve) => setImmediate(resolve)) : drained(res));
  }
  res.end(tail);
}

function fail(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Past the limit the rest is drained and dropped (not buffered), then the call is refused.
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
      else chunks.length = 0;
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    req.on('error', reject);
    // A client that hangs up mid-body: settle, so no call waits forever for its end.
    req.on('close', () => {
      if (!req.complete) reject(new Error('request aborted'));
    });
  });
}

export async function handleApi(req: IncomingMessage, res: ServerResponse, procedure: string, call: Call): Promise<void> {
  if (req.method !== 'POST') return fail(res, 405, 'invalid-input', '只接受 POST 请求');
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) return fail(res, 415, 'invalid-input', '请求内容须为 JSON');
  const raw = await readBody(req);
  if (raw === null) return fail(res, 413, 'invalid-input', '请求内容过大');
  let body: unknown;
  try {
    body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
  } catch {
    return fail(res, 400, 'invalid-input', '请求内容不是有效的 JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail(res, 400, 'invalid-input', '请求内容须为对象 { input }');
  }
  const header = req.headers['x-doudi-token'];
  const token = typeof header === 'string' && header.length > 0 && header.length <= 200 ? header : null;
  const env = await call(decodeURIComponent(procedure), (body as { input?: unknown }).input, token);
  if (env.ok && isHostFile(env.result)) return sendFile(res, env.result);
  sendJson(res, env.ok ? 200 : (STATUS[env.error.code] ?? 400), env);
}
