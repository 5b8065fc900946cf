/**
 * A backend on a fresh SQLite file and a browser-mode host of its own, for a spec file that must not
 * share the worker-scoped `app` fixture (Playwright reuses a worker across spec files).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend, type Backend } from '../../electron/backend/app';
import { databaseKeyFile } from '../../electron/backend/db/database-key';
import { startWebHost } from '../../electron/backend/web-host/server';
import { startBackendHost, type BackendHost, type BackendHostOptions } from '../../electron/host/host';
import * as admin from '../../server/admin/commands';
import type { OpenedServerDb } from '../../server/db/open';
import { removeTestDir } from '../../electron/backend/testing/remove-dir';

export interface OwnApp {
  url: string;
  backend: Backend;
  close(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));

export async function startOwnApp(opts: { tmpPrefix?: string } = {}): Promise<OwnApp> {
  const dist = path.resolve(here, '../../dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error('dist/ is missing: run npm run build:renderer');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), opts.tmpPrefix ?? 'doudi-e2e-care-'));
  const backend = createBackend({ dataDir, logError: () => undefined });
  const host = await startWebHost({ backend, distDir: dist, port: 0 });
  return {
    url: host.url,
    backend,
    close: async () => {
      await host.close();
      backend.close();
      await backend.idle();
      removeTestDir(dataDir);
      fs.rmSync(databaseKeyFile(dataDir), { force: true });
    },
  };
}

/** An own app enrolled with the district server for a partition (a street or the district), first sync done. */
export async function startEnrolledApp(server: { url: string; opened: OpenedServerDb }, partition: string, opts: { tmpPrefix?: string } = {}): Promise<OwnApp> {
  const app = await startOwnApp(opts);
  const { code } = await admin.issueEnrollmentCode(server.opened.db, new Date(), partition);
  const enrolled = await app.backend.sync.enroll({ serverUrl: server.url, code, deviceName: `e2e ${partition}` });
  if (!enrolled.firstSync.ok) throw new Error(`first sync failed: ${JSON.stringify(enrolled.firstSync.error)}`);
  return app;
}

/** An own app whose backend runs in its worker behind the backend host, as in the desktop. */
export interface HostedApp {
  url: string;
  backend: BackendHost;
  close(): Promise<void>;
}

export async function startHostedApp(opts: { tmpPrefix?: string; sync?: BackendHostOptions['sync'] } = {}): Promise<HostedApp> {
  const dist = path.resolve(here, '../../dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error('dist/ is missing: run npm run build:renderer');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), opts.tmpPrefix ?? 'doudi-e2e-hosted-'));
  const backend = await startBackendHost({ dataDir, sync: opts.sync, logError: () => undefined });
  const host = await startWebHost({ backend, distDir: dist, port: 0 });
  return {
    url: host.url,
    backend,
    close: async () => {
      await host.close();
      await backend.close();
      removeTestDir(dataDir);
      fs.rmSync(databaseKeyFile(dataDir), { force: true });
    },
  };
}

/** A hosted app enrolled with the district server (through the API, as the 同步 page does), first sync done. */
export async function startEnrolledHostedApp(
  server: { url: string; opened: OpenedServerDb },
  partition: string,
  opts: { tmpPrefix?: string; sync?: BackendHostOptions['sync'] } = {},
): Promise<HostedApp> {
  const app = await startHostedApp(opts);
  const { code } = await admin.issueEnrollmentCode(server.opened.db, new Date(), partition);
  const r = await app.backend.call('sync.enroll', { serverUrl: server.url, code, deviceName: `e2e ${partition}` }, null);
  if (!r.ok || !(r.result as { firstSync: { ok: boolean } }).firstSync.ok) throw new Error(`enrollment failed: ${JSON.stringify(r)}`);
  return app;
}
