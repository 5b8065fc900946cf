import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { MAX_BODY_BYTES } from './http-api';
import { removeTestDir } from '../testing/remove-dir';

// `npm run web` as its own process, as users run it: a batch of hostile requests (any web page can
// make a browser send some of them to 127.0.0.1) must never make it exit.

const main = path.join(path.dirname(fileURLToPath(import.meta.url)), 'main.ts');
let child: ChildProcess;
let dataDir: string;
let port = 0;
let exited: number | string | null = null;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-hostile-'));
  child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, DOUDI_DATA_DIR: dataDir, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.on('exit', (code, signal) => (exited = code ?? signal));
  port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.stderr!.resume();
    child.on('exit', () => reject(new Error(`web host exited before listening: ${out}`)));
  });
}, 60_000);

afterAll(() => {
  if (exited === null) child.kill('SIGTERM');
  removeTestDir(dataDir);
});

/** Sends raw bytes on a fresh connection; resolves with whatever comes back before the socket closes. */
function raw(bytes: string | Buffer, waitMs = 1500): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    let got = '';
    const done = () => {
      s.destroy();
      resolve(got);
    };
    s.on('data', (c) => (got += c.toString('latin1')));
    s.on('error', done);
    s.on('close', done);
    s.setTimeout(waitMs, done);
    s.write(bytes, () => undefined);
  });
}

const H = () => `Host: 127.0.0.1:${port}\r\n`;
const status = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

test('a batch of hostile requests: every one answered or dropped, and the host still serves', async () => {
  const get = (p: string, extra = '') => raw(`GET ${p} HTTP/1.1\r\n${H()}${extra}Connection: close\r\n\r\n`);
  const huge = Buffer.alloc(MAX_BODY_BYTES + 1024, 0x61);
  const answers: [string, string][] = [
    ['bad percent-encoding', await get('/%E0%A4%A')],
    ['bad encoding in the API path', await get('/api/%ZZ')],
    ['overlong UTF-8', await get('/assets/%C0%AF..%C0%AF..%C0%AFetc%C0%AFpasswd')],
    ['lone percent', await get('/%')],
    ['absolute-form target', await get('http://evil.example/%E0%A4%A')],
    ['asterisk target', await raw(`OPTIONS * HTTP/1.1\r\n${H()}Connection: close\r\n\r\n`)],
    ['DELETE', await raw(`DELETE /api/setup.status HTTP/1.1\r\n${H()}Connection: close\r\n\r\n`)],
    ['PUT', await raw(`PUT /index.html HTTP/1.1\r\n${H()}Content-Length: 2\r\nConnection: close\r\n\r\nhi`)],
    ['TRACE', await raw(`TRACE / HTTP/1.1\r\n${H()}Connection: close\r\n\r\n`)],
    ['CONNECT', await raw(`CONNECT 127.0.0.1:22 HTTP/1.1\r\n${H()}\r\n`)],
    ['made-up method', await raw(`BREW /api/setup.status HTTP/1.1\r\n${H()}Connection: close\r\n\r\n`)],
    ['absurd header', await get('/', `X-Pad: ${'a'.repeat(100_000)}\r\n`)],
    ['ten thousand headers', await get('/', Array.from({ length: 10_000 }, (_, i) => `X-${i}: 1\r\n`).join(''))],
    ['two Host headers', await raw(`GET / HTTP/1.1\r\n${H()}Host: evil.example\r\nConnection: close\r\n\r\n`)],
    ['a Host that is no host', await raw(`GET / HTTP/1.1\r\nHost: [::1\r\nConnection: close\r\n\r\n`)],
    ['control characters in the Origin', await raw(`POST /api/setup.status HTTP/1.1\r\n${H()}Origin: http://\x01\x7f\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`)],
    ['negative Content-Length', await raw(`POST /api/setup.status HTTP/1.1\r\n${H()}Content-Type: application/json\r\nContent-Length: -1\r\n\r\n{}`)],
    ['broken chunked body', await raw(`POST /api/setup.status HTTP/1.1\r\n${H()}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n`)],
    ['body cut short', await raw(`POST /api/setup.status HTTP/1.1\r\n${H()}Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"input"`, 300)],
    ['deeply nested JSON', await raw(`POST /api/setup.status HTTP/1.1\r\n${H()}Content-Type: application/json\r\nContent-Length: 200000\r\nConnection: close\r\n\r\n${'['.repeat(100_000)}${']'.repeat(100_000)}`)],
    ['huge body', await raw(Buffer.concat([Buffer.from(`POST /api/setup.status HTTP/1.1\r\n${H()}Content-Type: application/json\r\nContent-Length: ${huge.length}\r\nConnection: close\r\n\r\n`), huge]), 5000)],
    ['huge body on a page', await raw(Buffer.concat([Buffer.from(`GET / HTTP/1.1\r\n${H()}Content-Length: ${huge.length}\r\nConnection: close\r\n\r\n`), huge]), 5000)],
    ['garbage', await raw(Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 13, 10, 13, 10]))],
    ['HTTP/0.9', await raw('GET /\r\n')],
  ];
  expect(exited, 'the web host exited').toBeNull();
  const answer = new Map(answers);
  for (const [what, text] of answers) {
    // Answered (a page needs no body: GET / with one may be served) or dropped: never a 5xx, never a crash.
    expect(status(text) < 500, `${what}: ${text.slice(0, 80)}`).toBe(true);
  }
  for (const what of ['bad percent-encoding', 'bad encoding in the API path', 'overlong UTF-8', 'lone percent', 'absurd header', 'ten thousand headers', 'negative Content-Length', 'broken chunked body', 'garbage']) {
    const s = status(answer.get(what)!);
    expect(s === 0 || (s >= 400 && s < 500), `${what}: ${answer.get(what)!.slice(0, 80)}`).toBe(true);
  }
  expect(status(answer.get('bad percent-encoding')!)).toBe(400);
  expect(status(answer.get('two Host headers')!)).toBe(421);
  expect(status(answer.get('a Host that is no host')!)).toBe(421);
  expect(status(answer.get('huge body')!)).toBe(413);
  expect(status(answer.get('deeply nested JSON')!)).toBe(400);
  const ok = await raw(`POST /api/setup.status HTTP/1.1\r\n${H()}Content-Type: application/json\r\nContent-Length: 12\r\nConnection: close\r\n\r\n{"input":{}}`);
  expect(status(ok)).toBe(200);
  expect(exited).toBeNull();
}, 120_000);
