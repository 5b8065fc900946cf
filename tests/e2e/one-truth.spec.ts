/**
 * One truth per household (issue 18): a household approved through 纳入救助 shows 救助类别 低保 on its
 * row of the household list and on its page, read from the enrolment (no tag was ever ticked).
 */
import { makeIdNumber } from '../../shared/id-number';
import { DISTRICT_APPROVAL, PAST_PUBLICATION } from '../../electron/backend/testing/enrolment';
import { atShanghai, goHash, openSignedIn, setUpAssistanceStreet } from '../support/assistance-street';
import { expect, screenshot, test } from './fixtures';

test('approved through 纳入救助, the household shows 救助类别 低保 on its list row and page', async ({ page, app, clock }) => {
  test.setTimeout(120_000);
  atShanghai(clock, '2026-03-16T10:00:00');
  const s = await setUpAssistanceStreet(app.backend);
  const hh = await s.call<{ id: string }>('registry.createHousehold', {
    household: { communityId: s.communityId, address: '詹滨西里21号楼3门402', hukouType: 'urban' },
    members: [{ name: '耿淑兰', relation: '02', idNumber: makeIdNumber('120110', '19580312', 131), incomes: [] }],
  });

  await openSignedIn(page, app.url);
  await goHash(page, `#/households/${hh.id}`);
  await expect(page.getByTestId('household-categories').getByText('无', { exact: true })).toBeVisible();
  await page.getByRole('tab', { name: /救助保障/ }).click();
  await page.getByTestId('apply-enrolment').click();
  await page.getByRole('button', { name: '登记申请' }).click();
  await expect(page.getByTestId('enrolment-detail').getByText('耿淑兰 · 低保')).toBeVisible();

  // 入户调查 by a caseworker, 街道审核 and a 公示 already over: recorded at another PC.
  const [e] = await s.call<{ id: string }[]>('assistance.listEnrolments', { householdId: hh.id });
  await s.call('assistance.investigate', { id: e!.id, note: '入户核实' }, await s.caseworker());
  await s.call('assistance.advance', { id: e!.id, step: 'street-review', note: '同意' });
  await s.call('assistance.advance', { id: e!.id, step: 'publish', ...PAST_PUBLICATION });
  await page.reload();
  await page.getByTestId('step-approve').click();
  await page.getByTestId('step-doc-no').fill(DISTRICT_APPROVAL.districtDocNo);
  await page.getByTestId('step-approved-on').click();
  await page.getByTestId('step-approved-on').fill(DISTRICT_APPROVAL.districtApprovedOn);
  await page.getByTestId('step-approved-on').press('Enter');
  await page.getByTestId('step-ok').click();
  await expect(page.getByTestId('enrolment-status')).toHaveText('在保');

  await goHash(page, '#/households');
  const row = page.getByRole('row').filter({ hasText: '詹滨西里21号楼3门402' });
  await expect(row.getByText('低保', { exact: true })).toBeVisible();
  await row.getByText('詹滨西里21号楼3门402').click();
  await expect(page.getByTestId('household-categories').getByText('低保', { exact: true })).toBeVisible();
  await screenshot(page, 'one-truth-household-dibao');

  // The form shows the programme read-only; only situations can be ticked.
  await page.getByRole('button', { name: '编辑家庭信息' }).click();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByTestId('household-programmes').getByText('低保', { exact: true })).toBeVisible();
  await expect(drawer.getByText('经纳入救助办理')).toBeVisible();
  await expect(drawer.getByRole('checkbox', { name: '独居/空巢/失能老人' })).toBeVisible();
  await expect(drawer.getByRole('checkbox', { name: '低保' })).toHaveCount(0);
  await screenshot(page, 'one-truth-household-form');
});
