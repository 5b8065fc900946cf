/**
 * The window counts days by the app's clock in Shanghai, not by the browser's clock or zone: with the
 * backend's clock at 23:30 and at 00:30 Shanghai time (UTC still on the previous day) and the browser
 * in UTC, a new policy version defaults to the Shanghai tomorrow of the app's clock.
 */
import { addDays } from '../../shared/time/calendar-days';
import { shanghaiDate } from '../../shared/time/shanghai';
import { expect, test } from './fixtures';
import { initializeStreet, signIn } from '../support/street-setup';

const ADMIN = { username: 'zgzadmin', displayName: '王建华', password: 'zgz-admin-2026' };

test.use({ timezoneId: 'UTC' });

for (const at of ['2026-12-04T23:30:00+08:00', '2026-12-05T00:30:00+08:00']) {
  test(`with the app's clock at ${at}, tomorrow is the Shanghai day after`, async ({ page, app, clock }) => {
    clock.offsetMs = Date.parse(at) - Date.now();
    const tomorrow = addDays(shanghaiDate(clock.now()), 1);
    expect(tomorrow).toBe(at.startsWith('2026-12-04') ? '2026-12-05' : '2026-12-06');
    await initializeStreet(app.backend, ADMIN);
    await signIn(page, app.url, ADMIN);
    await page.getByRole('menuitem', { name: '走访排查' }).click();
    await page.getByRole('tab', { name: '排查频次与时限' }).click();
    const cadence = page.getByTestId('policy-screening.cadence');
    await cadence.getByLabel('老年人的排查频次', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '日排查' }).first().click();
    await cadence.getByRole('button', { name: '保存为新版本' }).click();
    await expect(page.getByText(`新版本自 ${tomorrow} 起生效`)).toBeVisible();
    await page.getByRole('button', { name: '取消' }).click();
  });
}
