/**
 * 待登记线索 end to end: the district server on 127.0.0.1, a street office app and a district office
 * app (real backends, browser-mode hosts). A clue about someone not in the street's registry is
 * posted to the intake; the district app lists it under its street (read only); the street app gets
 * it after 立即同步, registers the person from the prefilled registration and converts it; the
 * resulting ledger item is seen at the street and, after its sync, at the district.
 */
import { test, expect, type Page } from '@playwright/test';
import * as admin from '../../server/admin/commands';
import { issueIntakeKey } from '../../server/intake/keys';
import { makeIdNumber, maskIdNumber } from '../../shared/id-number';
import { DISTRICT_PARTITION } from '../../shared/sync/wire';
import { startServer, STREET_A, type TestServer } from '../sync/harness';
import { screenshot } from './fixtures';
import { backendCall as call, signInAs as signIn, syncNow } from '../support/ui';
import { startEnrolledApp, type OwnApp } from '../support/own-app';
import { postClues } from '../support/intake';

let server: TestServer;
let street: OwnApp;
let district: OwnApp;
let communityName: string;
const ID_ZHOU = makeIdNumber('120110', '19440812', 61);

async function openClues(page: Page) {
  await page.getByRole('menuitem', { name: '问题台账' }).click();
  await page.getByRole('tab', { name: /待登记线索/ }).click();
  await expect(page.getByTestId('clue-list')).toBeVisible();
}

const clueRows = (page: Page) => page.locator('[data-testid=clue-list] tbody tr[data-row-key]');

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

test.beforeAll(async () => {
  server = await startServer();
  await admin.createUser(server.opened.db, new Date(), { username: 'qu_admin', displayName: '区管理', role: 'district-admin', password: 'district-pass-1', partition: DISTRICT_PARTITION });
  street = await startEnrolledApp(server, STREET_A, { tmpPrefix: 'doudi-e2e-clues-' });
  district = await startEnrolledApp(server, DISTRICT_PARTITION, { tmpPrefix: 'doudi-e2e-clues-' });
  const { token } = await call<{ token: string }>(street.backend, null, 'auth.login', { username: 'zgz_admin', password: 'secret-pass-1' });
  communityName = (await call<{ name: string }[]>(street.backend, token, 'org.listCommunities', {}))[0]!.name;
});

test.afterAll(async () => {
  await street?.close();
  await district?.close();
  await server?.close();
});

