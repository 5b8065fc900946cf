/**
 * A keep-alive connection reset under a request (ECONNRESET, seen in the chaos and
 * department-district set-ups): a server that closes an idle pooled connection at the moment the
 * PC sends on it. Reproduced deterministically by a raw TCP server that answers a connection's
 * first request with keep-alive and resets the connection when a second request comes on it.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { httpTransport } from './http';

type OnLater = 'reset' | 'half-answer' | 'reset-all';

interface RawServer {
  url: string;
  /** Requests the server read, in order: "METHOD path". */
  requests: string[];
  close(): Promise<void>;
}

const TIME = JSON.stringify({ serverTime: '2026-01-05T02:00:00.000Z' });
const PUSHED = JSON.stringify({ accepted: [], rejected: [], serverTime: '2026-01-05T02:00:00.000Z' });

function answer(body: string, extra = ''): string {
  return `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: keep-alive\r\nkeep-alive: timeout=600\r\n${extra}\r\n${body}`;
}

/** Answers each connection's first request; a later request on it gets `later` instead. */
async function rawServer(later: OnLater): Promise<RawServer> {
  const requests: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffered = Buffer.alloc(0);
    let served = 0;
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        const end = buffered.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffered.subarray(0, end).toString('latin1');
        const length = Number(/content-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
        if (buffered.length < end + 4 + length) return;
        buffered = buffered.subarray(end + 4 + length);
        const [method, path] = head.split(' ');
        requests.push(`${method} ${path!.split('?')[0]}`);
        const body = path!.startsWith('/v1/push') ? PUSHED : TIME;
        if (served++ === 0 && later !== 'reset-all') socket.write(answer(body));
        else if (later !== 'half-answer') socket.resetAndDestroy();
        else socket.end(answer(body).slice(0, -Math.ceil(body.length / 2)), () => socket.destroy());
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A first request, then a pause: its connection is back in the client's pool, idle, for the next. */
async function firstThenIdle(t: ReturnType<typeof httpTransport>): Promise<void> {
  await t.time();
  await new Promise((resolve) => setTimeout(resolve, 50));
}

let open: RawServer | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

describe('a connection reset before any answer', () => {
  test('a pull/time request on a pooled connection the server resets is sent again once, on a new connection, and answered', async () => {
    open = await rawServer('reset');
    const t = httpTransport(open.url, 'token', { timeoutMs: 5000 });
    await firstThenIdle(t);
    await expect(t.time()).resolves.toEqual({ serverTime: '2026-01-05T02:00:00.000Z' });
    expect(open.requests).toEqual(['GET /v1/time', 'GET /v1/time', 'GET /v1/time']);
  });

  test('a push is sent again too: the server stores a change once by (node, hlc)', async () => {
    open = await rawServer('reset');
    const t = httpTransport(open.url, 'token', { timeoutMs: 5000 });
    await firstThenIdle(t);
    await expect(t.push([])).resolves.toEqual({ accepted: [], rejected: [], serverTime: '2026-01-05T02:00:00.000Z' });
    expect(open.requests).toEqual(['GET /v1/time', 'POST /v1/push', 'POST /v1/push']);
  });

  test('a request that may not be repeated (a password check) is not sent again', async () => {
    open = await rawServer('reset');
    const t = httpTransport(open.url, 'token', { timeoutMs: 5000 });
    await firstThenIdle(t);
    await expect(t.ticket!({ username: 'zgz_admin', password: 'x' } as never)).rejects.toThrow(/fetch failed/);
    expect(open.requests).toEqual(['GET /v1/time', 'POST /v1/ticket']);
  });

  test('an answer cut part-way is never sent again: the sync fails as before', async () => {
    open = await rawServer('half-answer');
    const t = httpTransport(open.url, 'token', { timeoutMs: 5000 });
    await firstThenIdle(t);
    await expect(t.time()).rejects.toThrow();
    expect(open.requests).toEqual(['GET /v1/time', 'GET /v1/time']);
  });

  test('a server that resets every connection fails after one retry, as a network failure', async () => {
    open = await rawServer('reset-all');
    const t = httpTransport(open.url, 'token', { timeoutMs: 5000 });
    await expect(t.time()).rejects.toThrow(/fetch failed/);
    expect(open.requests).toEqual(['GET /v1/time', 'GET /v1/time']);
  });

  test('a server that is down is still a network failure, tried once', async () => {
    const down = await rawServer('reset');
    const url = down.url;
    await down.close(); // nothing listens on its port now
    const t = httpTransport(url, 'token', { timeoutMs: 2000 });
    const err = await t.time().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect(String((err as { cause?: unknown }).cause)).toMatch(/ECONNREFUSED/);
  });
});
