/**
 * gzip in both directions without extra packages: requests with `Content-Encoding: gzip` are
 * inflated before parsing (the body limit applies to the inflated size, so a small bomb is refused),
 * and JSON answers are gzipped for clients that accept it.
 */
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';

export function registerCompression(app: FastifyInstance): void {
  app.addHook('preParsing', async (request, _reply, payload) => {
    const enc = request.headers['content-encoding'];
    if (!enc || enc === 'identity') return payload;
    if (enc !== 'gzip') {
      const err = new Error(`unsupported content-encoding ${enc}`) as Error & { statusCode: number };
      err.statusCode = 415;
      throw err;
    }
    const gunzip = zlib.createGunzip();
    let encoded = 0;
    payload.on('data', (chunk: Buffer) => {
      encoded += chunk.length;
      (gunzip as unknown as { receivedEncodedLength: number }).receivedEncodedLength = encoded;
    });
    payload.on('error', (e) => gunzip.destroy(e));
    delete request.headers['content-length'];
    return payload.pipe(gunzip);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' || payload.length < 1024) return payload;
    if (!/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) return payload;
    reply.header('content-encoding', 'gzip');
    reply.removeHeader('content-length');
    return zlib.gzipSync(payload);
  });
}
