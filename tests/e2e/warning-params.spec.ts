/** 救助政策 › 政策参数: a 预警 rule's dated value reads as its figures and is set figure by figure (issue 17). */
import { expect, screenshot, test } from './fixtures';

test('政策参数: the 当月医疗自付 rule shows its amount and time limit; a future value is set in 元', async ({ page, app, clock }) => {
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
  await expect(screen.getByText('预警：当月医疗自付费用（金额线、处置时限）')).toBeVisible();
  await expect(screen.getByText('金额线（达到即预警） 5,000.00 元；处置时限 10 个工作日').first()).toBeVisible();
  await page.getByTestId('set-warnings.medical-month').click();
  const amount = page.getByRole('spinbutton', { name: '金额线（达到即预警）' });
  await amount.fill('3000');
  await page.getByTestId('param-date').click();
  await page.getByTestId('param-date').fill('2099-07-01');
  await page.keyboard.press('Enter');
  await screenshot(page, 'warning-param-set');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(screen.getByText('2099-07-01 起 金额线（达到即预警） 3,000.00 元；处置时限 10 个工作日')).toBeVisible();
  await screenshot(page, 'warning-params');
});
