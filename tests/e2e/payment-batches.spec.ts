/**
 * 发放批次 end to end (browser mode, issue 12): April's 低保 batch is generated and confirmed (the
 * dialog names month, count and total); a standard entered late with an effective date in April
 * reaches back; April's batch is unchanged; May's batch carries the 补发 for April with its reason;
 * May is confirmed, marked paid and its bank file exported twice with the same bytes.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { makeIdNumber } from '../../shared/id-number';
import { atShanghai, enrolDibao, goHash, openSignedIn, setUpAssistanceStreet } from '../support/assistance-street';
import { expect, screenshot, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 900 } });

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) };
}

test('April confirmed and frozen; a standard entered late reaches back as 补发 in May; the bank file is the same bytes twice', async ({ page, app, clock }) => {
  test.setTimeout(180_000);
  atShanghai(clock, '2026-03-15T10:00:00');
  const s = await setUpAssistanceStreet(app.backend);
  const hh = await s.call<{ id: string }>('registry.createHousehold', {
    household: { communityId: s.communityId, address: '詹滨西里7号楼2门301', hukouType: 'urban', bankName: '天津农商银行', bankAccount: '6221880012345678' },
    members: [
      { name: '韩立新', relation: '02', idNumber: makeIdNumber('120110', '19700812', 21), employment: 'unemployed', incomes: [] },
      { name: '韩妻', relation: '10', idNumber: makeIdNumber('120110', '19720203', 22), employment: 'unemployed', incomes: [] },
    ],
  });
  // Enrolled through every step (the 入户调查 by a caseworker, the 公示 already over), paid from April.
  await enrolDibao(s, hh.id, '2026-04');

  // April: generate the batch from the 发放批次 screen and confirm it.
  atShanghai(clock, '2026-04-20T10:00:00');
  await openSignedIn(page, app.url);
  await goHash(page, '#/assistance/batches');
  await expect(page.getByTestId('batch-list').getByText('还没有发放批次')).toBeVisible();
  await page.getByTestId('batches-generate').click();
  const month = page.getByTestId('payment-list');
  await expect(month.getByText('低保发放花名册（2026-04）')).toBeVisible();
  await expect(page.getByTestId('batch-status')).toHaveText('待确认');
  await expect(page.getByTestId('payment-rows').locator('tbody tr', { hasText: '韩立新' })).toContainText('2,090.00 元');
  await page.getByTestId('batch-confirm').click();
  await expect(page.getByTestId('batch-confirm-summary')).toContainText('2026-04，共 1 条，合计 2,090.00 元');
  await screenshot(page, 'batches-01-confirm-dialog');
  await page.getByRole('button', { name: '确认并冻结' }).click();
  await expect(page.getByTestId('batch-status')).toHaveText('已确认');
  const aprilDigest = await page.getByTestId('batch-digest').textContent();
  expect(aprilDigest).toMatch(/^[0-9a-f]{64}$/);

  // In May the district's new standard (1,100.00 from April 1st) is entered late, with its reason.
  atShanghai(clock, '2026-05-20T10:00:00');
  await s.signInAgain();
  await s.call('policy.setParam', { key: 'dibao.standard', value: 110000, effectiveFrom: '2026-04-01', retroactiveReason: '市局调标文件迟到，补录4月起标准' });

  // April is unchanged: same rows, same total, same digest.
  await openSignedIn(page, app.url);
  await goHash(page, '#/assistance/payments?programme=dibao&month=2026-04');
  await expect(page.getByTestId('batch-status')).toHaveText('已确认');
  await expect(page.getByTestId('payment-total')).toHaveText('2,090.00 元');
  await expect(page.getByTestId('batch-digest')).toHaveText(aprilDigest!);

  // May's batch: the month at the new standard, and the 补发 for April with its reason.
  await goHash(page, '#/assistance/payments?programme=dibao&month=2026-05');
  await expect(month.getByText('低保发放花名册（2026-05）')).toBeVisible();
  await expect(month.getByText('本月尚未生成发放批次')).toBeVisible();
  await page.getByTestId('batch-generate').click();
  await expect(page.getByTestId('batch-status')).toHaveText('待确认');
  const rows = page.getByTestId('payment-rows').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('当月');
  await expect(rows.nth(0)).toContainText('2,200.00 元');
  await expect(rows.nth(1)).toContainText('补发');
  await expect(rows.nth(1)).toContainText('2026-04');
  await expect(rows.nth(1)).toContainText('110.00 元');
  await expect(rows.nth(1)).toContainText('标准调整');
  await expect(page.getByTestId('batch-adjustments')).toContainText('含补发 110.00 元');
  await expect(page.getByTestId('payment-total')).toHaveText('2,310.00 元');
  await screenshot(page, 'batches-02-may-with-supplement');

  await page.getByTestId('batch-confirm').click();
  await expect(page.getByTestId('batch-confirm-summary')).toContainText('2026-05，共 2 条，合计 2,310.00 元（含补发 110.00 元');
  await page.getByRole('button', { name: '确认并冻结' }).click();
  await expect(page.getByTestId('batch-status')).toHaveText('已确认');

  // Marked paid: the bank file is exported and its digest kept; exported again, the same bytes.
  await page.getByTestId('batch-mark-paid').click();
  const [first] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '标记已发放并导出' }).click()]);
  await expect(page.getByTestId('batch-status')).toHaveText('已发放');
  const firstBytes = fs.readFileSync((await first.path())!);
  expect(first.suggestedFilename()).toMatch(/低保2026-05发放批次银行代发文件\.csv$/);
  const second = await download(page, 'batch-bank-file');
  expect(second.bytes.equals(firstBytes)).toBe(true);
  const sha = createHash('sha256').update(firstBytes).digest('hex');
  await expect(page.getByTestId('batch-bank-digest')).toHaveText(sha);
  const text = firstBytes.toString('utf8');
  expect(text).toBe(`\uFEFF序号,银行账号,姓名,金额,身份证号\r\n1,6221880012345678,韩立新,2310.00,${makeIdNumber('120110', '19700812', 21)}\r\n`);
  await screenshot(page, 'batches-03-paid');

  // The print of the batch: its frozen rows, the 补发 with its month, and the digest.
  await page.getByTestId('payment-print').click();
  const sheet = page.getByTestId('print-payment-list');
  await expect(sheet.getByText('张贵庄街道低保发放花名册')).toBeVisible();
  await expect(sheet.getByText(/批次状态：已发放/)).toBeVisible();
  await expect(sheet.getByTestId('payment-rows').locator('tbody tr').nth(1)).toContainText('补发');
  await expect(sheet.getByText(/明细摘要（SHA-256）：[0-9a-f]{64}/)).toBeVisible();
  await screenshot(page, 'batches-05-print');
  await page.getByRole('button', { name: '返回花名册' }).click();

  // The list of batches shows both months with who confirmed them.
  await page.getByTestId('tab-payment-batches').click();
  const list = page.getByTestId('batch-list');
  await expect(list.locator('tbody tr')).toHaveCount(2);
  await expect(list.locator('tbody tr').nth(0)).toContainText('2026-05');
  await expect(list.locator('tbody tr').nth(0)).toContainText('已发放');
  await expect(list.locator('tbody tr').nth(1)).toContainText('已确认');
  await expect(list.locator('tbody tr').nth(1)).toContainText('2,090.00 元');
  await screenshot(page, 'batches-04-list');
});
