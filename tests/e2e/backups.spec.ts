/**
 * 系统管理 › 备份与恢复 (issue 16): the empty state, 立即备份 listed with its time, size, row counts and
 * check, a restore after the confirmation that names what will be replaced, and the page saying
 * what happened. At 1366 px wide.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { atShanghai, goHash, openSignedIn, setUpAssistanceStreet } from '../support/assistance-street';
import { expect, screenshot, test } from './fixtures';
import { removeTestDir } from '../../electron/backend/testing/remove-dir';

test('make a backup, see it listed with its check, restore it', async ({ page, app, clock }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  atShanghai(clock, '2026-06-01T10:00:00');
  const s = await setUpAssistanceStreet(app.backend);
  await s.call('org.saveCommunity', { name: '备份前社区' });

  await openSignedIn(page, app.url);
  await goHash(page, '#/admin/backup');
  await expect(page.getByTestId('backup-empty')).toBeVisible();
  await expect(page.getByTestId('backup-folder')).toContainText(`${app.dataDir}-backups`);
  await screenshot(page, 'backups-empty');

  await page.getByRole('button', { name: '立即备份' }).click();
  const list = page.getByTestId('backup-list');
  await expect(list.getByRole('row')).toHaveCount(2); // the header and one backup
  const row = list.getByRole('row').nth(1);
  await expect(row).toContainText('2026-06-01 10:00');
  await expect(row).toContainText('手动');
  await expect(row).toContainText('完好');
  await expect(row).toContainText('用户 2');
  await expect(row).toContainText(/\d+ (KB|MB)/);

  // 备份到U盘: a folder that exists, typed and sent with Enter; it is not the backup folder, so not listed
  const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-e2e-usb-'));
  try {
    await page.getByRole('button', { name: '备份到U盘…' }).click();
    await page.getByLabel('文件夹（完整路径）').fill(usb);
    await page.getByLabel('文件夹（完整路径）').press('Enter');
    await expect(page.getByText(`已备份到 ${usb}`)).toBeVisible();
    expect(fs.readdirSync(usb).filter((f) => f.endsWith('-manual.sqlite'))).toHaveLength(1);
    await expect(list.getByRole('row')).toHaveCount(2);
  } finally {
    removeTestDir(usb);
  }

  // later work, then the restore
  atShanghai(clock, '2026-06-01T11:30:00');
  await s.signInAgain();
  await s.call('org.saveCommunity', { name: '备份后社区' });
  await openSignedIn(page, app.url);
  await goHash(page, '#/admin/backup');
  await page.getByTestId('backup-list').getByRole('row').nth(1).getByRole('button', { name: '恢复' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('张贵庄街道');
  await expect(dialog).toContainText('2026-06-01 10:00');
  await expect(dialog.getByTestId('restore-after')).toContainText(/本机在备份之后有 [1-9]\d* 项操作记录/);
  await expect(dialog).toContainText('最后一次修改 2026-06-01 11:30');
  await expect(dialog).toContainText('本机未登记到区级服务器：备份之后的工作不能自动取回');
  await screenshot(page, 'backups-restore-confirm');
  await dialog.getByRole('button', { name: '确认恢复' }).click();

  await expect(page.getByTestId('restore-result')).toContainText('数据库已从备份恢复');
  await expect(page.getByTestId('restore-result')).toContainText('本机未登记到区级服务器');
  // the database as it was is kept, listed as 恢复前
  await expect(page.getByTestId('backup-list').getByRole('row')).toHaveCount(3);
  await expect(page.getByTestId('backup-list')).toContainText('恢复前');
  await screenshot(page, 'backups-restored');
  const noSideways = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  expect(noSideways).toBe(true);

  // the work after the backup is gone from this database
  const names = (await s.call<{ name: string }[]>('org.listCommunities', {})).map((c) => c.name);
  expect(names).toContain('备份前社区');
  expect(names).not.toContain('备份后社区');
});
