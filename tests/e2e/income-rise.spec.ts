/**
 * 收入增加申报 in Chromium: a new wage for one member leaves every other member's record as it was;
 * a second report inside the gradual exit continues it (never restarts it) and the months already
 * listed keep their amounts.
 */
import type { Page } from '@playwright/test';
import { makeIdNumber } from '../../shared/id-number';
import { atShanghai, enrolDibao, goHash, openSignedIn, setUpAssistanceStreet } from '../support/assistance-street';
import { expect, screenshot, test } from './fixtures';

async function record(page: Page, wages: Record<string, string>) {
  await page.getByTestId('income-rise').click();
  for (const [name, yuan] of Object.entries(wages)) await page.getByTestId(`wage-${name}`).fill(yuan);
  await page.getByTestId('rise-preview').click();
  await expect(page.getByTestId('rise-decision')).toBeVisible();
}

test('a new wage for the husband only: the wife keeps her 灵活就业 and her "家政零工" note; a second report continues the exit', async ({ page, app, clock }) => {
  test.setTimeout(120_000);
  // The app on 2026-06-10 10:00 in Shanghai (the browser keeps its own clock; the app reads the backend's).
  atShanghai(clock, '2026-06-10T10:00:00');
  const street = await setUpAssistanceStreet(app.backend);
  const { call, communityId } = street;
  const hh = await call<{ id: string; members: { id: string; name: string }[] }>('registry.createHousehold', {
    household: { communityId, address: '詹滨西里7号楼2门302', hukouType: 'urban' },
    members: [
      { name: '吴建国', relation: '02', idNumber: makeIdNumber('120110', '19780101', 13), employment: 'unemployed', incomes: [] },
      { name: '郑桂芳', relation: '10', idNumber: makeIdNumber('120110', '19800202', 15), employment: 'flexible', incomes: [{ kind: 'wage', monthlyFen: 80000, note: '家政零工' }] },
    ],
  });
  const e = await enrolDibao(street, hh.id, '2026-05');

  await openSignedIn(page, app.url);
  await goHash(page, `#/assistance/enrolments/${e.id}`);
  await expect(page.getByTestId('enrolment-amount')).toHaveText('1,590.00 元'); // (1,045 − (800 − 300 就业奖励) / 2) × 2
  // Only the husband's wage is typed; the wife's field shows her current wage and is left alone.
  await record(page, { 吴建国: '2500' });
  await expect(page.getByTestId('rise-decision').getByText(/处理决定：渐退/)).toBeVisible();
  await page.getByTestId('rise-record').click();
  await page.getByRole('button', { name: '确认记录' }).click();
  await expect(page.getByTestId('enrolment-status')).toHaveText('渐退期');

  await goHash(page, `#/households/${hh.id}`);
  const wife = page.locator('tr', { hasText: '郑桂芳' }).filter({ hasText: '120110' });
  await expect(wife).toContainText('灵活就业');
  const husband = page.locator('tr', { hasText: '吴建国' }).filter({ hasText: '120110' });
  await expect(husband).toContainText('在职');
  const reg = await call<{ members: { name: string; employment: string; incomes: unknown[] }[] }>('registry.getHousehold', { id: hh.id });
  expect(reg.members.find((m) => m.name === '郑桂芳')).toMatchObject({ employment: 'flexible', incomes: [{ kind: 'wage', monthlyFen: 80000, note: '家政零工' }] });

  // November, in the 50% phase (July–September 100%, October–December 50%): a higher wage is reported.
  // The exit goes on as decided: same end, same amounts.
  atShanghai(clock, '2026-11-10T10:00:00');
  await openSignedIn(page, app.url);
  await street.signInAgain();
  await goHash(page, `#/assistance/enrolments/${e.id}`);
  await record(page, { 吴建国: '4000' });
  await expect(page.getByTestId('rise-decision').getByText('处理决定：渐退期内再次申报：按原渐退安排继续，不重新起算')).toBeVisible();
  await expect(page.getByTestId('rise-decision').getByText('已在渐退期：按原渐退安排发放，自 2027-01 起退出低保')).toBeVisible();
  await screenshot(page, 'income-rise-continue-exit');
  await page.getByTestId('rise-record').click();
  await page.getByRole('button', { name: '确认记录' }).click();
  await expect(page.getByTestId('income-rises').getByText(/2026-11 申报：渐退期内再次申报/)).toBeVisible();
  await expect(page.getByTestId('enrolment-amount')).toHaveText('795.00 元'); // 50% of the original 1,590.00
  for (const [month, amount] of [['2026-06', 159000], ['2026-09', 159000], ['2026-10', 79500], ['2026-12', 79500], ['2027-01', null]] as const) {
    const list = await call<{ rows: { householdId: string; amountFen: number }[] }>('assistance.paymentList', { programme: 'dibao', month });
    expect(list.rows.find((r) => r.householdId === hh.id)?.amountFen ?? null, month).toBe(amount);
  }
});
