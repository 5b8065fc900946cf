/**
 * The district view of the monthly reports (issue 15), with the district server on 127.0.0.1, three
 * street office apps and a district office app (real backends, browser-mode hosts). The streets
 * submit last month's report (one of them a corrected second version); the district app compares
 * their submitted versions, ranks them, drafts a 通报 from the ranking, names a street, numbers,
 * publishes and prints it; the named street sees it after its own sync. (Independent of the report's
 * tables: the figures are the ones the builders give.)
 */
import { test, expect } from '@playwright/test';
import * as admin from '../../server/admin/commands';
import { DISTRICT_PARTITION } from '../../shared/sync/wire';
import { shanghaiDate } from '../../shared/time/shanghai';
import { addDays } from '../../shared/time/calendar-days';
import { startServer, STREET_A, STREET_B, type TestServer } from '../sync/harness';
import { screenshot } from './fixtures';
import { backendCall as call, signInAs as signIn } from '../support/ui';
import { startEnrolledApp, type OwnApp } from '../support/own-app';

const STREET_C = '120110003000';
let server: TestServer;
let streets: OwnApp[] = [];
let district: OwnApp;
let month: string;

test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

test.beforeAll(async () => {
  test.setTimeout(300_000); // four enrolled apps and their first syncs
  server = await startServer();
  await admin.createStreets(server.opened.db, new Date(), [STREET_C]);
  await admin.createUser(server.opened.db, new Date(), { username: 'wx_admin', displayName: '万三', role: 'street-admin', password: 'secret-pass-3', partition: STREET_C });
  await admin.createUser(server.opened.db, new Date(), { username: 'qu_admin', displayName: '区管理', role: 'district-admin', password: 'district-pass-1', partition: DISTRICT_PARTITION });
  const logins: [string, string, string][] = [
    [STREET_A, 'zgz_admin', 'secret-pass-1'],
    [STREET_B, 'fnc_admin', 'secret-pass-2'],
    [STREET_C, 'wx_admin', 'secret-pass-3'],
  ];
  for (const [code, username, password] of logins) {
    const app = await startEnrolledApp(server, code, { tmpPrefix: 'doudi-e2e-reports-' });
    streets.push(app);
    month ??= addDays(`${shanghaiDate(app.backend.store.nowDate()).slice(0, 7)}-01`, -1).slice(0, 7);
    const { token } = await call<{ token: string }>(app.backend, null, 'auth.login', { username, password });
    await call(app.backend, token, 'reports.submit', { month });
    if (code === STREET_B) await call(app.backend, token, 'reports.submit', { month, reason: '补录月底漏登的走访记录' });
    await app.backend.sync.runNow();
  }
  district = await startEnrolledApp(server, DISTRICT_PARTITION, { tmpPrefix: 'doudi-e2e-reports-' });
});

test.afterAll(async () => {
  for (const s of streets) await s.close();
  await district?.close();
  await server?.close();
});

