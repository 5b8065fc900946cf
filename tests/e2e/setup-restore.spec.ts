/**
 * 从备份恢复 on the first-start screen (issue 16): the office PC's disk died; on a fresh install (no
 * database, no users) the old PC's backup is restored with its paper recovery key, after a
 * confirmation, and the backup's administrator signs in to the street as it was. At 1366 px wide.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../../electron/backend/app';
import { formatRecoveryKey } from '../../electron/backend/db/recovery-key';
import { databaseKeyFile } from '../../electron/backend/db/database-key';
import { ADMIN, setUpAssistanceStreet } from '../support/assistance-street';
import { signInAs } from '../support/ui';
import { expect, screenshot, test } from './fixtures';
import { removeTestDir } from '../../electron/backend/testing/remove-dir';

test('a fresh install restores the old PC’s backup with its recovery key, then its administrator signs in', async ({ page, app, clock }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  // the old PC, before its disk died: a street, a backup, the key on paper
  const oldDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-e2e-old-pc-'));
  const oldPc = createBackend({ dataDir: oldDir, now: () => clock.now(), logError: () => undefined, sync: { autoStart: false } });
  let backupPath: string;
  let recoveryKey: string;
  try {
    const s = await setUpAssistanceStreet(oldPc);
    await s.call('org.saveCommunity', { name: '旧电脑的社区' });
    backupPath = (await s.call<{ path: string }>('backup.create', {})).path;
    recoveryKey = formatRecoveryKey(oldPc.store.databaseKey!);
  } finally {
    oldPc.close();
  }
  try {
    await page.goto(app.url);
    const card = page.getByLabel('从备份恢复', { exact: true });
    await expect(card).toBeVisible();
    // a wrong key: refused, named on its field, nothing restored
    await card.getByLabel('备份文件（完整路径）').fill(backupPath);
    await card.getByLabel('恢复密钥').fill('ABCD-EFGH');
    await card.getByRole('button', { name: '从备份恢复' }).click();
    await page.getByRole('button', { name: '确认恢复' }).click();
    await expect(card).toContainText('恢复密钥不正确：请核对后重新输入');
    await expect(page.getByText('首次使用设置')).toBeVisible();

    await card.getByLabel('恢复密钥').fill(recoveryKey);
    await screenshot(page, 'setup-restore-1366');
    await card.getByLabel('恢复密钥').press('Enter');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('本机尚无任何数据');
    await dialog.getByRole('button', { name: '确认恢复' }).click();

    // the sign-in screen: the backup's administrator signs in to the street as it was
    await expect(page.getByText('首次使用设置')).toHaveCount(0);
    await signInAs(page, ADMIN.username, ADMIN.password);
    await expect(page.getByText('张贵庄街道').first()).toBeVisible();
  } finally {
    removeTestDir(oldDir);
    removeTestDir(`${oldDir}-backups`);
    fs.rmSync(databaseKeyFile(oldDir), { force: true });
  }
});
