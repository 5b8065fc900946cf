/**
 * Browser mode's event stream: GET /api/events with the session token header answers Server-Sent
 * Events (text/event-stream), one `data:` line of JSON per backend event, until the page goes away.
 * The page reads it with fetch (EventSource cannot send the token header).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BackendEvent } from '../../../shared/api/events';
import { sendJson, type Call } from './http-api';

export type Subscribe = (listener: (event: BackendEvent) => void) => () => void;

/** A comment line now and then keeps proxies and the browser from taking the stream for dead. */
const KEEPALIVE_MS = 25_000;

export async function serveEvents(
  req: IncomingMessage,
  res: ServerResponse,
  call: Call,
  subscribe: Subscribe,
  streams: Set<ServerResponse>,
): Promise<void> {
  if (req.method !== 'GET') return sendJson(res, 405, { ok: false, error: { code: 'invalid-input', message: '只接受 GET 请求' } });
  const header = req.headers['x-doudi-token'];
  const token = typeof header === 'string' && header.length > 0 && header.length <= 200 ? header : null;
  // Only a signed-in page hears what changed; opening the stream is not the user's doing, so the
  // check must not keep an idle session alive (auth.session is a background call).
  const me = await call('auth.session', {}, token);
  if (!me.ok) return sendJson(res, 401, me);
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  res.write(': 兜底保障工作台\n\n');
  const unsubscribe = subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
  keepalive.unref();
  streams.add(res);
  const end = (): void => {
    unsubscribe();
    clearInterval(keepalive);
    streams.delete(res);
  };
  res.on('close', end);
}
