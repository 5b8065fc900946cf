import http from 'node:http';
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeHarness, type Harness } from '../testing/harness';
import { startWebHost, type WebHost } from './server';
import { removeTestDir } from '../testing/remove-dir';

// A page on another site that got 127.0.0.1 through DNS rebinding sends its own name as Host (and
// Origin on a POST): the host must answer it nothing, and write nothing.

let h: Harness;
let host: WebHost;
let port: number;
let dist: string;

beforeAll(async () => {
  h = await makeHarness({ setUp: false });
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-dist-'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>兜底保障工作台</title>');
  host = await startWebHost({ backend: h.backend, distDir: dist, port: 0 });
  port = Number(new URL(host.url).port);
});

afterAll(async () => {
  await host.close();
  await h.close();
  removeTestDir(dist);
});

interface Answer {
  status: number;
  body: string;
}

function request(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string; setHost?: boolean }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers, setHost: opts.setHost ?? true, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const INIT = JSON.stringify({
  input: {
    streetCode: '120110001000',
    streetName: '张贵庄街道',
    officeName: '张贵庄街道公共服务办公室',
    admin: { username: 'evil', displayName: '外来者', password: 'evil-pass-12' },
  },
});

function post(procedure: string, body: string, headers: Record<string, string>) {
  return request({ method: 'POST', path: `/api/${procedure}`, body, headers: { 'content-type': 'application/json', ...headers } });
}

async function setUpYet(): Promise<boolean> {
  const env = await h.backend.call('setup.status', {}, null);
  return (env as { ok: true; result: { isSetUp: boolean } }).result.isSetUp;
}

describe('browser-mode host: Host and Origin', () => {
  test('a foreign Host is refused with 421 in Chinese and nothing is written (no claiming an empty install)', async () => {
    for (const hostHeader of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, `127.0.0.1.evil.example:${port}`, `0.0.0.0:${port}`]) {
      const r = await post('setup.initialize', INIT, { host: hostHeader });
      expect(r.status, hostHeader).toBe(421);
      const body = JSON.parse(r.body) as { ok: boolean; error: { code: string; message: string } };
      expect(body).toMatchObject({ ok: false, error: { code: 'host-not-allowed' } });
      expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const page = await request({ path: '/', headers: { host: `evil.example:${port}` } });
    expect(page.status).toBe(421);
    expect(page.body).not.toContain('兜底保障工作台');
    expect(await setUpYet()).toBe(false);
  });

  test('a request without a Host header is refused (by Node for HTTP/1.1, by the host for HTTP/1.0)', async () => {
    const r = await request({ method: 'POST', path: '/api/setup.status', body: '{}', headers: { 'content-type': 'application/json' }, setHost: false });
    expect([400, 421]).toContain(r.status);
    const old = await new Promise<string>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => s.end('GET / HTTP/1.0\r\n\r\n'));
      let got = '';
      s.on('data', (c) => (got += c.toString('utf8')));
      s.on('close', () => resolve(got));
    });
    expect(old).toMatch(/^HTTP\/1\.1 421/);
  });

  test('an Origin other than the host itself is refused with 403 and nothing is written', async () => {
    for (const origin of ['http://evil.example', `http://evil.example:${port}`, 'null', `https://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      const r = await post('setup.initialize', INIT, { host: `127.0.0.1:${port}`, origin });
      expect(r.status, origin).toBe(403);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'origin-not-allowed' } });
    }
    const signIn = await post('auth.signIn', JSON.stringify({ input: { username: 'admin', password: 'x' } }), { host: `127.0.0.1:${port}`, origin: 'http://evil.example' });
    expect(signIn.status).toBe(403);
    expect(await setUpYet()).toBe(false);
  });

  test('the bound address and localhost, same-origin or without Origin, are served', async () => {
    const plain = await post('setup.status', '{"input":{}}', { host: `127.0.0.1:${port}` });
    expect(plain.status).toBe(200);
    const same = await post('setup.status', '{"input":{}}', { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}` });
    expect(same.status).toBe(200);
    const local = await post('setup.status', '{"input":{}}', { host: `LOCALHOST:${port}`, origin: `http://localhost:${port}` });
    expect(local.status).toBe(200);
    const page = await request({ path: '/', headers: { host: `localhost:${port}` } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('兜底保障工作台');
  });

  test('a malformed URL gets 400 in Chinese, and the host goes on serving', async () => {
    for (const p of ['/%E0%A4%A', '/assets/%ZZ.js', '/%C0%AF', '/%']) {
      const r = await request({ path: p });
      expect(r.status, p).toBe(400);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect((await request({ path: '/' })).status).toBe(200);
  });
});