test('a clue about an unregistered person reaches the street, is registered and converted, and its item is seen', async ({ page, browser }) => {
  const { key } = await issueIntakeKey(server.opened.db, '网格系统', new Date());
  const posted = await postClues(server.url, key, {
    externalId: 'WG-2026-0815',
    streetCode: STREET_A,
    idNumber: ID_ZHOU,
    name: '周奶奶',
    phone: '13900001234',
    address: '东丽区幸福里3号楼2门101',
    community: communityName,
    category: 'living',
    urgency: '1',
    description: '网格员走访发现：独居老人，家中断粮，无人照料',
    source: '网格上报',
  });
  expect(posted.status).toBe(200);
  const result = posted.body.results[0]!;
  expect(result.pendingRegistration).toBe(true);
  const second = await postClues(server.url, key, {
    externalId: 'WG-2026-0816', streetCode: STREET_A, name: '冯大爷', address: '东丽区幸福里9号', category: 'housing',
    description: '网格员反映：房屋漏雨', source: '网格上报',
  });
  expect(second.status).toBe(200);

  // the district app lists it under its street, read only
  await page.goto(district.url);
  await signIn(page, 'qu_admin', 'district-pass-1');
  await syncNow(page);
  await openClues(page);
  await expect(clueRows(page)).toHaveCount(2);
  await expect(clueRows(page).first()).toContainText('张贵庄街道');
  await expect(clueRows(page).first()).toContainText('周奶奶');
  await expect(page.getByTestId('clue-list').getByRole('button', { name: '登记并立项' })).toHaveCount(0);
  await screenshot(page, 'district-clue-inbox');

  // the street app: the clue after 立即同步, with the count and what the clue gave
  const streetPage = await browser.newPage();
  await streetPage.goto(street.url);
  await signIn(streetPage, 'zgz_admin', 'secret-pass-1');
  await syncNow(streetPage);
  await openClues(streetPage);
  await expect(streetPage.getByTestId('clues-tab')).toContainText('2');

  // 不予立项: the reason is required, then the clue leaves the pending list
  await clueRows(streetPage).filter({ hasText: '冯大爷' }).getByRole('button', { name: '不予立项' }).click();
  const dismiss = streetPage.getByRole('dialog', { name: /不予立项：冯大爷/ });
  await dismiss.getByRole('button', { name: '不予立项' }).click();
  await expect(dismiss.getByText('请填写原因')).toBeVisible();
  await dismiss.getByLabel('原因').fill('经核实已由所在单位安排维修，不属兜底保障范围');
  await dismiss.getByRole('button', { name: '不予立项' }).click();
  await expect(streetPage.getByText('已标记为不予立项')).toBeVisible();
  await expect(clueRows(streetPage)).toHaveCount(1);
  await expect(streetPage.getByTestId('clues-tab')).toContainText('1');

  const row = clueRows(streetPage).first();
  await expect(row).toContainText('周奶奶');
  await expect(row).toContainText(maskIdNumber(ID_ZHOU));
  await expect(row).toContainText('13900001234');
  await expect(row).toContainText('东丽区幸福里3号楼2门101');
  await expect(row).toContainText('网格上报');
  await expect(row).toContainText(/剩余 \d+小时/);
  await screenshot(streetPage, 'street-clue-inbox');

  // 登记并立项: the registration prefilled with the clue
  await row.getByRole('button', { name: '登记并立项' }).click();
  await expect(streetPage.getByRole('heading', { name: '登记并立项：周奶奶' })).toBeVisible();
  await expect(streetPage.getByTestId('clue-summary')).toContainText('网格员走访发现');
  await expect(streetPage.getByTestId('household-fields').getByLabel('家庭住址')).toHaveValue('东丽区幸福里3号楼2门101');
  await expect(streetPage.getByLabel('身份证号码').first()).toHaveValue(ID_ZHOU);
  await screenshot(streetPage, 'street-clue-register');
  await streetPage.getByRole('button', { name: /登记并立项（Ctrl\+S）/ }).click();

  // the resulting ledger item
  await expect(streetPage.getByText(/已登记家庭并立项：XS-/)).toBeVisible();
  await expect(streetPage.getByText(result.itemNo).first()).toBeVisible();
  await expect(streetPage.getByText('周奶奶').first()).toBeVisible();
  await screenshot(streetPage, 'street-clue-item');
  await streetPage.getByRole('menuitem', { name: '问题台账' }).click();
  const items = streetPage.locator('[data-testid=ledger-table] tbody tr[data-row-key]');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(result.itemNo);
  await expect(items.first()).toContainText('周奶奶');
  await streetPage.getByRole('tab', { name: /待登记线索/ }).click();
  await expect(clueRows(streetPage)).toHaveCount(0);
  await expect(streetPage.getByTestId('clue-list')).toContainText('没有待登记的线索');
  await streetPage.getByTestId('clue-list').getByText('全部', { exact: true }).click();
  await expect(clueRows(streetPage)).toHaveCount(2);
  await expect(clueRows(streetPage).filter({ hasText: '周奶奶' })).toContainText('已立项');
  await expect(clueRows(streetPage).filter({ hasText: '冯大爷' })).toContainText('经核实已由所在单位安排维修');
  await screenshot(streetPage, 'street-clue-handled');
  await syncNow(streetPage);
  await streetPage.close();

  // the district sees the item in the street's ledger
  await syncNow(page);
  await page.getByRole('menuitem', { name: '问题台账' }).click();
  await expect(page.locator('[data-testid=ledger-table] tbody tr[data-row-key]').filter({ hasText: result.itemNo })).toContainText('周奶奶');
});
