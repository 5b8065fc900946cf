/**
 * The backend host's protocol over a real worker thread and a real SQLite file: a call's reply,
 * errors with their code, field and Chinese message, events, and a worker killed mid-call (reported,
 * restarted, committed data kept).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeIdNumber } from '../../shared/id-number';
import { BACKEND_CRASHED_MESSAGE, type BackendEvent } from '../../shared/api/events';
import { ADMIN, TEST_STREET } from '../backend/testing/harness';
import { importRows, importWorkbook } from '../backend/testing/import-file';
import { startBackendHost, type BackendHost } from './host';
import { removeTestDir } from '../backend/testing/remove-dir';

let dataDir: string;
let host: BackendHost;
let events: BackendEvent[];

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-host-'));
  host = await startBackendHost({ dataDir, sync: { autoStart: false }, logError: () => undefined });
  events = [];
  host.subscribe((e) => events.push(e));
});
afterEach(async () => {
  await host.close();
  removeTestDir(dataDir);
});

async function setUp(): Promise<string> {
  const env = await host.call('setup.initialize', { streetCode: TEST_STREET.code, streetName: TEST_STREET.name, officeName: TEST_STREET.officeName, admin: ADMIN }, null);
  if (!env.ok) throw new Error(env.error.message);
  return (env.result as { token: string }).token;
}

async function createHousehold(token: string, idNumber: string) {
  const communities = await host.call('org.listCommunities', {}, token);
  const communityId = (communities as { result: { id: string }[] }).result[0]!.id;
  return host.call('registry.createHousehold', {
    household: { communityId, address: '詹滨西里3号楼2门301', hukouType: 'urban', categories: ['dibao'] },
    members: [{ name: '张三', idNumber, relation: '02' }],
  }, token);
}

function waitFor(pred: (e: BackendEvent) => boolean, ms = 15_000): Promise<BackendEvent> {
  const seen = events.find(pred);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('no such event')), ms);
    const off = host.subscribe((e) => {
      if (!pred(e)) return;
      clearTimeout(t);
      off();
      resolve(e);
    });
  });
}

describe('backend host', () => {
  test('a call goes to the worker and its reply comes back', async () => {
    expect(await host.call('setup.status', {}, null)).toMatchObject({ ok: true, result: { isSetUp: false, isEmpty: true } });
    expect(await host.call('no.such', {}, null)).toMatchObject({ ok: false, error: { code: 'unknown-procedure' } });
  });

  test('errors keep their code, field and Chinese message across the thread', async () => {
    const token = await setUp();
    const good = makeIdNumber('120110', '19650312', 123);
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const r = await createHousehold(token, bad);
    expect(r).toMatchObject({ ok: false, error: { code: 'id-number-checksum', field: 'members.0.idNumber' } });
    if (!r.ok) expect(r.error.message).toBe(`身份证号码校验位错误：最后一位应为 ${good[17]}，请核对号码`);
    const anon = await host.call('registry.listHouseholds', {}, null);
    expect(anon).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
    if (!anon.ok) expect(anon.error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  test('a committed write reaches subscribers as a changed event, with the sync status', async () => {
    const token = await setUp();
    events.length = 0;
    expect((await createHousehold(token, makeIdNumber('120110', '19650312', 123))).ok).toBe(true);
    const changed = await waitFor((e) => e.type === 'changed' && e.tables.includes('households'));
    expect(changed).toMatchObject({ type: 'changed', areas: expect.arrayContaining(['registry']) });
    await waitFor((e) => e.type === 'sync');
  });

  test('a worker killed mid-call is reported in Chinese and restarted; committed data and sessions are kept, the cut-off work is not', async () => {
    // Killed in the middle of loading the demo street (one transaction, progress told as it goes).
    const inFlight = host.call('setup.loadDemo', {}, null);
    const progress = await waitFor((e) => e.type === 'progress' && e.progress.task === 'setup.loadDemo' && e.progress.done > 0);
    expect(progress).toMatchObject({ progress: { label: '正在载入演示数据', finished: false } });
    await host.kill();
    expect(await inFlight).toEqual({ ok: false, error: { code: 'backend-restarting', message: BACKEND_CRASHED_MESSAGE } });
    expect(await waitFor((e) => e.type === 'backend' && e.state === 'crashed')).toMatchObject({ message: BACKEND_CRASHED_MESSAGE });
    await waitFor((e) => e.type === 'backend' && e.state === 'restarted');
    // The half-loaded demo was never committed: the folder is still empty and can be set up.
    expect(await host.call('setup.status', {}, null)).toMatchObject({ ok: true, result: { isEmpty: true } });

    const token = await setUp();
    expect((await createHousehold(token, makeIdNumber('120110', '19650312', 123))).ok).toBe(true);
    events.length = 0;
    await host.kill();
    await waitFor((e) => e.type === 'backend' && e.state === 'restarted');
    // The host kept the sessions: the user stays signed in; the household committed before is still there.
    expect(await host.call('registry.listHouseholds', {}, token)).toMatchObject({ ok: true, result: { total: 1 } });
    // A sign-out before a crash stays a sign-out after it.
    expect(await host.call('auth.logout', {}, token)).toMatchObject({ ok: true });
    await host.kill();
    await waitFor((e) => e.type === 'backend' && e.state === 'restarted' && events.filter((x) => x.type === 'backend' && x.state === 'restarted').length === 2);
    expect(await host.call('registry.listHouseholds', {}, token)).toMatchObject({ ok: false, error: { code: 'session-invalid' } });
  });

  test('a cheap call made during a long import is answered before the import ends', async () => {
    const token = await setUp();
    const communities = await host.call('org.listCommunities', {}, token);
    const community = (communities as { result: { name: string }[] }).result[0]!.name;
    const base64 = await importWorkbook(importRows(community, 1500));
    const preview = await host.call('registry.importPreview', { fileName: '导入.xlsx', base64 }, token);
    const importId = (preview as { result: { importId: string } }).result.importId;
    const log: string[] = [];
    const started = performance.now();
    let importMs = 0;
    const commit = host.call('registry.importCommit', { importId }, token).then((r) => {
      log.push('import done');
      importMs = performance.now() - started;
      return r;
    });
    await waitFor((e) => e.type === 'progress' && e.progress.task === 'registry.importCommit' && e.progress.done > 0);
    const t0 = performance.now();
    const me = await host.call('auth.me', {}, token);
    log.push('auth.me done');
    const waited = performance.now() - t0;
    expect(me).toMatchObject({ ok: true, result: { user: { username: ADMIN.username } } });
    expect(await commit).toMatchObject({ ok: true, result: { households: 1500, persons: 3000 } });
    expect(log).toEqual(['auth.me done', 'import done']);
    // a turn of the import, not the rest of it: measured against the import in the same run (a loaded
    // machine slows both), not against a wall-clock figure
    expect(waited).toBeLessThan(importMs / 2);
  }, 120_000);

  test('a backend that cannot open its data is refused at start, not restarted', async () => {
    const file = path.join(dataDir, 'not-a-dir');
    fs.writeFileSync(file, 'x');
    await expect(startBackendHost({ dataDir: file, sync: { autoStart: false }, logError: () => undefined })).rejects.toThrow();
  });
});
