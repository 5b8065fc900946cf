/**
 * Idle keep-alive connections: the server keeps one open well past what it tells clients.
 *
 * A client on Node's fetch (undici) reuses an idle pooled connection until the answer's
 * `Keep-Alive: timeout=` hint less 2 s. A server closing at its hint (Node's default) leaves those
 * 2 s for a busy PC, whose event loop is blocked by a database write, to send on a connection the
 * server is closing: the request is reset (ECONNRESET) before any answer. Telling 60 s and keeping
 * 75 s leaves 17 s. Headers must arrive within a longer time still, so no idle connection is cut
 * by the headers timer first.
 */
import type http from 'node:http';

/** What clients are told, in whole seconds (the header's unit). */
export const KEEP_ALIVE_HINT_S = 60;
/** How long the server really keeps an idle connection. */
export const KEEP_ALIVE_MS = 75_000;
export const HEADERS_TIMEOUT_MS = KEEP_ALIVE_MS + 5_000;

export function keepIdleConnections(server: http.Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
}

/** Sets the hint on an answer that keeps its connection (Node then adds none of its own). */
export function advertiseKeepAlive(res: http.ServerResponse): void {
  if (!res.shouldKeepAlive || res.headersSent) return;
  res.setHeader('connection', 'keep-alive');
  res.setHeader('keep-alive', `timeout=${KEEP_ALIVE_HINT_S}`);
}
