/**
 * A backend on a fresh SQLite file and a browser-mode host of its own, for a spec file that must not
 * share the worker-scoped `app` fixture (Playwright reuses a worker across spec files).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend, type Backend } from '../../electron/backend/app';
import { startWebHost } from '../../electron/backend/web-host/server';
import * as admin from '../../server/admin/commands';
import type { OpenedServerDb } from '../../server/db/open';

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
      fs.rmSync(dataDir, { recursive: true, force: true });
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
