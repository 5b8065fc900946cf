/**
 * One error vocabulary (issue 14), as the window shows it: a refusal's own message names what is
 * wrong, the toast adds what to do (shared/errors.ts), the form field keeps the message alone.
 */
import { expect, screenshot, test } from './fixtures';
import { signInAs } from '../support/ui';

const ADMIN = { username: 'admin', displayName: '王管理', password: 'admin-pass-1' };

test('a duplicate community is refused with its message and what to do', async ({ page, app }) => {
  const r = await app.backend.call(
    'setup.initialize',
    { streetCode: '120110001000', streetName: '张贵庄街道', officeName: '张贵庄街道公共服务办公室', admin: ADMIN },
    null,
  );
  expect(r.ok).toBe(true);
  await page.goto(app.url);
  await signInAs(page, ADMIN.username, ADMIN.password);

  await page.getByRole('menuitem', { name: '系统管理' }).click();
  await page.getByRole('tab', { name: '社区与网格' }).click();
  const existing = (await page.getByTestId('community-table').locator('tbody tr[data-row-key]').first().locator('td').nth(1).textContent())!.trim();
  await page.getByRole('button', { name: '新建社区' }).click();
  await page.getByLabel('社区名称').fill(existing);
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.locator('.ant-message')).toContainText(`社区“${existing}”已存在。请查找并使用已有的记录，不要重复登记；确需更正请修改已有记录。`);
  await expect(page.locator('.ant-form-item-explain-error')).toHaveText(`社区“${existing}”已存在`);
  await screenshot(page, 'error-advice-duplicate');
});
