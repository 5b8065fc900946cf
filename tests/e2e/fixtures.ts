/**
 * Each test gets a real backend on a fresh SQLite file and the browser-mode web host on a
 * free loopback port, serving the built renderer (dist/).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';

import { createBackend, type Backend } from '../../electron/backend/app';
import { startWebHost } from '../../electron/backend/web-host/server';

export interface App {
  url: string;
  backend: Backend;
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
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS = path.resolve(here, '../artifacts/screens');

export const test = base.extend<{ app: App; clock: TestClock }>({
  clock: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const clock: TestClock = {
        offsetMs: 0,
        now: () => new Date(Date.now() + clock.offsetMs),
        advanceHours: (h) => {
          clock.offsetMs += h * 3_600_000;
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
      const backend = createBackend({ dataDir, now: () => clock.now() });
      const host = await startWebHost({ backend, distDir: dist, port: 0 });
      await use({ url: host.url, backend, dataDir });
      await host.close();
      backend.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
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
