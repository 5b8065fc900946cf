/**
 * District and street side by side (issues 3 and 4): the district server on 127.0.0.1, a district
 * office app and a street office app (real backends, browser-mode hosts). A clue posted to the
 * server's intake and one assigned at the district app reach the street's 问题台账 after 立即同步,
 * first and marked 立即核查 with their deadlines; the street takes one up, and the district app
 * sees it after its own sync. The street never sees the other street's data.
 */
import { test, expect, type Page } from '@playwright/test';
import * as admin from '../../server/admin/commands';
import { issueIntakeKey } from '../../server/intake/keys';
import { makeIdNumber } from '../../shared/id-number';
import { DISTRICT_PARTITION } from '../../shared/sync/wire';
import { startServer, STREET_A, type TestServer } from '../sync/harness';
import { screenshot } from './fixtures';
import { backendCall as call, signInAs as signIn, syncNow } from '../support/ui';
import { startEnrolledApp, startOwnApp, type OwnApp } from '../support/own-app';
import { postClues } from '../support/intake';

let server: TestServer;
let street: OwnApp;
let district: OwnApp;

async function openLedger(page: Page) {
  await page.getByRole('menuitem', { name: '问题台账' }).click();
  await expect(page.getByTestId('ledger-table')).toBeVisible();
}

/** Types into a searchable select and takes the highlighted option with Enter. */
async function typeAndPick(page: Page, label: string, text: string, expectText: string, scope = page.locator('body')) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(text);
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active')).toContainText(expectText);
  await input.press('Enter');
  const item = scope.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });
  await expect(item.locator('.ant-select')).toContainText(expectText);
}

const rowsOf = (page: Page) => page.locator('[data-testid=ledger-table] tbody tr[data-row-key]');

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

test.beforeAll(async () => {
  server = await startServer();
  await admin.createUser(server.opened.db, new Date(), { username: 'qu_admin', displayName: '区管理', role: 'district-admin', password: 'district-pass-1', partition: DISTRICT_PARTITION });
  street = await startEnrolledApp(server, STREET_A, { tmpPrefix: 'doudi-e2e-district-' });
  const { token } = await call<{ token: string }>(street.backend, null, 'auth.login', { username: 'zgz_admin', password: 'secret-pass-1' });
  const communityId = (await call<{ id: string }[]>(street.backend, token, 'org.listCommunities', {}))[0]!.id;
  for (const [name, birth, seq, address] of [
    ['钱奶奶', '19450102', 41, '东丽区示例里8号'],
    ['孙大爷', '19400506', 42, '东丽区示例里9号'],
  ] as const) {
    await call(street.backend, token, 'registry.createHousehold', {
      household: { communityId, gridId: null, address, hukouType: 'urban', categories: ['dibao'] },
      members: [{ name, idNumber: makeIdNumber('120110', birth, seq), relation: '02', health: 'serious' }],
    });
  }
  await street.backend.sync.runNow();
  district = await startOwnApp({ tmpPrefix: 'doudi-e2e-district-' }); // enrolled in the test, through the first-start screen
});

test.afterAll(async () => {
  await street?.close();
  await district?.close();
  await server?.close();
});

