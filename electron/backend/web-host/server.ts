/** Browser-mode host: the built renderer and the router over HTTP, bound to loopback. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../app';
import { handleApi } from './http-api';
import { serveStatic } from './static-files';

export interface WebHost {
  url: string;
  close(): Promise<void>;
}

export function startWebHost(opts: { backend: Backend; distDir: string; port: number; host?: string }): Promise<WebHost> {
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    const m = /^\/api\/([A-Za-z0-9_.]{1,100})(?:\?.*)?$/.exec(url);
    if (m) {
      handleApi(req, res, m[1]!, opts.backend.call).catch((err: unknown) => {
        console.error('[web-host] api error', err);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ ok: false, error: { code: 'internal', message: '系统内部错误' } }));
      });
      return;
    }
    if (url.startsWith('/api/')) {
      res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ ok: false, error: { code: 'unknown-procedure', message: '未知的操作' } }));
      return;
    }
    serveStatic(req, res, opts.distDir);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      const addr = server.address() as AddressInfo;
      resolve({
        url: `http://${addr.address}:${addr.port}`,
        // A page that polls (the sync indicator) keeps its keep-alive connection busy, so close()
        // alone could wait forever: drop idle connections now and any others after a short grace.
        close: () =>
          new Promise((r) => {
            server.close(() => r());
            server.closeIdleConnections();
            setTimeout(() => server.closeAllConnections(), 1000).unref();
          }),
      });
    });
  });
}