test('the district compares three streets, ranks them, and publishes a 通报 the named street sees', async ({ page, browser }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(district.url);
  await signIn(page, 'qu_admin', 'district-pass-1');
  await page.goto(`${district.url}/#/reports/district?month=${month}`);

  // 各街道对比: the three submitted versions, the corrected one with its reason; the others 未报送
  const subs = page.getByTestId('compare-submissions');
  await expect(subs.locator('tbody tr')).toHaveCount(11);
  await expect(subs.locator('tbody tr', { hasText: '张贵庄街道' })).toContainText('第1版');
  await expect(subs.locator('tbody tr', { hasText: '丰年村街道' })).toContainText('第2版');
  await expect(subs.locator('tbody tr', { hasText: '丰年村街道' })).toContainText('补录月底漏登的走访记录');
  await expect(subs.locator('tbody tr', { hasText: '万新街道' })).toContainText('第1版');
  await expect(subs.locator('tbody tr', { hasText: '无瑕街道' })).toContainText('未报送');
  await expect(page.getByText('已报送 3 个街道，未报送 8 个')).toBeVisible();
  await screenshot(page, 'district-reports-compare');

  // 排名: the three ranked, the others 未报送 and marked lagging; the lines and their source shown
  await page.getByRole('tab', { name: '排名' }).click();
  const ranking = page.getByTestId('ranking-table');
  await expect(ranking.locator('tbody tr')).toHaveCount(11);
  await expect(ranking.locator('tbody tr', { hasText: '无瑕街道' })).toContainText('未报送本月调度报表');
  await expect(page.getByTestId('ranking-lines')).toContainText('津丽民发〔2020〕13号');
  await screenshot(page, 'district-reports-ranking');
  // the lines are a dated parameter on 政策参数, read as a sentence and edited as figures
  await page.goto(`${district.url}/#/policy/params`);
  const linesRow = page.getByTestId('policy-params').locator('tr', { hasText: '街道排名的落后线' });
  await expect(linesRow).toContainText('排查覆盖率低于100%、超期问题多于0件');
  await linesRow.getByTestId('set-reports.laggingLines').click();
  const paramDialog = page.getByRole('dialog', { name: /新增取值/ });
  await expect(paramDialog.getByLabel('排查覆盖率不低于')).toHaveValue('100.00');
  await screenshot(page, 'district-lagging-lines-param');
  await paramDialog.getByRole('button', { name: /取\s*消/ }).click();
  await page.goto(`${district.url}/#/reports/district/ranking?month=${month}`);
  await expect(page.getByTestId('ranking-table')).toBeVisible();

  // 通报: a draft from the ranking, 张贵庄街道 named too, numbered, saved, published after a confirmation
  await page.getByRole('tab', { name: '通报' }).click();
  await expect(page.getByTestId('circulars-table')).toContainText('本月还没有通报');
  await page.getByTestId('circular-draft').click();
  const dialog = page.getByRole('dialog', { name: '拟定通报' });
  await expect(dialog.getByLabel('正文')).toHaveValue(/无瑕街道：未报送\d{4}年\d{1,2}月调度报表。整改要求：立即报送。/);
  await dialog.getByLabel('文号').fill('东丽民通〔2026〕7号');
  const streetsField = dialog.getByLabel(/点名的街道/);
  await streetsField.click();
  await streetsField.fill('张贵庄');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await screenshot(page, 'district-circular-draft');
  await dialog.getByRole('button', { name: /保存草稿/ }).click();
  const row = page.getByTestId('circulars-table').locator('tbody tr').first();
  await expect(row).toContainText('草稿');
  await expect(row).toContainText('张贵庄街道');
  await row.getByRole('button', { name: /发\s*布/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: /发\s*布/ }).click();
  await expect(row).toContainText('已发布');
  await row.getByRole('button', { name: /打\s*印/ }).click();
  await expect(page.getByTestId('circular-print')).toContainText('东丽民通〔2026〕7号');
  await expect(page.getByTestId('circular-print')).toContainText('社会救助兜底保障工作调度情况的通报');
  await screenshot(page, 'district-circular-print');
  await district.backend.sync.runNow();

  // the named street sees it on its page after its sync; its own submission is listed there too
  const streetA = streets[0]!;
  await streetA.backend.sync.runNow();
  const sp = await browser.newPage();
  await sp.setViewportSize({ width: 1366, height: 900 });
  await sp.goto(streetA.url);
  await signIn(sp, 'zgz_admin', 'secret-pass-1');
  await sp.goto(`${streetA.url}/#/reports/submit?month=${month}`);
  await expect(sp.getByTestId('submission-versions')).toContainText('第1版');
  await expect(sp.getByTestId('circulars-card')).toContainText('社会救助兜底保障工作调度情况的通报');
  await expect(sp.getByTestId('circulars-card')).toContainText('东丽民通〔2026〕7号');
  await screenshot(sp, 'street-circulars');
  // a street not named does not see it
  const streetC = streets[2]!;
  await streetC.backend.sync.runNow();
  const seen = await call<unknown[]>(streetC.backend, (await call<{ token: string }>(streetC.backend, null, 'auth.login', { username: 'wx_admin', password: 'secret-pass-3' })).token, 'reports.circulars', {});
  expect(seen).toEqual([]);
});
