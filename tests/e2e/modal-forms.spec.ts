/**
 * The modal forms that save through one handler (hooks/use-form-submit.ts), as a user meets them:
 * 用户管理's 新建用户 / 编辑用户 / 重置密码, and 备份与恢复's 更改备份文件夹 and 从文件恢复. A refusal shows on the
 * field it names (and as a toast) with the modal still open and nothing written; a save toasts,
 * closes and refreshes the page behind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { INVESTIGATOR } from '../../electron/backend/testing/enrolment';
import { atShanghai, goHash, openSignedIn, setUpAssistanceStreet } from '../support/assistance-street';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { removeTestDir } from '../../electron/backend/testing/remove-dir';

/** 保存 in a modal: the success toast, and the modal closed. */
async function saveAndSee(page: Page, dialog: Locator, toast: string): Promise<void> {
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.ant-message')).toContainText(toast);
  await expect(dialog).toBeHidden();
}

test('新建用户 refused on 用户名 when taken, then created; 编辑用户 saved', async ({ page, app, clock }) => {
  atShanghai(clock, '2026-06-01T10:00:00');
  const s = await setUpAssistanceStreet(app.backend);
  await openSignedIn(page, app.url);
  await goHash(page, '#/admin/users');
  const table = page.getByTestId('user-table');
  await expect(table).toContainText(INVESTIGATOR.displayName);

  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '初始密码' });
  await dialog.getByLabel('用户名').fill(INVESTIGATOR.username);
  await dialog.getByLabel('姓名').fill('赵六');
  await dialog.getByLabel('初始密码').fill('zhao-pass-2026');
  await dialog.getByRole('button', { name: '保存' }).click();
  const taken = `用户名“${INVESTIGATOR.username}”已被使用`;
  await expect(dialog.locator('.ant-form-item-explain-error')).toHaveText(taken);
  await expect(page.locator('.ant-message')).toContainText(taken);
  await expect(dialog).toBeVisible();
  expect((await s.call<{ displayName: string }[]>('users.list', {})).map((u) => u.displayName)).not.toContain('赵六');

  await dialog.getByLabel('用户名').fill('zhao6');
  await saveAndSee(page, dialog, '已新建用户 zhao6');
  await expect(table).toContainText('赵六');

  await table.getByRole('row').filter({ hasText: 'zhao6' }).getByRole('button', { name: '编辑' }).click();
  const edit = page.getByRole('dialog').filter({ hasText: '编辑用户 zhao6' });
  await edit.getByLabel('姓名').fill('赵小六');
  await saveAndSee(page, edit, '用户信息已保存');
  await expect(table).toContainText('赵小六');
});

test('重置密码 refused on 新密码 when it is the username (the backend\'s rule), then reset with Enter', async ({ page, app, clock }) => {
  atShanghai(clock, '2026-06-01T10:00:00');
  const s = await setUpAssistanceStreet(app.backend);
  await s.call('users.create', { username: 'zhangsan2026', displayName: '张三', role: 'caseworker', password: 'first-pass-2026' });
  await openSignedIn(page, app.url);
  await goHash(page, '#/admin/users');
  const table = page.getByTestId('user-table');
  await table.getByRole('row').filter({ hasText: 'zhangsan2026' }).getByRole('button', { name: '重置密码' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '重置 张三（zhangsan2026）的密码' });
  await dialog.getByLabel('新密码').fill('zhangsan2026');
  await dialog.getByRole('button', { name: '重置密码' }).click();
  await expect(dialog.locator('.ant-form-item-explain-error')).toHaveText('密码不能与用户名相同');
  await expect(page.locator('.ant-message')).toContainText('密码不能与用户名相同');
  await expect(dialog).toBeVisible();

  await dialog.getByLabel('新密码').fill('new-pass-2026');
  await dialog.getByLabel('新密码').press('Enter');
  await expect(page.locator('.ant-message')).toContainText('已重置 张三 的密码');
  await expect(dialog).toBeHidden();
  expect(await app.backend.call('auth.login', { username: 'zhangsan2026', password: 'new-pass-2026' }, null)).toMatchObject({ ok: true });
});

