/**
 * 走访排查 › 排查频次与时限: a street admin tightens a group's cadence and adds a year's holidays,
 * each as a new version from a chosen date, with the field named when a date is wrong and a
 * confirmation before saving; a caseworker sees the versions read-only.
 */
import type { Page } from '@playwright/test';
import { addDays } from '../../shared/time/calendar-days';
import { shanghaiDate } from '../../shared/time/shanghai';
import { expect, screenshot, test } from './fixtures';
import { backendCall as call, signInAs as signIn } from '../support/ui';

const ADMIN = { username: 'zgzadmin', displayName: '王建华', password: 'zgz-admin-2026' };



async function typeDate(page: Page, label: string, date: string, scope = page.locator('body')) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

test('a street admin saves new dated versions of the cadence and the holiday calendar; a caseworker only reads', async ({ page, app, clock }) => {
  test.setTimeout(120_000);
  await call(app.backend, null, 'setup.initialize', { streetCode: '120110001000', streetName: '张贵庄街道', officeName: '张贵庄街道公共服务办公室', admin: ADMIN });
  const { token } = await call<{ token: string }>(app.backend, null, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await call(app.backend, token, 'users.create', { username: 'jingban', displayName: '赵经办', role: 'caseworker', password: 'case-pass-1' });
  await page.goto(app.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '走访排查' }).click();
  await page.getByRole('tab', { name: '排查频次与时限' }).click();
  // Tomorrow as the app counts it: the app's clock, in Shanghai (CI runs in UTC at any hour).
  const tomorrow = addDays(shanghaiDate(clock.now()), 1);

  // Cadence: 老年人 from weekly to daily, from tomorrow.
  const cadence = page.getByTestId('policy-screening.cadence');
  await expect(cadence.getByText('现行版本自 2020-06-12 起')).toBeVisible();
  await cadence.getByLabel('老年人的排查频次', { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '日排查' }).first().click();
  await cadence.getByLabel('依据/备注').fill('冬季加密排查');
  await cadence.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByText(`新版本自 ${tomorrow} 起生效`)).toBeVisible();
  await page.getByRole('button', { name: '确认保存' }).click();
  const cadenceHistory = page.getByTestId('history-screening.cadence');
  await expect(cadenceHistory.locator('tbody tr')).toHaveCount(2);
  await expect(cadenceHistory.locator('tbody tr').first()).toContainText(tomorrow);
  await expect(cadenceHistory.locator('tbody tr').first()).toContainText('待生效');
  await expect(cadenceHistory.locator('tbody tr').first()).toContainText('冬季加密排查');

  // Holiday calendar, 2027: a weekday entered as 调休上班 is refused naming the date; then fixed.
  const holidays = page.getByTestId('policy-calendar.holidays');
  await typeDate(page, '添加调休上班日', '2027-10-13', holidays);
  await holidays.getByRole('button', { name: '保存为新版本' }).click();
  await expect(holidays.getByTestId('policy-error')).toContainText('调休上班日 2027-10-13 不是周末');
  await holidays.getByLabel('删除2027-10-13').click();
  await typeDate(page, '添加调休上班日', '2027-10-09', holidays);
  await typeDate(page, '添加法定节假日', '2027-10-01', holidays);
  await expect(holidays.getByTestId('dates-法定节假日')).toContainText('10-01（周五）');
  await expect(holidays.getByTestId('dates-调休上班日')).toContainText('10-09（周六）');
  await holidays.getByRole('button', { name: '保存为新版本' }).click();
  await page.getByRole('button', { name: '确认保存' }).click();
  await expect(page.getByTestId('history-calendar.holidays').locator('tbody tr')).toHaveCount(2);
  await screenshot(page, 'screening-policy');

  // A caseworker: read-only, no save.
  await page.getByRole('button', { name: '退出登录' }).click();
  await signIn(page, 'jingban', 'case-pass-1');
  await page.getByRole('menuitem', { name: '走访排查' }).click();
  await page.getByRole('tab', { name: '排查频次与时限' }).click();
  await expect(page.getByText('仅街道管理员可以修改')).toBeVisible();
  await expect(page.getByRole('button', { name: '保存为新版本' })).toHaveCount(0);
  await expect(page.getByTestId('policy-screening.cadence').getByLabel('老年人的排查频次', { exact: true })).toBeDisabled();
  await expect(page.getByTestId('history-screening.cadence').locator('tbody tr')).toHaveCount(2);
});
