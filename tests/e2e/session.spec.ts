/**
 * Sessions in the window (issue 13, item 10): an idle session ends although the window keeps its
 * event stream open (the header's sync state), and a token the backend never issued is told apart from a timed-out one; both return
 * to the sign-in screen with the backend's words.
 */
import { test, expect } from './fixtures';
import { initializeStreet, signIn } from '../support/street-setup';

const ADMIN = { username: 'zgzadmin', displayName: '王管理', password: 'admin-pass-1' };

test('an idle session ends after 30 minutes although the window listens to the backend; the user signs in again', async ({ page, app, clock }) => {
  await initializeStreet(app.backend, ADMIN);
  const listening = page.waitForRequest((r) => r.url().endsWith('/api/events'));
  await signIn(page, app.url, ADMIN);
  await listening; // the header's sync state comes over the open event stream, not by polling
  clock.offsetMs += 31 * 60_000;
  await page.getByRole('menuitem', { name: '问题台账' }).click();
  await expect(page.getByText('登录已超时，请重新登录')).toBeVisible();
  await expect(page.getByLabel('用户名')).toBeVisible();
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('密码').fill(ADMIN.password);
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByLabel('当前用户')).toBeVisible();
});

test('a forged token returns to sign-in as an invalid sign-in, not a timeout', async ({ page, app }) => {
  await initializeStreet(app.backend, ADMIN);
  await signIn(page, app.url, ADMIN);
  await page.evaluate(() => sessionStorage.setItem('doudi.token', 'forged-token'));
  await page.getByRole('menuitem', { name: '问题台账' }).click();
  await expect(page.getByText('登录状态无效，请重新登录')).toBeVisible();
  await expect(page.getByText('登录已超时')).toHaveCount(0);
  await expect(page.getByLabel('用户名')).toBeVisible();
});