test('更改备份文件夹 refused on the field when the folder is missing, then saved; 从文件恢复 refused stays open', async ({ page, app, clock }) => {
  atShanghai(clock, '2026-06-01T10:00:00');
  await setUpAssistanceStreet(app.backend);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-e2e-folder-'));
  try {
    await openSignedIn(page, app.url);
    await goHash(page, '#/admin/backup');
    const current = page.getByTestId('backup-folder');
    await expect(current).toContainText(`${app.dataDir}-backups`);

    await page.getByRole('button', { name: '更改备份文件夹' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '更改备份文件夹' });
    const missing = path.join(folder, 'no-such-folder');
    await dialog.getByLabel('文件夹（完整路径）').fill(missing);
    await dialog.getByLabel('文件夹（完整路径）').press('Enter');
    await expect(dialog.locator('.ant-form-item-explain-error')).toContainText(`备份文件夹不存在：${missing}`);
    await expect(dialog).toBeVisible();
    await expect(current).toContainText(`${app.dataDir}-backups`);

    await dialog.getByLabel('文件夹（完整路径）').fill(folder);
    await dialog.getByLabel('文件夹（完整路径）').press('Enter');
    await expect(page.locator('.ant-message')).toContainText(`备份文件夹已改为 ${folder}`);
    await expect(dialog).toBeHidden();
    await expect(current).toHaveText(folder);
    // Each opening starts from its own values: 备份到U盘 empty, 更改备份文件夹 the folder now set.
    await page.getByRole('button', { name: '备份到U盘…' }).click();
    const usb = page.getByRole('dialog').filter({ hasText: '备份到U盘或其他文件夹' });
    await expect(usb.getByLabel('文件夹（完整路径）')).toHaveValue('');
    await usb.getByLabel('文件夹（完整路径）').press('Escape');
    await expect(usb).toBeHidden();
    await page.getByRole('button', { name: '更改备份文件夹' }).click();
    await expect(dialog.getByLabel('文件夹（完整路径）')).toHaveValue(folder);
    await dialog.getByLabel('文件夹（完整路径）').press('Escape');
    await expect(dialog).toBeHidden();

    await page.getByRole('button', { name: '从文件恢复…' }).click();
    const restore = page.getByRole('dialog').filter({ hasText: '从备份文件恢复' });
    const nowhere = path.join(folder, 'nothing.sqlite');
    await restore.getByLabel('备份文件（完整路径）').fill(nowhere);
    await restore.getByRole('button', { name: '检查备份' }).click();
    await expect(page.locator('.ant-message')).toContainText(`找不到备份文件：${nowhere}`);
    await expect(restore).toBeVisible();
    await expect(page.getByRole('button', { name: '确认恢复' })).toBeHidden();
    await restore.getByLabel('备份文件（完整路径）').press('Escape');
    await expect(restore).toBeHidden();
  } finally {
    removeTestDir(folder);
  }
});

test('社区与网格: 编辑 after 新建社区 opens with the community, 添加网格 with the community it was opened for', async ({ page, app, clock }) => {
  atShanghai(clock, '2026-06-01T10:00:00');
  const s = await setUpAssistanceStreet(app.backend);
  const first = (await s.call<{ name: string }[]>('org.listCommunities', {}))[0]!.name;
  await openSignedIn(page, app.url);
  await goHash(page, '#/admin/org');
  const table = page.getByTestId('community-table');

  await page.getByRole('button', { name: '新建社区' }).click();
  const create = page.getByRole('dialog').filter({ hasText: '新建社区' });
  await create.getByLabel('社区名称').fill('新建的社区');
  await saveAndSee(page, create, '社区已保存');
  await expect(table).toContainText('新建的社区');

  await table.getByRole('button', { name: `编辑 ${first}` }).click();
  const edit = page.getByRole('dialog').filter({ hasText: `编辑社区 ${first}` });
  await expect(edit.getByLabel('社区名称')).toHaveValue(first);
  await edit.getByRole('button', { name: '取消' }).click();
  await expect(edit).toBeHidden();

  await table.getByRole('button', { name: '为 新建的社区 添加网格' }).click();
  const grid = page.getByRole('dialog').filter({ hasText: '添加网格' });
  await expect(grid.locator('.ant-select')).toContainText('新建的社区');
  await grid.getByLabel('网格名称').fill('第一网格');
  await saveAndSee(page, grid, '网格已保存');

  await table.getByRole('button', { name: `为 ${first} 添加网格` }).click();
  await expect(grid.locator('.ant-select')).toContainText(first);
  await expect(grid.getByLabel('网格名称')).toHaveValue('');
});
