/**
 * The demo street in the browser: loaded on an empty install, visibly a demo in the header (its
 * own street, 张贵庄街道（演示）, under a code of no real street), and the 同步 page offers no
 * enrollment: demo data never goes to the district server (issue 13).
 */
import { expect, screenshot, test } from './fixtures';
import { signInAs } from '../support/ui';

test('a demo install says it is a demo and cannot be enrolled', async ({ page, app }) => {
  test.setTimeout(240_000);
  await page.goto(app.url);
  await expect(page.getByText('生成演示街道“张贵庄街道（演示）”')).toBeVisible();
  await page.getByRole('button', { name: '使用演示数据' }).click();
  // The demo plays its year of history as it loads (15–30 s, more on a busy machine).
  await expect(page.getByLabel('用户名')).toBeVisible({ timeout: 180_000 });
  await signInAs(page, 'demo', 'demo');

  await expect(page.getByText('张贵庄街道（演示）', { exact: true })).toBeVisible();
  await expect(page.getByText('演示数据', { exact: true })).toBeVisible();
  expect(await app.backend.call('setup.status', {}, null)).toMatchObject({ ok: true, result: { isDemo: true, street: { code: '999999001000' } } });

  await page.getByRole('menuitem', { name: '同步' }).click();
  await expect(page.getByText('演示数据不能登记到区级服务器')).toBeVisible();
  await expect(page.getByTestId('enroll-code')).toHaveCount(0);
  await screenshot(page, 'demo-sync');
});
