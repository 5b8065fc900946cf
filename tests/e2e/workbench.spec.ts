/**
 * The 工作台 (issue 15) on the demo street, the first screen after sign-in: for the caseworker and
 * the supervisor, due visits, 24-hour ledger items with a live countdown, and each line opening the
 * filtered list that shows as many rows as the line says; the household list one click away.
 */
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { backendCall, noSidewaysScroll, signInAs } from '../support/ui';
import type { Workbench } from '../../shared/home/procedures';

/** Clicks a line of the 工作台 and expects the list it opens to say it holds `n` rows. */
async function opens(page: Page, key: string, hash: RegExp, totalText: string): Promise<void> {
  await page.getByTestId(`wb-${key}`).click();
  await expect(page).toHaveURL(hash);
  await expect(page.locator('.ant-pagination-total-text')).toHaveText(totalText);
}

test('the 工作台 of a caseworker and of a supervisor on the demo street', async ({ page, app }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByRole('button', { name: '使用演示数据' }).click();
  await expect(page.getByLabel('用户名')).toBeVisible({ timeout: 200_000 });

  // The caseworker lands on the 工作台.
  await signInAs(page, 'caseworker', 'demo');
  const wb = page.getByTestId('workbench');
  await expect(wb.getByRole('heading', { name: /工作台/ })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '工作台' })).toHaveClass(/selected/);
  const { token } = await backendCall<{ token: string }>(app.backend, null, 'auth.login', { username: 'caseworker', password: 'demo' });
  const figures = (await backendCall<Workbench>(app.backend, token, 'home.workbench', {})).sections.flatMap((s) => s.figures);
  const figure = (key: string) => figures.find((f) => f.key === key)!.count;

  // Due visits: today (overdue included), this week, overdue; no 发放批次 or 应补尽补 for a caseworker.
  await expect(page.getByTestId('wb-visits-today-count')).toHaveText(String(figure('visits-today')));
  expect(figure('visits-today')).toBeGreaterThan(0);
  expect(figure('visits-overdue')).toBeGreaterThan(0);
  await expect(page.getByTestId('wb-section-batches')).toHaveCount(0);
  await expect(page.getByTestId('wb-section-gaps')).toHaveCount(0);

  // A 24-hour item with its live countdown.
  const deadlines = page.getByTestId('wb-ledger-deadlines');
  const clock = deadlines.getByTestId('countdown').first();
  await expect(clock).toHaveText(/(剩余|已超时) \d+小时\d{2}分\d{2}秒/);
  const before = await clock.textContent();
  await expect(clock).not.toHaveText(before!, { timeout: 5_000 });
  await noSidewaysScroll(page);
  await screenshot(page, 'workbench-caseworker');

  // Each line opens its list, filtered, with as many rows as it says.
  await opens(page, 'visits-today', /#\/screening\?list=today$/, `共 ${figure('visits-today')} 户`);
  await page.goBack();
  await opens(page, 'visits-overdue', /#\/screening\?list=overdue$/, `共 ${figure('visits-overdue')} 户`);
  await page.goBack();
  await opens(page, 'ledger-urgent', /#\/ledger\?status=open&urgency=1$/, `共 ${figure('ledger-urgent')} 项`);
  await expect(page.getByLabel('紧急程度')).toBeVisible();
  await page.goBack();
  await opens(page, 'mine-verify', /#\/ledger\?status=pending$/, `共 ${figure('mine-verify')} 项`);
  await page.goBack();
  // A deadline line opens its item.
  await deadlines.getByTestId('wb-deadline').first().click();
  await expect(page).toHaveURL(/#\/ledger\/[0-9a-f-]{36}$/);
  await page.goBack();

  // The household list is one click away.
  await page.getByTestId('wb-households').click();
  await expect(page).toHaveURL(/#\/households$/);
  await expect(page.getByTestId('household-total')).toBeVisible();

  // The supervisor: the same street, with 待审核 / 回头看 / 发放批次 / 应补尽补 too.
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.goto(app.url);
  await signInAs(page, 'supervisor', 'demo');
  await expect(wb).toBeVisible();
  const sv = await backendCall<{ token: string }>(app.backend, null, 'auth.login', { username: 'supervisor', password: 'demo' });
  const svFigures = (await backendCall<Workbench>(app.backend, sv.token, 'home.workbench', {})).sections.flatMap((s) => s.figures);
  const svFigure = (key: string) => svFigures.find((f) => f.key === key)!.count;
  await expect(page.getByTestId('wb-section-batches')).toBeVisible();
  await expect(page.getByTestId('wb-section-gaps')).toBeVisible();
  await expect(page.getByTestId('wb-mine-lookback-count')).toHaveText(String(svFigure('mine-lookback')));
  await expect(deadlines.getByTestId('countdown').first()).toBeVisible();
  await screenshot(page, 'workbench-supervisor');
  await opens(page, 'mine-lookback', /#\/ledger\?status=closed$/, `共 ${svFigure('mine-lookback')} 项`);
  await page.goBack();
  await opens(page, 'ledger-overdue', /#\/ledger\?overdueOnly=1$/, `共 ${svFigure('ledger-overdue')} 项`);
  await page.goBack();
  await page.getByTestId('wb-mine-review').click();
  await expect(page).toHaveURL(/#\/assistance\/enrolments\?status=investigated$/);
  await expect(page.getByTestId('enrolments').locator('tbody tr[data-row-key]')).toHaveCount(svFigure('mine-review'));
});
