/**
 * A large Excel export through the real backend host (worker thread, real SQLite file) and browser
 * mode's web host: other calls are answered while it runs, its progress comes in order up to the
 * end, and the file (moved from the worker as bytes, streamed over HTTP as base64) reads back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BackendEvent, ProgressInfo } from '../../shared/api/events';
import { DONGLI_STREETS } from '../../shared/streets';
import { createBackend } from '../backend/app';
import { generateStreet } from '../backend/demo/generate';
import { loadStreetData } from '../backend/demo/load';
import { createUser } from '../backend/services/auth/users';
import { systemActor } from '../backend/services/setup/street';
import { HOUSEHOLD_SHEET, MEMBER_SHEET } from '../backend/services/registry/excel-export';
import { startWebHost, type WebHost } from '../backend/web-host/server';
import { isHostFile, startBackendHost, withBase64File, type BackendHost } from './host';
import { removeTestDir } from '../backend/testing/remove-dir';

const HOUSEHOLDS = 1500;
let dataDir: string;
let host: BackendHost;
let web: WebHost;
let token: string;
let persons: number;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-host-export-'));
  const b = createBackend({ dataDir, sync: { autoStart: false }, logError: () => undefined });
  const data = generateStreet({ households: HOUSEHOLDS, streetCode: DONGLI_STREETS[0]!.code, referenceDate: '2026-06-30' });
  const summary = loadStreetData(b.store, data, { history: false });
  persons = summary.persons;
  createUser(b.store, systemActor(summary.streetCode), { username: 'export_admin', displayName: '导出测试', role: 'street-admin', password: 'export-pass-1' });
  b.close();
  host = await startBackendHost({ dataDir, sync: { autoStart: false }, logError: () => undefined });
  web = await startWebHost({ backend: host, distDir: path.join(dataDir, 'no-dist'), port: 0 });
  const login = await host.call('auth.login', { username: 'export_admin', password: 'export-pass-1' }, null);
  if (!login.ok) throw new Error(login.error.message);
  token = (login.result as { token: string }).token;
}, 120_000);

afterAll(async () => {
  await web?.close();
  await host?.close();
  removeTestDir(dataDir);
});

async function readBack(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

describe('a large export through the backend host', () => {
  test('calls sent at its first progress are answered before it ends; progress in order to 100 %; the file comes as bytes and reads back', async () => {
    const log: string[] = [];
    const progress: ProgressInfo[] = [];
    let sent: Promise<unknown> | null = null;
    const off = host.subscribe((e: BackendEvent) => {
      if (e.type !== 'progress' || e.progress.task !== 'registry.exportHouseholds') return;
      progress.push(e.progress);
      if (sent) return;
      // a cheap call (served from the read-only connection) and an ordinary read (the export holds no lock)
      sent = Promise.all([
        host.call('auth.me', {}, token).then((r) => log.push(`auth.me ${r.ok}`)),
        host.call('registry.listHouseholds', { page: 1, pageSize: 20 }, token).then((r) => log.push(`listHouseholds ${r.ok}`)),
      ]);
    });
    const env = await host.call('registry.exportHouseholds', {}, token);
    log.push('export done');
    await sent;
    off();
    expect(log.slice(0, 2).sort()).toEqual(['auth.me true', 'listHouseholds true']);
    expect(log[2]).toBe('export done');

    const total = HOUSEHOLDS + persons;
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.every((p) => p.total === total && p.label === '正在导出 Excel')).toBe(true);
    const dones = progress.map((p) => p.done);
    expect(dones).toEqual([...new Set(dones)].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ done: total, finished: true });
    expect(progress.slice(0, -1).every((p) => !p.finished)).toBe(true);

    expect(env.ok).toBe(true);
    const file = env.ok ? env.result : null;
    if (!isHostFile(file)) throw new Error('the export should come as a HostFile');
    expect(file.fileName).toMatch(/^家庭名单_.+_\d{8}\.xlsx$/);
    const wb = await readBack(file.bytes);
    expect(wb.getWorksheet(HOUSEHOLD_SHEET)!.rowCount).toBe(HOUSEHOLDS + 1);
    expect(wb.getWorksheet(MEMBER_SHEET)!.rowCount).toBe(persons + 1);
    // Electron's IPC passes it on as the renderer reads files (FileOut: base64)
    const asRenderer = withBase64File(env) as { ok: true; result: { fileName: string; base64: string } };
    expect(asRenderer.result.fileName).toBe(file.fileName);
    expect(Buffer.from(asRenderer.result.base64, 'base64').equals(Buffer.from(file.bytes))).toBe(true);
  }, 120_000);

  test('over HTTP (browser mode) the file is streamed as the JSON answer the window reads, and reads back', async () => {
    const res = await fetch(`${web.url}/api/registry.exportHouseholds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-doudi-token': token },
      body: JSON.stringify({ input: {} }),
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    const body = JSON.parse(text) as { ok: boolean; result: { fileName: string; base64: string } };
    expect(body.ok).toBe(true);
    expect(Object.keys(body.result)).toEqual(['fileName', 'base64']);
    const wb = await readBack(Buffer.from(body.result.base64, 'base64'));
    expect(wb.getWorksheet(MEMBER_SHEET)!.rowCount).toBe(persons + 1);
  }, 120_000);
});
