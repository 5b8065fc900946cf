/**
 * Sync by file (USB) in the browser (issue 16): a street PC that cannot reach the district server
 * exports its 同步包 from the 同步 page (a download), the district imports it, and the PC imports
 * the answer with the file input: its changes are acknowledged, the district's come in, and the
 * same answer again changes nothing; an outbox file given back to the PC is refused in Chinese.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import * as admin from '../../server/admin/commands';
import { importBundle } from '../../server/sync/bundle';
import { startServer, STREET_A, type TestServer } from '../sync/harness';
import { screenshot } from './fixtures';
import { signInAs as signIn } from '../support/ui';
import { startEnrolledApp, type OwnApp } from '../support/own-app';
import { removeTestDir } from '../../electron/backend/testing/remove-dir';

let server: TestServer;
let app: OwnApp;
const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-e2e-usb-'));

test.beforeAll(async () => {
  server = await startServer();
  app = await startEnrolledApp(server, STREET_A, { tmpPrefix: 'doudi-e2e-usb-pc-' });
  // the network is gone: the PC's server address leads nowhere
  app.backend.store.setMeta('sync_server_url', 'http://127.0.0.1:9');
});

test.afterAll(async () => {
  await app?.close();
  await server?.close();
  removeTestDir(usb);
});

test('导出同步包 and 导入同步包 on the 同步 page carry the changes both ways by file', async ({ page }) => {
  const actor = { userId: null, username: 'test', streetCode: STREET_A };
  app.backend.store.insert('communities', { streetCode: STREET_A, name: 'U盘同步社区' }, actor, null);
  // a change at the district the PC lacks
  await admin.createUser(server.opened.db, new Date(), { username: 'zgz_usb', displayName: '孙五', role: 'caseworker', password: 'secret-pass-5', partition: STREET_A });

  await page.goto(app.url);
  await signIn(page, 'zgz_admin', 'secret-pass-1');
  await page.getByRole('menuitem', { name: '同步' }).click();
  const card = page.getByTestId('bundle-card');
  await expect(card).toContainText('用文件同步（U盘）');
  await expect(page.getByTestId('sync-pending')).not.toHaveText('0 条');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bundle-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^同步包-张贵庄街道-\d{8}-\d+\.doudi$/);
  const outbox = path.join(usb, download.suggestedFilename());
  await download.saveAs(outbox);
  await expect(page.getByText(/已导出 同步包-.*待上传的修改/)).toBeVisible();

  // at the district
  const imported = await importBundle(server.opened.db, new Uint8Array(fs.readFileSync(outbox)), new Date());
  expect(imported.result.rejected).toEqual([]);
  const answer = path.join(usb, `同步应答-张贵庄街道-${imported.header.seq}.doudi`);
  fs.writeFileSync(answer, imported.answer);

  await page.getByTestId('bundle-file').setInputFiles(answer);
  const result = page.getByTestId('bundle-result');
  await expect(result).toContainText(`区级服务器接收本机修改 ${imported.result.accepted.length} 条`);
  await expect(result).toContainText(`带回本机缺少的修改 ${imported.answerChanges} 条`);
  await expect(page.getByTestId('sync-pending')).toHaveText('0 条');
  expect(app.backend.store.prepare("SELECT count(*) AS n FROM users WHERE username = 'zgz_usb'").get()).toEqual({ n: 1 });
  await screenshot(page, 'sync-usb');

  // the same answer again: nothing changes, and the page says so
  await page.getByTestId('bundle-file').setInputFiles(answer);
  await expect(result).toContainText('已导入过，本次没有任何改动');

  // the outbox file is for the district, not for the PC
  await page.getByTestId('bundle-file').setInputFiles(outbox);
  await expect(page.getByTestId('bundle-error')).toContainText('应交给区级服务器导入');
});
