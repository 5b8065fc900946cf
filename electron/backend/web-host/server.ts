/** Browser-mode host: the built renderer and the router over HTTP, bound to loopback. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleApi, sendJson, type Call } from './http-api';
import { serveEvents, type Subscribe } from './events-stream';
import { allowedHosts, checkRequest, decodedPath } from './request-guard';
import { serveStatic } from './static-files';

export interface WebHost {
  url: string;
  close(): Promise<void>;
}

const INTERNAL = { ok: false, error: { code: 'internal', message: '系统内部错误' } };

/** What the web host serves: the backend host's calls, and its events when it has them. */
export interface ServedBackend {
  call: Call;
  subscribe?: Subscribe;
}

export function startWebHost(opts: { backend: ServedBackend; distDir: string; port: number; host?: string }): Promise<WebHost> {
  let hosts = new Set<string>();
  const streams = new Set<http.ServerResponse>();

  function route(req: http.IncomingMessage, res: http.ServerResponse): void {
    const refusal = checkRequest(req, hosts);
    if (refusal) {
      // The body of a refused request is not read: close the connection instead of draining it.
      res.shouldKeepAlive = false;
      sendJson(res, refusal.status, { ok: false, error: { code: refusal.code, message: refusal.message } });
      return;
    }
    const url = req.url ?? '/';
    if (/^\/api\/events(?:\?.*)?$/.test(url) && opts.backend.subscribe) {
      serveEvents(req, res, opts.backend.call, opts.backend.subscribe, streams).catch((err: unknown) => fail500(res, err));
      return;
    }
    const m = /^\/api\/([A-Za-z0-9_.]{1,100})(?:\?.*)?$/.exec(url);
    if (m) {
      handleApi(req, res, m[1]!, opts.backend.call).catch((err: unknown) => fail500(res, err));
      return;
    }
    if (url.startsWith('/api/')) {
      sendJson(res, 404, { ok: false, error: { code: 'unknown-procedure', message: '未知的操作' } });
      return;
    }
    serveStatic(req, res, opts.distDir, decodedPath(url)!);
  }

  function fail500(res: http.ServerResponse, err: unknown): void {
    console.error('[web-host] request failed', err);
    if (res.headersSent) res.destroy();
    else sendJson(res, 500, INTERNAL);
  }

  // No request may end the process: whatever a handler throws is answered as a 500.
  const server = http.createServer((req, res) => {
    try {
      route(req, res);
    } catch (err) {
      fail500(res, err);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      const addr = server.address() as AddressInfo;
      hosts = allowedHosts(addr.address, addr.port);
      resolve({
        url: `http://${addr.address}:${addr.port}`,
        // A page that polls (the sync indicator) keeps its keep-alive connection busy, so close()
        // alone could wait forever: drop idle connections now and any others after a short grace.
        close: () =>
          new Promise((r) => {
            for (const stream of streams) stream.end(); // event streams never go idle by themselves
            server.close(() => r());
            server.closeIdleConnections();
            setTimeout(() => server.closeAllConnections(), 1000).unref();
          }),
      });
    });
  });
}
