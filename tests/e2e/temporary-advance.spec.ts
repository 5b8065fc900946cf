/**
 * 先行救助 end to end (browser mode): a supervisor approves and pays an urgent 临时救助 with papers owed;
 * the list shows 材料待补 with its days; after the due day the 材料逾期 filter lists it; recording the
 * papers received completes them.
 */
import { makeIdNumber } from '../../shared/id-number';
import { ADMIN, atShanghai, openSignedIn, setUpAssistanceStreet } from '../support/assistance-street';
import { signInAs } from '../support/ui';
import { expect, screenshot, test } from './fixtures';

test('先行救助: approved and paid with papers owed, overdue after the day, completed when received', async ({ page, app, clock }) => {
  test.setTimeout(150_000);
  // Monday 2026-05-11 09:00 Shanghai.
  atShanghai(clock, '2026-05-11T09:00:00');
  const { call, communityId } = await setUpAssistanceStreet(app.backend);
  const hh = await call<{ id: string }>('registry.createHousehold', {
    household: { communityId, address: '詹滨西里7号楼2门202', hukouType: 'urban', categories: [] },
    members: [{ name: '卫东', relation: '02', idNumber: makeIdNumber('120110', '19680512', 21), incomes: [] }],
  });
  await call('assistance.receiveTemporary', { householdId: hh.id, type: 'urgent', reason: '住房失火，证件损毁', amountFen: 300000 });

  await page.setViewportSize({ width: 1366, height: 900 });
  await openSignedIn(page, app.url);
  await page.getByRole('menuitem', { name: '救助政策' }).click();
  await page.getByTestId('tab-temporary').click();
  const screen = page.getByTestId('temporary');
  const row = screen.locator('tbody tr', { hasText: '卫东' });
  await row.getByTestId('temp-approve').click();
  await page.getByTestId('temp-advance').check();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('checkbox', { name: '身份证明' }).check();
  await dialog.getByRole('checkbox', { name: '其他' }).check();
  await page.getByTestId('temp-papers-other').fill('村委会证明');
  await page.getByTestId('decide-note').fill('证件损毁，先行救助');
  await dialog.screenshot({ path: 'tests/artifacts/screens/temporary-advance-dialog.png' });
  await page.getByTestId('decide-ok').click();
  await expect(row).toContainText('已审批');
  await expect(row.getByTestId('papers-status')).toContainText('材料待补：剩余 5 天');
  await expect(row.getByTestId('papers-status')).toContainText('身份证明、其他（村委会证明）；限 2026-05-16 前');
  await row.getByTestId('temp-pay').click();
  await expect(page.getByRole('dialog')).toContainText('身份证明、其他（村委会证明） 尚待补交（限 2026-05-16 前）');
  await page.getByTestId('decide-ok').click();
  await expect(row).toContainText('已发放');
  await expect(row.getByTestId('papers-status')).toContainText('材料待补');

  // Two days after the due day: 材料逾期, and the filter lists it.
  atShanghai(clock, '2026-05-18T09:00:00');
  await page.reload();
  // A week without activity ends the session: sign in again when the window asks.
  await expect(page.getByLabel('用户名').or(page.getByLabel('当前用户'))).toBeVisible();
  if (await page.getByLabel('用户名').isVisible()) await signInAs(page, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '救助政策' }).click();
  await page.getByTestId('tab-temporary').click();
  await page.getByTestId('temp-papers-overdue').check();
  await expect(row.getByTestId('papers-status')).toContainText('材料逾期 2 天');
  await screenshot(page, 'temporary-papers-overdue');

  // The papers arrive: recorded, complete, off the overdue list.
  await row.getByTestId('temp-papers-received').click();
  await page.getByRole('dialog').getByRole('checkbox', { name: '身份证明' }).check();
  await page.getByRole('dialog').getByRole('checkbox', { name: '其他（村委会证明）' }).check();
  await page.getByTestId('papers-ok').click();
  await expect(screen.getByText('没有材料逾期的先行救助')).toBeVisible();
  await page.getByTestId('temp-papers-overdue').uncheck();
  await expect(row).toContainText('材料已补齐');
});
