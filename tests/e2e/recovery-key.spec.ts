/**
 * The encrypted street database in the window (issue 16): 系统管理 › 数据安全 shows the recovery key
 * after the administrator's password, on a sheet to print; a PC whose key file is gone starts on
 * the screen that takes the recovery key, refuses a wrong one, and opens with the right one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, screenshot } from './fixtures';
import { initializeStreet, signIn } from '../support/street-setup';
import { createBackend } from '../../electron/backend/app';
import { databaseKeyFile, newDatabaseKey } from '../../electron/backend/db/database-key';
import { formatRecoveryKey, parseRecoveryKey } from '../../electron/backend/db/recovery-key';
import { startBackendHost } from '../../electron/host/host';
import { startWebHost } from '../../electron/backend/web-host/server';
import { removeTestDir } from '../../electron/backend/testing/remove-dir';

const ADMIN = { username: 'zgzadmin', displayName: '王管理', password: 'admin-pass-1' };
const here = path.dirname(fileURLToPath(import.meta.url));

test('an administrator sees the recovery key after the password, on a sheet to print', async ({ page, app }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await initializeStreet(app.backend, ADMIN);
  await signIn(page, app.url, ADMIN);
  await page.goto(`${app.url}/#/admin/security`);
  await expect(page.getByText('已加密保存')).toBeVisible();
  await expect(page.getByText('尚未查看和打印')).toBeVisible();
  await page.getByRole('button', { name: '查看并打印恢复密钥' }).click();
  await page.getByLabel('登录密码').fill('not-my-pass-1');
  await page.getByLabel('登录密码').press('Enter');
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('密码不正确');
  await page.getByLabel('登录密码').fill(ADMIN.password);
  await page.getByLabel('登录密码').press('Enter');
  const sheet = page.getByTestId('recovery-key-sheet');
  await expect(sheet).toContainText('张贵庄街道（120110001000）');
  await expect(sheet).toContainText('带锁的文件柜');
  const typed = (await page.getByTestId('recovery-key').innerText()).replace(/\s/g, '');
  expect(parseRecoveryKey(typed)).toHaveLength(32); // the check bytes agree
  await expect(page.getByRole('button', { name: '打印（A4）' })).toBeVisible();
  await screenshot(page, 'recovery-key-sheet-1366');
  await page.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  await expect(page.getByText('最近一次查看')).toBeVisible();
});

test('without its key file the app asks for the recovery key, refuses a wrong one and opens with the right one', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-e2e-locked-'));
  const first = createBackend({ dataDir, logError: () => undefined, sync: { autoStart: false } });
  await initializeStreet(first, ADMIN);
  const recoveryKey = formatRecoveryKey(first.store.databaseKey!);
  first.close();
  fs.rmSync(databaseKeyFile(dataDir)); // a copied folder, a lost key file
  const backend = await startBackendHost({ dataDir, sync: { autoStart: false }, logError: () => undefined });
  const host = await startWebHost({ backend, distDir: path.resolve(here, '../../dist'), port: 0 });
  try {
    await page.goto(host.url);
    await expect(page.getByText('打开加密的本机数据库')).toBeVisible();
    await expect(page.getByText('找不到它的密钥文件')).toBeVisible();
    await screenshot(page, 'unlock-database-1366');
    const field = page.getByLabel('恢复密钥');
    await field.fill(formatRecoveryKey(newDatabaseKey()));
    await field.press('Enter');
    await expect(page.getByText('该恢复密钥打不开本机数据库')).toBeVisible();
    await field.fill(recoveryKey.toLowerCase());
    await page.getByRole('button', { name: '打开数据库' }).click();
    await expect(page.getByLabel('用户名')).toBeVisible();
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码').fill(ADMIN.password);
    await page.getByLabel('密码').press('Enter');
    await expect(page.getByLabel('当前用户')).toBeVisible();
  } finally {
    await host.close();
    await backend.close();
    removeTestDir(dataDir);
    fs.rmSync(databaseKeyFile(dataDir), { force: true });
  }
});