test('clues from the intake and from the district reach the street as 立即核查; its handling reaches the district', async ({ page, browser }) => {
  const { key } = await issueIntakeKey(server.opened.db, '网格系统', new Date());
  const posted = await postClues(server.url, key, {
    externalId: 'SJ-2026-0042',
    streetCode: STREET_A,
    idNumber: makeIdNumber('120110', '19450102', 41),
    category: 'care',
    description: '市局反馈：独居老人近期无人照料',
    source: '市局反馈线索',
    dueAt: '2030-07-03T18:00:00+08:00',
  });
  expect(posted.status).toBe(200);

  // the district PC is enrolled through the first-start screen with a district code; a street user
  // is refused there, a district user signs in, sees the clue with its street, and assigns another
  const { code } = await admin.issueEnrollmentCode(server.opened.db, new Date(), DISTRICT_PARTITION);
  await page.goto(district.url);
  await page.getByTestId('enroll-server').fill(server.url);
  await page.getByTestId('enroll-code').fill(code);
  await page.getByTestId('enroll-submit').click();
  // the sign-in screen, once the district's data has arrived
  await expect(page.getByRole('button', { name: /^登\s*录$/ })).toBeVisible();
  await page.getByLabel('用户名').fill('zgz_admin');
  await page.getByLabel('密码').fill('secret-pass-1');
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByText('本机是区级设备，只能用区级账号登录', { exact: false }).first()).toBeVisible();
  await signIn(page, 'qu_admin', 'district-pass-1');
  await expect(page.getByText('东丽区民政局（区级）').first()).toBeVisible();
  await syncNow(page);
  await openLedger(page);
  await expect(rowsOf(page)).toHaveCount(1);
  await expect(rowsOf(page).first()).toContainText('张贵庄街道');
  await expect(rowsOf(page).first()).toContainText('立即核查');
  await page.getByTestId('ledger-create').click();
  const dialog = page.getByRole('dialog', { name: '交办线索（区级）' });
  await typeAndPick(page, '街道', '张贵庄', '张贵庄街道', dialog);
  await typeAndPick(page, '家庭', '孙大爷', '孙大爷', dialog);
  await dialog.getByLabel(/处置时限/).fill('2030-07-05 12:00');
  await dialog.locator('label.ant-radio-button-wrapper', { hasText: '医疗' }).click();
  await dialog.getByLabel('问题描述').fill('区局交办：核查住院费用负担');
  await screenshot(page, 'district-assign-clue');
  await dialog.getByRole('button', { name: /交\s*办/ }).click();
  await expect(page.getByText(/已交办：.*张贵庄街道/)).toBeVisible();
  await syncNow(page);

  // the street app: both clues first, marked 立即核查, with their deadlines
  const streetPage = await browser.newPage();
  await streetPage.goto(street.url);
  await signIn(streetPage, 'zgz_admin', 'secret-pass-1');
  await syncNow(streetPage);
  await openLedger(streetPage);
  const rows = rowsOf(streetPage);
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('立即核查');
  await expect(rows.nth(1)).toContainText('立即核查');
  await expect(streetPage.getByTestId('ledger-table')).toContainText('市局/区局反馈线索');
  await expect(streetPage.getByTestId('ledger-table')).toContainText('处置时限 2030-07-03 18:00');
  await expect(streetPage.getByTestId('ledger-table')).toContainText('处置时限 2030-07-05 12:00');
  await expect(streetPage.getByLabel('街道筛选')).toHaveCount(0);
  await screenshot(streetPage, 'street-ledger-clues');

  // the street takes up the intake clue; the district sees it after sync
  await rows.filter({ hasText: '钱奶奶' }).getByRole('link').click();
  await streetPage.getByRole('button', { name: '开始核查' }).click();
  await streetPage.getByTestId('transition-ok').click();
  await expect(streetPage.getByText('核查中').first()).toBeVisible();
  await syncNow(streetPage);
  await streetPage.close();

  await syncNow(page);
  await openLedger(page);
  await expect(rowsOf(page).filter({ hasText: '钱奶奶' })).toContainText('核查中');
  const filter = page.getByLabel('街道筛选', { exact: true });
  await filter.click();
  await filter.fill('张贵庄');
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active')).toContainText('张贵庄街道');
  await filter.press('Enter');
  await expect(page.getByTestId('street-select')).toContainText('张贵庄街道');
  await expect(rowsOf(page)).toHaveCount(2);
  await screenshot(page, 'district-ledger');

  // the registry lists every street's households at the district, with a street filter
  await page.getByRole('menuitem', { name: '户籍台账' }).click();
  const households = page.locator('[data-testid=household-table] tbody tr[data-row-key]');
  await expect(households).toHaveCount(2);
  await expect(page.getByLabel('街道筛选', { exact: true })).toBeVisible();

  // 关注台账 and 回头看 at the district: every street, with a street filter; entries are added by streets
  await openLedger(page);
  await page.getByRole('tab', { name: '关注台账' }).click();
  const watch = page.getByTestId('watch-list');
  await expect(watch.getByLabel('街道筛选', { exact: true })).toBeVisible();
  await expect(watch.getByRole('button', { name: '列入关注' })).toHaveCount(0);
  await page.getByRole('tab', { name: '回头看' }).click();
  await expect(page.getByTestId('look-back').getByLabel('街道筛选', { exact: true })).toBeVisible();
});
