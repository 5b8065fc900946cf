/**
 * 救助政策 end to end (browser mode): a 低保 household reports a job and leaves gradually over six payment
 * lists; an urgent temporary assistance application is approved first inside its 24 hours; a grade-1
 * disabled person in a 低保 household without the care subsidy appears on the 应补尽补 list.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { makeIdNumber, maskIdNumber } from '../../shared/id-number';
import { addMonths, monthOf } from '../../shared/policy';
import { shanghaiDate } from '../../shared/time/shanghai';
import { ADMIN, goHash, openSignedIn, setUpAssistanceStreet } from '../support/assistance-street';
import { signInAs } from '../support/ui';
import { ARTIFACTS, expect, screenshot, test } from './fixtures';

test('a 低保 household reports a job: decision, six-month schedule, six payment lists at 100/100/100/50/50/50, then it leaves', async ({ page, app, clock }) => {
  test.setTimeout(180_000);
  // The employment reward is not among the verified defaults: the street set-up sets it.
  const { call, communityId, caseworker } = await setUpAssistanceStreet(app.backend);
  const hh = await call<{ id: string }>('registry.createHousehold', {
    household: { communityId, address: '詹滨西里5号楼1门101', hukouType: 'urban' },
    members: [{ name: '周强', relation: '02', idNumber: makeIdNumber('120110', '19750304', 11), incomes: [] }],
  });
  // The app on Tuesday 2026-12-01 10:00 Shanghai: the 公示 runs 12-01 to 12-07 and ends inside December.
  clock.offsetMs = Date.parse('2026-12-01T10:00:00+08:00') - Date.now();
  const month = monthOf(shanghaiDate(clock.now()));

  await openSignedIn(page, app.url);
  await goHash(page, `#/households/${hh.id}`);
  await page.getByRole('tab', { name: /救助保障/ }).click();
  await page.getByTestId('apply-enrolment').click();
  await page.getByRole('button', { name: '登记申请' }).click();
  const detail = page.getByTestId('enrolment-detail');
  await expect(detail.getByText('周强 · 低保')).toBeVisible();

  // The 入户调查 is a caseworker's (the 街道审核 must be someone else's): recorded at another PC.
  const [enrolment] = await call<{ id: string }[]>('assistance.listEnrolments', { householdId: hh.id });
  await call('assistance.investigate', { id: enrolment!.id }, await caseworker());
  await page.reload();
  for (const step of ['street-review', 'publish'] as const) {
    await page.getByTestId(`step-${step}`).click();
    await page.getByTestId('step-ok').click();
    await expect(page.getByTestId('step-ok')).toBeHidden();
  }
  // 区级审批 while the 公示 runs is refused with the day it may be done.
  const approve = async (approvedOn: string) => {
    await page.getByTestId('step-approve').click();
    await page.getByTestId('step-doc-no').fill('东民救批〔2026〕88号');
    await page.getByTestId('step-approved-on').click();
    await page.getByTestId('step-approved-on').fill(approvedOn);
    await page.getByTestId('step-approved-on').press('Enter');
    await page.getByTestId('step-ok').click();
  };
  await approve('2026-12-01');
  await expect(page.getByText('公示期至 2026-12-07 结束，2026-12-08 起方可办理区级审批')).toBeVisible();
  await page.getByRole('button', { name: '取消' }).click();
  // What was typed is dropped only on a second, deliberate choice.
  await page.getByRole('dialog').filter({ hasText: '放弃未保存的内容？' }).getByRole('button', { name: '放弃并离开' }).click();
  await expect(page.getByTestId('enrolment-status')).toHaveText('公示中');

  // A week later the district's approval is recorded at the street with its document.
  clock.advanceHours(7 * 24);
  await page.reload();
  // A week without activity ends the session: sign in again if the window asks.
  await expect(page.getByLabel('用户名').or(page.getByLabel('当前用户'))).toBeVisible();
  if (await page.getByLabel('用户名').isVisible()) await signInAs(page, ADMIN.username, ADMIN.password);
  await goHash(page, `#/assistance/enrolments/${enrolment!.id}`);
  await approve('2026-12-08');
  await expect(page.getByTestId('step-ok')).toBeHidden();
  await expect(page.getByTestId('enrolment-status')).toHaveText('在保');
  await expect(page.getByTestId('enrolment-amount')).toHaveText('1,045.00 元');
  const steps = page.getByTestId('enrolment-steps');
  for (const label of ['申请', '入户调查与收入财产核算', '街道审核', '公示', '区级审批']) await expect(steps.getByText(label, { exact: true })).toBeVisible();
  await expect(steps.getByText(/admin\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}/).first()).toBeVisible();
  await screenshot(page, 'assistance-01-enrolment');

  // The household reports a job; the caseworker records the wage and sees the decision.
  await page.getByTestId('income-rise').click();
  await page.getByTestId('wage-周强').fill('4000');
  await page.getByTestId('rise-preview').click();
  const decision = page.getByTestId('rise-decision');
  await expect(decision.getByText(/处理决定：渐退/)).toBeVisible();
  await expect(decision.getByText('3,700.00 元').first()).toBeVisible(); // (4,000 − 300 reward) per capita
  const schedule = decision.getByTestId('rise-schedule');
  await expect(schedule.locator('tbody tr')).toHaveCount(7);
  await screenshot(page, 'assistance-02-income-rise-decision');
  await page.getByTestId('rise-record').click();
  await page.getByRole('button', { name: '确认记录' }).click();
  await expect(page.getByTestId('enrolment-status')).toHaveText('渐退期');
  const stored = page.getByTestId('enrolment-schedule');
  const expected = [
    [1, '100%', '1,045.00 元'],
    [2, '100%', '1,045.00 元'],
    [3, '100%', '1,045.00 元'],
    [4, '50%', '522.50 元'],
    [5, '50%', '522.50 元'],
    [6, '50%', '522.50 元'],
  ] as const;
  for (const [i, pct, amount] of expected) {
    const row = stored.locator('tbody tr').nth(i - 1);
    await expect(row).toContainText(addMonths(month, i));
    await expect(row).toContainText(pct);
    await expect(row).toContainText(amount);
  }
  await expect(stored.locator('tbody tr').nth(6)).toContainText(`${addMonths(month, 7)}退出低保`);
  await screenshot(page, 'assistance-03-schedule');

  // The next six payment lists carry 100, 100, 100, 50, 50, 50 per cent; then the household is gone.
  await page.getByTestId('tab-payment-list').click();
  await expect(page.getByTestId('payment-list').getByText(`低保发放花名册（${month}）`)).toBeVisible();
  for (const [i, pct, amount] of expected) {
    const m = addMonths(month, i);
    await goHash(page, `#/assistance/payments?programme=dibao&month=${m}`);
    const list = page.getByTestId('payment-list');
    await expect(list.getByText(`低保发放花名册（${m}）`)).toBeVisible();
    const row = list.getByTestId('payment-rows').locator('tbody tr', { hasText: '周强' });
    await expect(row).toContainText(amount);
    await expect(row).toContainText(`渐退 ${pct}`);
    await expect(list.getByTestId('payment-totals').getByText('詹滨西里社区')).toBeVisible();
    await expect(list.getByTestId('payment-total')).toHaveText(amount);
    if (i === 4) await screenshot(page, 'assistance-04-payment-list-50');
  }
  const after = addMonths(month, 7);
  await goHash(page, `#/assistance/payments?programme=dibao&month=${after}`);
  await expect(page.getByText(`低保发放花名册（${after}）`)).toBeVisible();
  await expect(page.getByText('该月没有发放对象')).toBeVisible();
  await expect(page.getByTestId('payment-total')).toHaveText('0.00 元');

  // Excel export of a month with the household.
  await goHash(page, `#/assistance/payments?programme=dibao&month=${addMonths(month, 1)}`);
  await expect(page.getByTestId('payment-rows').getByText('周强')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('payment-export').click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`低保发放花名册（${addMonths(month, 1)}）\\.xlsx$`));

  // The print route: A4 landscape with page numbers.
  await goHash(page, `#/assistance/payments?programme=dibao&month=${addMonths(month, 4)}`);
  await expect(page.getByTestId('payment-rows').getByText('周强')).toBeVisible();
  await page.getByTestId('payment-print').click();
  await expect(page).toHaveURL(new RegExp(`#/print/payment-list\\?programme=dibao&month=${addMonths(month, 4)}$`));
  const sheet = page.getByTestId('print-payment-list');
  await expect(sheet.getByText('张贵庄街道低保发放花名册')).toBeVisible();
  await expect(sheet.getByText('522.50 元').first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-print-ready', 'true');
  await screenshot(page, 'assistance-05-print');
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const pdfFile = path.join(ARTIFACTS, 'assistance-payment-list.pdf');
  await page.pdf({ path: pdfFile, preferCSSPageSize: true, printBackground: true });
  const info = execFileSync('pdfinfo', [pdfFile]).toString();
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? [];
  expect(Number(w)).toBeGreaterThan(Number(h)); // landscape
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-']).toString();
  expect(text).toMatch(/第 1 页，共 1 页/);
  expect(text).toContain('詹滨西里5号楼1门101'); // the address is readable on one line
  expect(text).not.toContain('A4 横向'); // the on-screen toolbar is not printed
});

test('an urgent temporary assistance application is approved first inside its 24 hours', async ({ page, app }) => {
  test.setTimeout(120_000);
  const { call, communityId } = await setUpAssistanceStreet(app.backend);
  await call('registry.createHousehold', {
    household: { communityId, address: '詹滨西里7号楼2门202', hukouType: 'urban', categories: [] },
    members: [{ name: '卫东', relation: '02', idNumber: makeIdNumber('120110', '19680512', 21), incomes: [] }],
  });
  await openSignedIn(page, app.url);
  await page.getByRole('menuitem', { name: '救助政策' }).click();
  await page.getByTestId('tab-temporary').click();
  const screen = page.getByTestId('temporary');
  await expect(screen.getByText('暂无临时救助申请')).toBeVisible();
  await page.getByTestId('temp-new').click();
  await page.getByTestId('temp-person').locator('input').fill('卫东');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '卫东' }).first().click();
  await page.getByTestId('temp-reason').fill('住房失火，生活用品全部损毁');
  await page.getByTestId('temp-amount').fill('3000');
  await page.getByRole('dialog').getByRole('button', { name: /受\s*理/ }).click();
  const row = screen.locator('tbody tr', { hasText: '卫东' });
  await expect(row).toContainText('急难型');
  await expect(row).toContainText('3,000.00 元');
  const countdown = row.getByTestId('countdown');
  await expect(countdown).toHaveText(/剩余 2[34]小时/);
  const first = await countdown.textContent();
  await expect(countdown).not.toHaveText(first ?? ''); // live: it ticks
  await screenshot(page, 'assistance-06-temporary-countdown');
  await row.getByTestId('temp-approve').click();
  await expect(page.getByRole('dialog').getByText('先行审批：卫东')).toBeVisible();
  await page.getByTestId('decide-note').fill('情况紧急，先行审批');
  await page.getByTestId('decide-ok').click();
  await expect(row).toContainText('已审批');
  await expect(row).toContainText('时限内审批');
  await row.getByTestId('temp-pay').click();
  await page.getByTestId('decide-ok').click();
  await expect(row).toContainText('已发放');
  await screenshot(page, 'assistance-07-temporary-paid');
});

const SHEN_JING = makeIdNumber('120110', '19800101', 31);

test('a grade-1 disabled person in a 低保 household without the care subsidy is on the 应补尽补 list', async ({ page, app }) => {
  test.setTimeout(120_000);
  const { call, communityId } = await setUpAssistanceStreet(app.backend);
  await call('policy.setParam', { key: 'disability.careSubsidy', value: 10000, effectiveFrom: '2016-01-01', retroactiveReason: '测试：补录护理补贴标准' });
  const hh = await call<{ id: string }>('registry.createHousehold', {
    household: { communityId, address: '詹滨西里9号楼3门303', hukouType: 'urban' },
    members: [{ name: '沈静', relation: '02', idNumber: SHEN_JING, incomes: [], disabilityCategory: '4', disabilityGrade: '1' }],
  });
  await openSignedIn(page, app.url);
  await page.getByRole('menuitem', { name: '救助政策' }).click();
  await page.getByTestId('tab-entitlement-gaps').click();
  const screen = page.getByTestId('entitlement-gaps');
  const row = screen.locator('tbody tr', { hasText: '重度残疾人护理补贴' });
  await expect(row).toContainText('沈静');
  await expect(row).toContainText('应享未享');
  await expect(row).toContainText('100.00 元');
  // A list: the ID number masked (the full one only in the household's audited detail view).
  await expect(row).toContainText(maskIdNumber(SHEN_JING));
  await expect(screen).not.toContainText(SHEN_JING);
  await screenshot(page, 'assistance-08-gaps');
  await row.getByTestId('gap-person').click();
  await expect(page).toHaveURL(new RegExp(`#/households/${hh.id}$`));
  await expect(page.getByText('沈静家')).toBeVisible();
  await page.getByRole('tab', { name: /救助保障/ }).click();
  await expect(page.getByTestId('household-enrolments').getByText('尚未纳入低保、特困等救助项目')).toBeVisible();
  await screenshot(page, 'assistance-09-household');
});
