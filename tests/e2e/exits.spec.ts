/**
 * Issue 12 end to end (browser mode): recording a death on the household page stops the person's
 * allowance (listed under 死亡停发, issue 17); a household held at its amount while exits were suspended (2020) is on the
 * 暂停退出结束后复核 tab now that the suspension has ended, and its row opens the enrolment.
 */
import { makeIdNumber } from '../../shared/id-number';
import { shanghaiDate } from '../../shared/time/shanghai';
import { atShanghai, enrol, goHash, openSignedIn, setUpAssistanceStreet } from '../support/assistance-street';
import { expect, screenshot, test } from './fixtures';

test('a death recorded on the household page stops the orphan allowance, listed under 死亡停发', async ({ page, app, clock }) => {
  test.setTimeout(120_000);
  atShanghai(clock, '2026-03-20T10:00:00');
  const s = await setUpAssistanceStreet(app.backend);
  const hh = await s.call<{ id: string; members: { id: string }[] }>('registry.createHousehold', {
    household: { communityId: s.communityId, address: '华明里7号楼1门101', hukouType: 'urban', categories: ['orphan'] },
    members: [{ name: '严小', relation: '02', idNumber: makeIdNumber('120110', '20150101', 41), incomes: [] }],
  });
  // The 公示 ran 2026-03-05 to 03-11, the district approved on 03-13.
  await enrol(s, { programme: 'orphan-allowance', householdId: hh.id, personId: hh.members[0]!.id }, '2026-04');
  atShanghai(clock, '2026-05-10T10:00:00');
  await openSignedIn(page, app.url);
  await goHash(page, `#/households/${hh.id}`);
  await page.getByRole('button', { name: '登记死亡 严小' }).click();
  const dialog = page.getByRole('dialog', { name: '登记 严小 死亡' });
  await page.getByTestId('death-date').click();
  await page.getByTestId('death-date').fill('2026-05-08');
  await page.keyboard.press('Enter');
  await page.getByTestId('death-note').fill('意外');
  await screenshot(page, 'exits-01-record-death');
  await dialog.getByRole('button', { name: /确认登记/ }).click();
  await expect(page.getByTestId('died-tag')).toContainText('已故 2026-05-08');
  await expect(page.getByRole('button', { name: '登记死亡 严小' })).toHaveCount(0);
  await screenshot(page, 'exits-02-member-died');

  await page.getByRole('menuitem', { name: '救助政策' }).click();
  await page.getByTestId('tab-entitlement-gaps').click();
  // The death exited the allowance itself (issue 17): listed under 死亡停发, no longer an open 应退尽退.
  await page.getByTestId('tab-deaths').click();
  const row = page.getByTestId('ended-table').locator('tbody tr', { hasText: '严小' });
  await expect(row).toContainText('孤儿基本生活费：2026-06起停发');
  await expect(row).toContainText('意外');
  await screenshot(page, 'exits-03-should-exit');
  expect(shanghaiDate(clock.now())).toBe('2026-05-10');
});

test('a household held at its amount during the suspension is on the review tab once it has ended; the row opens the enrolment', async ({ page, app, clock }) => {
  test.setTimeout(120_000);
  atShanghai(clock, '2020-06-01T10:00:00');
  const s = await setUpAssistanceStreet(app.backend); // with the 就业奖励 from 2020-06-12
  const hh = await s.call<{ id: string; members: { id: string }[] }>('registry.createHousehold', {
    household: { communityId: s.communityId, address: '华明里8号楼2门202', hukouType: 'urban' },
    members: [{ name: '戚大', relation: '02', idNumber: makeIdNumber('120110', '19750304', 51), incomes: [] }],
  });
  const { id } = await enrol(s, { programme: 'dibao', householdId: hh.id }, '2020-06', { publicFrom: '2020-05-20', publicTo: '2020-05-26', districtApprovedOn: '2020-05-28' });
  atShanghai(clock, '2020-07-10T10:00:00');
  await s.signInAgain();
  await s.call('assistance.recordIncomeRise', {
    id, reportMonth: '2020-07', riseFromEmployment: true, selfReported: true, members: [{ personId: hh.members[0]!.id, wageFen: 400000 }],
  });
  atShanghai(clock, '2023-02-01T10:00:00');
  await openSignedIn(page, app.url);
  await page.getByRole('menuitem', { name: '救助政策' }).click();
  await page.getByTestId('tab-entitlement-gaps').click();
  await page.getByTestId('tab-suspension-review').click();
  const screen = page.getByTestId('suspension-review');
  await expect(screen).toContainText('暂停低保退出已于 2023-01-08 结束');
  const row = screen.locator('tbody tr', { hasText: '戚大' });
  await expect(row).toContainText('2020-07');
  await expect(row).toContainText('31个月');
  await expect(row).toContainText('1,010.00');
  await screenshot(page, 'exits-04-suspension-review');
  await row.getByTestId('held-household').click();
  await expect(page).toHaveURL(new RegExp(`#/assistance/enrolments/${id}$`));
  await expect(page.getByTestId('enrolment-detail')).toContainText('戚大');
});
