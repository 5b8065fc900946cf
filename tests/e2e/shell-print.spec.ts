/**
 * Printing through the Electron shell, as the renderer sees it. The Electron binary cannot run here,
 * so the page gets the bridge the preload would expose (window.doudi: invoke, print, printSession)
 * built on the real browser-mode backend; "print" does what electron/main/print-service.ts does — a
 * separate page (no shared sessionStorage) loads the print route, receives the session through
 * printSession, and becomes a PDF once it marks itself ready. Checks the renderer's half: the shell
 * buttons, the session hand-over, the document and the audit trail.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, test, ARTIFACTS } from './fixtures';
import { startOwnApp, type OwnApp } from '../support/own-app';
import { caller, prepareCards, setCareSubsidies } from '../support/care-data';
import { initializeStreet, signIn } from '../support/street-setup';
import type { DoudiBridge } from '../../shared/api/bridge';

const ADMIN = { username: 'zgzadmin', displayName: '王建华', password: 'zgz-admin-2026' };
const OUT = path.resolve(ARTIFACTS, '../pdf');

let app: OwnApp;
test.beforeAll(async () => {
  app = await startOwnApp();
});
test.afterAll(async () => {
  await app?.close();
});

/** What the preload exposes, over the browser-mode HTTP API and two bindings to the test. */
function installShellBridge() {
  const w = window as unknown as Record<string, (...a: unknown[]) => Promise<never>>;
  // Typed as the preload's object, so a key the renderer starts to use cannot be missing here.
  const bridge: DoudiBridge = {
    platform: 'win32',
    invoke: async ({ procedure, input, token }: { procedure: string; input: unknown; token: string | null }) => {
      const r = await fetch(`/api/${procedure}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-doudi-token': token ?? '' },
        body: JSON.stringify({ input }),
      });
      return r.json();
    },
    onMenuCommand: () => () => undefined,
    onBackendEvent: () => () => undefined,
    print: (request) => w.__shellPrint!(request),
    printSession: () => w.__shellPrintSession!(),
  };
  (window as unknown as { doudi: DoudiBridge }).doudi = bridge;
}

test('导出PDF in the shell renders the print route in its own window with the caller’s session', async ({ page, context }) => {
  test.setTimeout(120_000);
  fs.mkdirSync(OUT, { recursive: true });
  const token = await initializeStreet(app.backend, ADMIN);
  setCareSubsidies(app.backend, '120110001000');
  const [card] = await prepareCards(caller(app.backend, token), 1);

  const sessions = new Map<Page, string>();
  const requests: Array<{ hash: string; mode: string; fileName?: string }> = [];
  await context.exposeBinding('__shellPrintSession', ({ page: p }) => sessions.get(p) ?? null);
  await context.exposeBinding('__shellPrint', async (_source, request: { hash: string; mode: string; token: string; fileName?: string }) => {
    requests.push({ hash: request.hash, mode: request.mode, fileName: request.fileName });
    const hidden = await context.newPage();
    sessions.set(hidden, request.token);
    try {
      await hidden.goto(`${app.url}/${request.hash}`);
      await expect(hidden.locator('html[data-print-ready]')).toHaveCount(1, { timeout: 30_000 });
      if ((await hidden.locator('html').getAttribute('data-print-ready')) !== 'true') {
        return { ok: false, error: { code: 'print-failed', message: '打印内容加载失败，请返回检查后重试' } };
      }
      await hidden.emulateMedia({ media: 'print' });
      const file = path.join(OUT, `shell-${request.fileName ?? 'print'}.pdf`);
      await hidden.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
      return { ok: true, result: { kind: 'saved', path: file } };
    } finally {
      sessions.delete(hidden);
      await hidden.close();
    }
  });
  await context.addInitScript(installShellBridge);

  await signIn(page, app.url, ADMIN);

  await page.goto(`${app.url}/#/care/cards`);
  const table = page.getByTestId('card-table');
  await expect(table.locator('tbody tr[data-row-key]')).toHaveCount(1);
  await table.locator('thead .ant-checkbox-input').check();
  await page.getByTestId('print-selected').click();
  await expect(page.getByTestId('print-preview').getByTestId('care-card')).toHaveCount(1);
  // The shell offers the printer dialog, the default printer and PDF; the browser's window is not used.
  await expect(page.getByTestId('print-button')).toHaveText(/打印…/);
  await page.getByRole('button', { name: '更多打印方式' }).hover();
  await expect(page.getByText('直接打印到默认打印机')).toBeVisible();
  await page.getByTestId('pdf-button').click();
  await expect(page.getByText(/PDF 已保存：.*shell-照料服务卡（1张）\.pdf/)).toBeVisible({ timeout: 30_000 });

  expect(requests).toEqual([expect.objectContaining({ mode: 'pdf', fileName: '照料服务卡（1张）' })]);
  expect(requests[0]!.hash).toContain(`ids=${card!.cardId}`);
  expect(requests[0]!.hash).toContain('mode=pdf');
  const pdf = path.join(OUT, 'shell-照料服务卡（1张）.pdf');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain(card!.cardNumber);
  expect(text).toContain(card!.personName);

  const audit = await caller(app.backend, token)<{ rows: { action: string; summary: string }[] }>('audit.list', { pageSize: 50 });
  expect(audit.rows.map((r) => r.action)).toContain('care.exportPdf');
});
