/**
 * 发放批次 and a late income report (browser mode, issue 12): April's and May's batches are confirmed;
 * at the end of May the caseworker records a wage the household reported on April 25th. The decision
 * sets the amount from May: April and May stay as confirmed (same digest); June's batch pays the month
 * at the new amount and recovers the May overpayment up to that amount (the rest in July), with its
 * reason; the bank file pays the net (nothing in June), and July recovers the rest.
 */
import fs from 'node:fs';
import { makeIdNumber } from '../../shared/id-number';
import { atShanghai, enrolDibao, goHash, openSignedIn, setUpAssistanceStreet } from '../support/assistance-street';
import { expect, screenshot, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 900 } });

test('an income rise reported in April and recorded late: April and May unchanged, the 扣回 for May in June, the bank file pays the net', async ({ page, app, clock }) => {
  test.setTimeout(180_000);
  atShanghai(clock, '2026-03-15T10:00:00');
  const street = await setUpAssistanceStreet(app.backend);
  const { call, communityId } = street;
  const hh = await call<{ id: string }>('registry.createHousehold', {
    household: { communityId, address: '詹滨西里8号楼1门202', hukouType: 'urban', bankName: '天津农商银行', bankAccount: '6221880012349999' },
    members: [
      { name: '曹建军', relation: '02', idNumber: makeIdNumber('120110', '19760512', 31), employment: 'unemployed', incomes: [] },
      { name: '曹小雨', relation: '20', idNumber: makeIdNumber('120110', '20120203', 32), employment: 'student', incomes: [] },
    ],
  });
  const e = await enrolDibao(street, hh.id, '2026-04');

  // April's and May's batches confirmed in their months at 2,090.00 (1,045.00 × 2).
  const digests: Record<string, string> = {};
  for (const m of ['2026-04', '2026-05']) {
    atShanghai(clock, `${m}-10T10:00:00`);
    await street.signInAgain();
    const b = await call<{ id: string; totalFen: number }>('batches.generate', { programme: 'dibao', month: m });
    expect(b.totalFen).toBe(209000);
    digests[m] = (await call<{ digest: string }>('batches.confirm', { id: b.id })).digest;
  }

  // May 28th: the caseworker records the job the household reported on April 25th.
  atShanghai(clock, '2026-05-28T10:00:00');
  await openSignedIn(page, app.url);
  await goHash(page, `#/assistance/enrolments/${e.id}`);
  await page.getByTestId('income-rise').click();
  const date = page.getByTestId('rise-date');
  await date.click();
  await date.fill('2026-04-25');
  await date.press('Enter');
  await page.getByTestId('wage-曹建军').fill('1500');
  await page.getByTestId('rise-preview').click();
  // (1,500 − 300 reward) / 2 = 600 per capita: stays, at (1,045 − 600) × 2 = 890.00 from May.
  await expect(page.getByTestId('rise-decision').getByText('每月发放 890.00 元')).toBeVisible();
  await page.getByTestId('rise-record').click();
  await page.getByRole('button', { name: '确认记录' }).click();
  await expect(page.getByTestId('income-rises').getByText(/2026-04 申报/)).toBeVisible();

  // April and May: as confirmed.
  for (const m of ['2026-04', '2026-05']) {
    await goHash(page, `#/assistance/payments?programme=dibao&month=${m}`);
    await expect(page.getByTestId('payment-list').getByText(`低保发放花名册（${m}）`)).toBeVisible();
    await expect(page.getByTestId('batch-status')).toHaveText('已确认');
    await expect(page.getByTestId('payment-total')).toHaveText('2,090.00 元');
    await expect(page.getByTestId('batch-digest')).toHaveText(digests[m]!);
  }

  // June: the month at 890.00; May was overpaid 1,200.00 (paid 2,090.00, due 890.00): June recovers 890.00.
  atShanghai(clock, '2026-06-05T10:00:00');
  await openSignedIn(page, app.url);
  await goHash(page, '#/assistance/payments?programme=dibao&month=2026-06');
  await page.getByTestId('batch-generate').click();
  const rows = page.getByTestId('payment-rows').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('890.00 元');
  await expect(rows.nth(1)).toContainText('扣回');
  await expect(rows.nth(1)).toContainText('2026-05');
  await expect(rows.nth(1)).toContainText('-890.00 元');
  await expect(rows.nth(1)).toContainText('收入变化（以当月应发为限，余额下月续扣）');
  await screenshot(page, 'batches-04-june-recovery');
  await page.getByTestId('batch-confirm').click();
  await page.getByRole('button', { name: '确认并冻结' }).click();
  await expect(page.getByTestId('batch-status')).toHaveText('已确认');
  await page.getByTestId('batch-mark-paid').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '标记已发放并导出' }).click()]);
  // June nets to nothing: the bank file has no line.
  expect(fs.readFileSync((await file.path())!).toString('utf8')).toBe('\uFEFF序号,银行账号,姓名,金额,身份证号\r\n');

  // July: 890.00 for the month, the remaining 310.00 recovered: 580.00 to the bank.
  atShanghai(clock, '2026-07-05T10:00:00');
  await openSignedIn(page, app.url);
  await goHash(page, '#/assistance/payments?programme=dibao&month=2026-07');
  await page.getByTestId('batch-generate').click();
  await expect(rows.nth(1)).toContainText('-310.00 元');
  await expect(page.getByTestId('payment-total')).toHaveText('580.00 元');
});
