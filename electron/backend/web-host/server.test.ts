import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeHarness, type Harness } from '../testing/harness';
import { startWebHost, type WebHost } from './server';
import { MAX_BODY_BYTES } from './http-api';
import { removeTestDir } from '../testing/remove-dir';

let h: Harness;
let host: WebHost;
let dist: string;

beforeAll(async () => {
  h = await makeHarness();
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-dist-'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>兜底保障工作台</title>');
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
  host = await startWebHost({ backend: h.backend, distDir: dist, port: 0 });
});

afterAll(async () => {
  await host.close();
  await h.close();
  removeTestDir(dist);
});

function post(procedure: string, body: unknown, token?: string) {
  return fetch(`${host.url}/api/${procedure}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { 'x-doudi-token': token } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('browser-mode host', () => {
  test('binds to loopback only', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('serves the API over HTTP with the session token header', async () => {
    const ok = await post('registry.listHouseholds', { input: {} }, h.token);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, result: { total: 0 } });
    const anon = await post('registry.listHouseholds', { input: {} });
    expect(anon.status).toBe(401);
    expect(await anon.json()).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
  });

  test('maps error codes to HTTP statuses and refuses malformed requests in Chinese', async () => {
    const bad = await post('users.create', { input: { username: 'x' } }, h.token);
    expect(bad.status).toBe(400);
    const notJson = await post('setup.status', '{nope');
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { message: string } }).error.message).toContain('JSON');
    const unknown = await post('nothing.here', { input: {} });
    expect(unknown.status).toBe(404);
    const get = await fetch(`${host.url}/api/setup.status`);
    expect(get.status).toBe(405);
  });

  test('refuses an oversized body without buffering it', async () => {
    const big = 'x'.repeat(MAX_BODY_BYTES + 10);
    const r = await post('setup.status', `{"input":{},"pad":"${big}"}`);
    expect(r.status).toBe(413);
    expect(await r.json()).toMatchObject({ ok: false, error: { code: 'invalid-input', message: '请求内容过大' } });
  });

  test('serves the renderer with a strict CSP and falls back to index.html; no path traversal', async () => {
    const index = await fetch(`${host.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await index.text()).toContain('兜底保障工作台');
    const js = await fetch(`${host.url}/assets/app.js`);
    expect(js.headers.get('content-type')).toContain('javascript');
    const deep = await fetch(`${host.url}/households/123`);
    expect(await deep.text()).toContain('兜底保障工作台');
    const traversal = await fetch(`${host.url}/..%2f..%2fetc%2fpasswd`);
    expect(await traversal.text()).not.toContain('root:');
  });
});
