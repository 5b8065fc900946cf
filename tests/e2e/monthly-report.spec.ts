/**
 * 统计报表 (issue 15): on the demo street, the side navigation opens the monthly 调度 report of this
 * month so far, every table with its Chinese headers and its 口径; choosing last month shows it as
 * a finished month; money reads in 元 and shares in %.
 */
import { expect, screenshot, test } from './fixtures';
import { signInAs } from '../support/ui';

test('the monthly report: this month so far by default, each table with its 口径, last month on request', async ({ page, app }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(app.url);
  await page.getByRole('button', { name: '使用演示数据' }).click();
  await expect(page.getByLabel('用户名')).toBeVisible({ timeout: 200_000 });
  await signInAs(page, 'demo', 'demo');

  await page.getByRole('menuitem', { name: '统计报表' }).click();
  await expect(page).toHaveURL(/#\/reports/);
  await expect(page.getByText('本月截至今日，数字仍会变化')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('report-toolbar')).toBeVisible();
  await expect(page.getByTestId('report-charts')).toBeAttached();
  for (const key of ['screening', 'problems', 'ledger', 'temporary', 'programmes', 'entitlements', 'care', 'left-behind']) {
    await expect(page.getByTestId(`report-table-${key}`)).toBeVisible();
    await expect(page.getByTestId(`report-definition-${key}`)).toContainText('口径：');
  }
  const screening = page.getByTestId('report-table-screening');
  await expect(screening.getByRole('columnheader', { name: '应排查户数' })).toBeVisible();
  await expect(screening.getByRole('row').filter({ hasText: '合计' })).toContainText('%');
  await screenshot(page, 'monthly-report-current');

  // Last month, by the month picker: a finished month, its payments in 元.
  const clock = (await app.backend.call('app.clock', {}, null)) as { ok: true; result: { today: string } };
  const thisMonth = Number(clock.result.today.slice(5, 7));
  await page.getByLabel('统计月份').click();
  if (thisMonth === 1) await page.locator('.ant-picker-header-super-prev-btn').click();
  await page.locator('.ant-picker-month-panel .ant-picker-cell-in-view').nth((thisMonth + 10) % 12).click();
  await expect(page.getByText('本月截至今日，数字仍会变化')).toHaveCount(0);
  await expect(page).toHaveURL(/month=\d{4}-\d{2}/);
  await expect(page.getByTestId('report-table-programmes').getByRole('row').filter({ hasText: '合计' })).toContainText('元');
  await screenshot(page, 'monthly-report-previous');
});
