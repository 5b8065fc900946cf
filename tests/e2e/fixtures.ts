/**
 * Each test gets a real backend on a fresh SQLite file, run in its worker thread by the backend host
 * (the desktop's transport), and the browser-mode web host on a free loopback port, serving the built
 * renderer (dist/).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';

import { startBackendHost, type BackendHost } from '../../electron/host/host';
import { startWebHost } from '../../electron/backend/web-host/server';
import { databaseKeyFile } from '../../electron/backend/db/database-key';
import { removeTestDir } from '../../electron/backend/testing/remove-dir';

export interface App {
  url: string;
  /** The backend host the page talks to (calls and events go through the worker thread). */
  backend: BackendHost;
  dataDir: string;
}

/**
 * The backend's clock: real time shifted by `offsetMs` (0 unless a test moves it), so that a test can
 * move past a deadline without sleeping. The browser keeps real time.
 */
export interface TestClock {
  offsetMs: number;
  now(): Date;
  advanceHours(h: number): void;
  /** Tells the backend's thread each new offset (set by the app fixture). */
  follow(sink: (offsetMs: number) => void): void;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS = path.resolve(here, '../artifacts/screens');

export const test = base.extend<{ app: App; clock: TestClock }>({
  clock: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      let offset = 0;
      let sink: ((offsetMs: number) => void) | null = null;
      // The backend's clock runs in its worker: each change is sent there before the next call.
      const clock: TestClock = {
        get offsetMs() {
          return offset;
        },
        set offsetMs(ms: number) {
          offset = ms;
          sink?.(ms);
        },
        now: () => new Date(Date.now() + offset),
        advanceHours: (h) => {
          clock.offsetMs = offset + h * 3_600_000;
        },
        follow: (fn) => {
          sink = fn;
        },
      };
      await use(clock);
    },
    { scope: 'test' },
  ],
  app: [
    async ({ clock }, use) => {
      const dist = path.resolve(here, '../../dist');
      if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error('dist/ is missing: run npm run build:renderer');
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-e2e-'));
      const backend = await startBackendHost({ dataDir, clockOffsetMs: clock.offsetMs });
      clock.follow((ms) => backend.setClockOffset(ms));
      const host = await startWebHost({ backend, distDir: dist, port: 0 });
      await use({ url: host.url, backend, dataDir });
      await host.close();
      await backend.close();
      removeTestDir(dataDir);
      removeTestDir(`${dataDir}-backups`); // the default backup folder
      fs.rmSync(databaseKeyFile(dataDir), { force: true }); // browser mode keeps the key beside the folder
    },
    { scope: 'test' },
  ],
});

export { expect } from '@playwright/test';

export async function screenshot(page: import('@playwright/test').Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
