/**
 * A fault-injecting HTTP proxy on 127.0.0.1 between sync clients and the district server, driven by
 * the test. Each request is matched against the planned faults in order; a fault fires on the n-th
 * request it matches, once, and every other request passes through unchanged.
 *
 * Faults: drop the request (close the client's connection, nothing forwarded); forward it and drop
 * the response (the server committed, the client sees a failure); forward it twice at once (a
 * duplicate); hold it until the test releases it (delay, reordering); forward half its body and cut
 * both connections (cut mid-body); forward it and cut the answer half-way (cut mid-response).
 *
 * The PC's transport sends a request closed before any answer once more, at once (http.ts): a
 * fault meant to make a sync fail says what that resend meets (`again`), else the resend passes.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { advertiseKeepAlive, keepIdleConnections } from '../../server/http/keep-alive';

export type FaultMode = 'pass' | 'drop-request' | 'drop-response' | 'duplicate' | 'hold' | 'cut-mid-body' | 'cut-mid-response';

export interface Fault {
  mode: FaultMode;
  /** Which requests count: e.g. `(r) => r.method === 'POST' && r.path === '/v1/push'`. All by default. */
  match?: (r: { method: string; path: string }) => boolean;
  /** Fires on the n-th matching request (1-based). 1 by default. */
  nth?: number;
  /** Called once the request has been sent to the server, before its answer (e.g. to restart it). */
  onForwarded?: () => void;
  /**
   * What the next matching request meets once this fault has fired: the transport's immediate
   * resend of a request closed before any answer. E.g. 'drop-request': the network stays down.
   */
  again?: FaultMode;
}

export interface ProxyEvent {
  id: number;
  method: string;
  path: string;
  mode: FaultMode;
  /** Statuses of the server's answers to what was forwarded (two for a duplicate, none if not forwarded). */
  upstream: number[];
  /** What the client got: a status, or 'cut' when its connection was closed. */
  client: number | 'cut' | null;
}

interface Upstream {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

interface Held {
  event: ProxyEvent;
  release: () => Promise<void>;
}

export interface FaultProxy {
  url: string;
  /** Plans a fault; returns it so that `fired(fault)` can be awaited. */
  plan(fault: Fault): Fault;
  /** Resolves with the event once the planned fault has fired (a hold: once held) and done its part. */
  fired(fault: Fault, timeoutMs?: number): Promise<ProxyEvent>;
  /** Resolves when a request is next held. */
  nextHold(): Promise<ProxyEvent>;
  /** Drops the planned faults that have not fired. */
  clear(): void;
  /** Forwards the held requests now, oldest first, and waits for the server's answers. */
  releaseHeld(): Promise<ProxyEvent[]>;
  events: ProxyEvent[];
  close(): Promise<void>;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const planned: { fault: Fault; seen: number }[] = [];
  const done = new Map<Fault, ProxyEvent>();
  const waiters = new Map<Fault, (e: ProxyEvent) => void>();
  const held: Held[] = [];
  const onHold: ((e: ProxyEvent) => void)[] = [];
  const events: ProxyEvent[] = [];
  let nextId = 1;

  function finish(fault: Fault | null, event: ProxyEvent): void {
    if (!fault) return;
    done.set(fault, event);
    waiters.get(fault)?.(event);
  }

