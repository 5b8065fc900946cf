/**
 * What browser mode answers at all. A page of any site can reach 127.0.0.1 (an <img>, a form, or
 * fetch after DNS rebinding: its own name then resolves to us, and the browser sends that name as
 * Host). So the Host must be the bound address or localhost with the bound port, an Origin (when
 * the browser sends one) must be exactly that origin, and the request target must decode.
 */
import type { IncomingMessage } from 'node:http';
import type { ErrorCode } from '../../../shared/errors';

export interface Refusal {
  status: number;
  code: ErrorCode;
  message: string;
}

/** The Host values the host answers to, lower case: `127.0.0.1:PORT` and `localhost:PORT`. */
export function allowedHosts(address: string, port: number): Set<string> {
  const bound = address.includes(':') ? `[${address}]` : address;
  return new Set([`${bound}:${port}`, `127.0.0.1:${port}`, `localhost:${port}`].map((h) => h.toLowerCase()));
}

/** The decoded path of a request target, or null when it does not decode (e.g. `/%E0%A4%A`). */
export function decodedPath(target: string | undefined): string | null {
  try {
    return decodeURIComponent(new URL(target ?? '/', 'http://localhost').pathname);
  } catch {
    return null;
  }
}

export function checkRequest(req: IncomingMessage, hosts: Set<string>): Refusal | null {
  // Node keeps the first of two Host headers; a request that sends two is refused, not guessed at.
  const sent = req.headersDistinct.host ?? [];
  const host = sent.length === 1 ? sent[0]!.toLowerCase() : undefined;
  if (!host || !hosts.has(host)) {
    return { status: 421, code: 'host-not-allowed', message: '请求的主机名（Host）不是本机地址：浏览器模式只接受 http://127.0.0.1 或 http://localhost 加本服务端口的访问' };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) {
    return { status: 403, code: 'origin-not-allowed', message: '请求来源（Origin）不是本页面：浏览器模式不接受其他网站页面发起的请求' };
  }
  if (decodedPath(req.url) === null) {
    return { status: 400, code: 'invalid-input', message: '请求地址无效：路径中含有无法解码的字符' };
  }
  return null;
}
