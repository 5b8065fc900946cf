/**
 * 复审 in Chromium (issue 17): a 低保 household whose head works odd jobs is reviewed every six months;
 * past its day it shows on the 工作台 and on the 复审 list; the review re-runs the income rules with
 * the wage found, changes the amount from next month, and takes the household off the list.
 */
import { makeIdNumber } from '../../shared/id-number';
import { atShanghai, enrol, enrolDibao, goHash, openSignedIn, setUpAssistanceStreet } from '../support/assistance-street';
import { expect, screenshot, test } from './fixtures';

test('an overdue review from the 工作台: the wage found changes the amount, the next review is six months on', async ({ page, app, clock }) => {
  test.setTimeout(120_000);
  atShanghai(clock, '2026-03-15T10:00:00');
  const street = await setUpAssistanceStreet(app.backend);
  const { call, communityId } = street;
  const hh = await call<{ id: string }>('registry.createHousehold', {
    household: { communityId, address: '丽山里3号楼1门201', hukouType: 'urban' },
    members: [
      { name: '韩立', relation: '02', idNumber: makeIdNumber('120110', '19800101', 21), labourCapacity: 'full', employment: 'flexible', incomes: [{ kind: 'wage', monthlyFen: 80000 }] },
      { name: '韩小雨', relation: '20', idNumber: makeIdNumber('120110', '20150101', 23), incomes: [] },
    ],
  });
  const e = await enrolDibao(street, hh.id, '2026-04'); // approved 2026-03-13: review due 2026-09-13

  atShanghai(clock, '2026-09-20T10:00:00');
  await street.signInAgain();
  await openSignedIn(page, app.url);
  await goHash(page, '#/home');
  await expect(page.getByTestId('wb-reviews-overdue-count')).toHaveText('1');
  await page.getByTestId('wb-reviews-overdue').click();
  const row = page.getByTestId('review-table').locator('tr', { hasText: '韩立' });
  await expect(row).toContainText('逾期未复审');
  await expect(row).toContainText('2026-09-13');
  await expect(row).toContainText('每半年（6个月）');
  await screenshot(page, 'reviews-overdue');

  await row.getByRole('button', { name: '复审' }).click();
  await page.getByTestId('review-wage-韩立').fill('1000');
  await page.getByTestId('review-note').fill('入户复审，打零工收入增加');
  await page.getByTestId('review-preview').click();
  const decision = page.getByTestId('review-decision');
  await expect(decision.getByText('复审结论：调整金额')).toBeVisible();
  await expect(decision.getByText('下次复审：2027-03-20（每6个月）')).toBeVisible();
  await screenshot(page, 'review-modal');
  await page.getByTestId('review-record').click();
  await expect(page.getByText('已记录复审：调整金额')).toBeVisible();
  await expect(page.getByTestId('review-table').getByText('没有到期或逾期的复审')).toBeVisible();

  // (1,045 − (1,000 − 300 就业奖励) / 2) × 2 = 1,390 from October; September as before.
  for (const [month, fen] of [['2026-09', 159000], ['2026-10', 139000]] as const) {
    const list = await call<{ rows: { enrolmentId: string; amountFen: number }[] }>('assistance.paymentList', { programme: 'dibao', month });
    expect(list.rows.find((r) => r.enrolmentId === e.id)?.amountFen, month).toBe(fen);
  }
  await page.getByTestId('review-state').getByText(/^全部/).click();
  await expect(page.getByTestId('review-table').locator('tr', { hasText: '韩立' })).toContainText('上次复审 2026-09-20');
  await page.getByTestId('review-table').getByRole('link', { name: '保障记录' }).click();
  await expect(page.getByTestId('enrolment-steps').getByText('入户复审，打零工收入增加')).toBeVisible();
});

test('特困: the review from the enrolment page records the conclusion; an exit is confirmed first', async ({ page, app, clock }) => {
  test.setTimeout(120_000);
  atShanghai(clock, '2026-03-15T10:00:00');
  const street = await setUpAssistanceStreet(app.backend);
  const { call, communityId } = street;
  const hh = await call<{ id: string; members: { id: string }[] }>('registry.createHousehold', {
    household: { communityId, address: '詹滨西里9号楼1门101', hukouType: 'urban' },
    members: [{ name: '牛德山', relation: '02', idNumber: makeIdNumber('120110', '19450101', 25), incomes: [] }],
  });
  const e = await enrol(street, { programme: 'tekun-home', householdId: hh.id, personId: hh.members[0]!.id, note: '本人申请' }, '2026-04');

  atShanghai(clock, '2027-03-20T10:00:00');
  await street.signInAgain();
  await openSignedIn(page, app.url);
  await goHash(page, `#/assistance/enrolments/${e.id}`);
  await page.getByTestId('review-open').click();
  // Without a conclusion the form says what is missing.
  await page.getByTestId('review-preview').click();
  await expect(page.getByText('请选择复审结论')).toBeVisible();
  await page.getByTestId('review-outcome').getByText('不再符合条件，终止供养').click();
  await page.getByTestId('review-preview').click();
  await expect(page.getByTestId('review-decision').getByText('复审结论：退出')).toBeVisible();
  await page.getByTestId('review-record').click();
  await expect(page.locator('.ant-modal-confirm-title', { hasText: '确认记录复审结论“退出”？' })).toBeVisible();
  await page.getByRole('button', { name: '确认记录' }).click();
  await expect(page.getByTestId('enrolment-status')).toHaveText('已退出');
  await expect(page.getByTestId('review-open')).toHaveCount(0);
  const list = await call<{ rows: { enrolmentId: string }[] }>('assistance.reviewsDue', { state: 'all' });
  expect(list.rows.some((r) => r.enrolmentId === e.id)).toBe(false);
});