  /**
   * Sends the request to the server; with `cutAfter`, sends only that many body bytes and aborts.
   * Null when the server's connection failed or was cut.
   */
  function forward(req: http.IncomingMessage, body: Buffer, cutAfter?: number, onSent?: () => void): Promise<Upstream | null> {
    return new Promise((resolve) => {
      // Connection headers are the hop's own: each forwarded request has a connection of its own.
      const headers: http.OutgoingHttpHeaders = { ...req.headers, host: upstream.host, 'content-length': String(body.length), connection: 'close' };
      delete headers['keep-alive'];
      if (req.method === 'GET' || req.method === 'HEAD') delete (headers as Record<string, unknown>)['content-length'];
      let answered = false;
      const out = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent: false }, (res) => {
        answered = true;
        readBody(res).then(
          (b) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: b }),
          () => resolve(null),
        );
      });
      out.on('error', () => resolve(null));
      out.on('close', () => {
        if (!answered) resolve(null);
      });
      if (cutAfter === undefined) {
        out.end(body, onSent);
        return;
      }
      out.write(body.subarray(0, cutAfter), () => setTimeout(() => out.destroy(), 50));
    });
  }

  function headersOf(up: Upstream): http.OutgoingHttpHeaders {
    const headers: http.OutgoingHttpHeaders = { ...up.headers, 'content-length': String(up.body.length) };
    delete headers['transfer-encoding'];
    // The proxy's own idle timeout is what a client's connection to it meets, not the server's.
    delete headers.connection;
    delete headers['keep-alive'];
    return headers;
  }

  function reply(res: http.ServerResponse, up: Upstream | null, event: ProxyEvent): void {
    if (!up || res.destroyed || res.socket?.destroyed) {
      res.socket?.destroy();
      event.client = 'cut';
      return;
    }
    advertiseKeepAlive(res);
    res.writeHead(up.status, headersOf(up));
    res.end(up.body);
    event.client = up.status;
  }

  function cut(req: http.IncomingMessage, event: ProxyEvent): void {
    req.socket.destroy();
    event.client = 'cut';
  }

  function choose(method: string, path: string): Fault | null {
    for (let i = 0; i < planned.length; i++) {
      const p = planned[i]!;
      if (p.fault.match && !p.fault.match({ method, path })) continue;
      p.seen++;
      if (p.seen === (p.fault.nth ?? 1)) {
        planned.splice(i, 1);
        // first in line: the resend follows its request at once
        if (p.fault.again) planned.unshift({ fault: { mode: p.fault.again, match: p.fault.match }, seen: 0 });
        return p.fault;
      }
    }
    return null;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readBody(req);
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0]!;
    const fault = choose(method, path);
    const event: ProxyEvent = { id: nextId++, method, path, mode: fault?.mode ?? 'pass', upstream: [], client: null };
    events.push(event);
    const record = (up: Upstream | null) => {
      if (up) event.upstream.push(up.status);
      return up;
    };
    switch (event.mode) {
      case 'pass':
      case 'drop-response': {
        const up = record(await forward(req, body, undefined, fault?.onForwarded));
        if (event.mode === 'pass') reply(res, up, event);
        else cut(req, event);
        break;
      }
      case 'cut-mid-response': {
        const up = record(await forward(req, body));
        if (up) {
          res.writeHead(up.status, headersOf(up));
          res.write(up.body.subarray(0, Math.floor(up.body.length / 2)));
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
        cut(req, event);
        break;
      }
      case 'drop-request':
        cut(req, event);
        break;
      case 'duplicate': {
        const [a] = await Promise.all([forward(req, body), forward(req, body)].map((p) => p.then(record)));
        reply(res, a ?? null, event);
        break;
      }
      case 'cut-mid-body':
        record(await forward(req, body, Math.floor(body.length / 2)));
        cut(req, event);
        break;
      case 'hold':
        // fired as soon as it is held; the server sees it when the test releases it
        held.push({ event, release: async () => reply(res, record(await forward(req, body)), event) });
        for (const f of onHold.splice(0)) f(event);
        break;
    }
    finish(fault, event);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  // As the district server does: a client's idle connection is closed by the client, long before the proxy.
  keepIdleConnections(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  async function releaseHeld(): Promise<ProxyEvent[]> {
    const now = held.splice(0);
    for (const h of now) await h.release();
    return now.map((h) => h.event);
  }

  return {
    url: `http://127.0.0.1:${port}`,
    events,
    plan(fault) {
      planned.push({ fault, seen: 0 });
      return fault;
    },
    // Waits for the fault to meet its request: seconds of a sync run before it on a loaded machine; a hang guard.
    fired(fault, timeoutMs = 90_000) {
      const seen = done.get(fault);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`fault ${fault.mode} did not fire within ${timeoutMs} ms`)), timeoutMs);
        waiters.set(fault, (e) => {
          clearTimeout(timer);
          resolve(e);
        });
      });
    },
    releaseHeld,
    nextHold: () => new Promise((resolve) => onHold.push(resolve)),
    clear: () => void planned.splice(0),
    async close() {
      await releaseHeld();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
