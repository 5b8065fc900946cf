/** 救助政策 › 政策参数: the list with history, and adding a future-dated 低保 standard. */
import { expect, screenshot, test } from './fixtures';

test('政策参数: lists seeded parameters and records a future-dated standard without changing today’s value', async ({ page, app, clock }) => {
  // The app on 2026-12-04: the seeded holiday calendar ends with 2026, less than 90 days ahead.
  clock.offsetMs = Date.parse('2026-12-04T10:00:00+08:00') - Date.now();
  const r = await app.backend.call(
    'setup.initialize',
    { streetCode: '120110001000', streetName: '张贵庄街道', officeName: '张贵庄街道公共服务办公室', admin: { username: 'admin', displayName: '王管理', password: 'admin-pass-1' } },
    null,
  );
  expect(r.ok).toBe(true);
  await page.goto(app.url);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('admin-pass-1');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('menuitem', { name: '救助政策' }).click();
  await page.getByTestId('tab-policy-params').click();
  const screen = page.getByTestId('policy-params');
  await expect(screen.getByText('城乡低保标准（每人每月）')).toBeVisible();
  await expect(screen.getByTestId('calendar-gap')).toContainText('节假日安排未录入2027年');
  await expect(screen.getByText('1,045.00 元')).toBeVisible();
  await page.getByTestId('set-dibao.standard').click();
  await page.getByTestId('param-value').fill('1100');
  await page.getByTestId('param-date').click();
  await page.getByTestId('param-date').fill('2099-07-01');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(screen.getByText('2099-07-01 起 1,100.00 元')).toBeVisible();
  await expect(screen.getByText('1,045.00 元', { exact: true })).toBeVisible();
  await screenshot(page, 'policy-params');
});
