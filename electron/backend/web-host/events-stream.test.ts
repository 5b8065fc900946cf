/**
 * Browser mode's event stream over real HTTP, from a backend in its worker: only a signed-in page
 * hears it, and a committed write arrives as a `changed` event.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startBackendHost, type BackendHost } from '../../host/host';
import { ADMIN, TEST_STREET } from '../testing/harness';
import { startWebHost, type WebHost } from './server';
import { removeTestDir } from '../testing/remove-dir';

let dataDir: string;
let backend: BackendHost;
let host: WebHost;
let token: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-events-'));
  backend = await startBackendHost({ dataDir, sync: { autoStart: false }, logError: () => undefined });
  host = await startWebHost({ backend, distDir: dataDir, port: 0 });
  const s = await backend.call('setup.initialize', { streetCode: TEST_STREET.code, streetName: TEST_STREET.name, officeName: TEST_STREET.officeName, admin: ADMIN }, null);
  token = (s as { result: { token: string } }).result.token;
});
afterAll(async () => {
  await host.close();
  await backend.close();
  removeTestDir(dataDir);
});

describe('GET /api/events', () => {
  test('refuses a page that is not signed in', async () => {
    const anon = await fetch(`${host.url}/api/events`);
    expect(anon.status).toBe(401);
    expect(await anon.json()).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
    const post = await fetch(`${host.url}/api/events`, { method: 'POST', headers: { 'x-doudi-token': token } });
    expect(post.status).toBe(405);
  });

  test('streams the backend events to a signed-in page', async () => {
    const res = await fetch(`${host.url}/api/events`, { headers: { 'x-doudi-token': token } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const communities = await backend.call('org.listCommunities', {}, token);
    const communityId = (communities as { result: { id: string }[] }).result[0]!.id;
    expect(await backend.call('org.saveGrid', { communityId, name: '第九网格' }, token)).toMatchObject({ ok: true });
    let text = '';
    while (!text.includes('"type":"changed"')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    expect(text).toMatch(/data: \{"type":"changed","tables":\[[^\]]*"grids"/);
    await reader.cancel();
  });

  test("opening the stream does not count as the user's activity: an idle session still ends after 30 minutes", async () => {
    const login = await backend.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, null);
    const idle = (login as { result: { token: string } }).result.token;
    try {
      backend.setClockOffset(20 * 60_000);
      const res = await fetch(`${host.url}/api/events`, { headers: { 'x-doudi-token': idle } });
      expect(res.status).toBe(200);
      await res.body!.cancel();
      backend.setClockOffset(31 * 60_000); // 31 minutes after sign-in, 11 after the stream opened
      expect(await backend.call('auth.me', {}, idle)).toMatchObject({ ok: false, error: { code: 'session-expired' } });
      const again = await fetch(`${host.url}/api/events`, { headers: { 'x-doudi-token': idle } });
      expect(again.status).toBe(401);
      expect(await again.json()).toMatchObject({ ok: false, error: { code: 'session-expired' } });
    } finally {
      backend.setClockOffset(0);
    }
  });
});
