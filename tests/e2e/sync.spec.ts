/**
 * Sync end to end: the district server on 127.0.0.1 and two street office apps (real backends and
 * browser-mode hosts). A PC is enrolled through the UI, a change made there reaches the other PC
 * after 立即同步; a user created centrally reaches the street; a refused change is shown with its
 * reason and repaired by taking the server's value.
 */
import { test, expect } from '@playwright/test';
import * as admin from '../../server/admin/commands';
import { syncRows } from '../../server/db/schema';
import { startServer, STREET_A, STREET_B, type TestServer } from '../sync/harness';
import { screenshot } from './fixtures';
import { signInAs as signIn, syncNow } from '../support/ui';
import { startOwnApp, type OwnApp } from '../support/own-app';

type StreetApp = OwnApp;

let server: TestServer;
let a: StreetApp;
let b: StreetApp;

function streetApp(): Promise<StreetApp> {
  return startOwnApp({ tmpPrefix: 'doudi-e2e-sync-' });
}



test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  server = await startServer();
  a = await streetApp();
  b = await streetApp();
});

test.afterAll(async () => {
  await a?.close();
  await b?.close();
  await server?.close();
});

test('enroll a PC through the UI; a community created there reaches the other PC of the street', async ({ page, browser }) => {
  const { code } = await admin.issueEnrollmentCode(server.opened.db, new Date(), STREET_A);
  await page.goto(a.url);
  const card = page.getByLabel('登记到区级服务器');
  await expect(card).toBeVisible();
  await page.getByTestId('enroll-server').fill(server.url);
  await page.getByTestId('enroll-code').fill('WRONG-CODE-1');
  await page.getByTestId('enroll-submit').click();
  await expect(card.getByText(/登记码无效、已使用或已过期/).first()).toBeVisible();
  await page.getByTestId('enroll-code').fill(code);
  await screenshot(page, 'sync-enroll');
  await page.getByTestId('enroll-submit').click();
  // the street, its communities and its users arrived from the server: staff sign in
  await signIn(page, 'zgz_admin', 'secret-pass-1');
  await expect(page.getByTestId('sync-indicator')).toContainText(/在线|正在同步|待上传/);

  await page.getByRole('menuitem', { name: '系统管理' }).click();
  await page.getByRole('tab', { name: '社区与网格' }).click();
  await page.getByRole('button', { name: '新建社区' }).click();
  await page.getByLabel('社区名称').fill('同步测试社区');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByTestId('community-table').getByText('同步测试社区')).toBeVisible();
  await syncNow(page);
  await expect(page.getByTestId('sync-pending')).toHaveText('0 条');
  await expect(page.getByTestId('sync-history')).toContainText('手动（立即同步）');
  await expect(page.getByTestId('sync-indicator')).toContainText('在线');
  await screenshot(page, 'sync-page');

  // the street's change reached the district
  const atServer = await server.opened.db.select().from(syncRows);
  expect(atServer.some((r) => r.tableName === 'communities' && r.fields.name === '同步测试社区' && r.partition === STREET_A)).toBe(true);

  // the other PC of the street (enrolled the same way) sees it after 立即同步
  const other = await browser.newPage();
  const { code: code2 } = await admin.issueEnrollmentCode(server.opened.db, new Date(), STREET_A);
  await other.goto(b.url);
  await other.getByTestId('enroll-server').fill(server.url);
  await other.getByTestId('enroll-code').fill(code2);
  await other.getByTestId('enroll-submit').click();
  await signIn(other, 'zgz_admin', 'secret-pass-1');
  await syncNow(other);
  await other.getByRole('menuitem', { name: '系统管理' }).click();
  await other.getByRole('tab', { name: '社区与网格' }).click();
  await expect(other.getByTestId('community-table').getByText('同步测试社区')).toBeVisible();
  await other.close();
});

test('a user created at the district reaches the street after sync and signs in there', async ({ page }) => {
  await admin.createUser(server.opened.db, new Date(), { username: 'zgz_new', displayName: '钱四', role: 'caseworker', password: 'secret-pass-4', partition: STREET_A });
  await page.goto(b.url);
  await signIn(page, 'zgz_admin', 'secret-pass-1');
  await syncNow(page);
  await page.getByRole('button', { name: '退出登录' }).click();
  await signIn(page, 'zgz_new', 'secret-pass-4');
  await expect(page.getByLabel('当前用户')).toContainText('钱四');
});

test('a refused change is listed with its reason and what to do; taking the server’s value clears it', async ({ page }) => {
  const actor = { userId: null, username: 'test', streetCode: STREET_A };
  a.backend.store.insert('communities', { streetCode: STREET_B, name: '越界社区' }, actor, null);
  await page.goto(a.url);
  await signIn(page, 'zgz_admin', 'secret-pass-1');
  await page.getByRole('menuitem', { name: '同步' }).click();
  await page.getByTestId('sync-now').click();
  const table = page.getByTestId('sync-rejections');
  await expect(table.getByText('本设备无权修改该街道的数据')).toBeVisible();
  await expect(table.getByText(/请联系区级管理员核实设备所属街道/)).toBeVisible();
  // the record it belongs to, by table and name, not by its id
  await expect(table.getByTestId('rejected-record')).toHaveText('社区（村）：越界社区');
  await expect(page.getByTestId('sync-indicator')).toContainText('被拒 1 条');
  await screenshot(page, 'sync-rejected');
  await table.getByTestId('take-server').click();
  await page.getByRole('button', { name: '放弃并采用服务器数据' }).click();
  await expect(table.getByText('没有被拒收的修改')).toBeVisible();
  expect(a.backend.store.prepare("SELECT count(*) AS n FROM communities WHERE name = '越界社区'").get()).toEqual({ n: 0 });
});
