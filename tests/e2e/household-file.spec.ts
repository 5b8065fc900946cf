/**
 * 一户一档 and ledger corrections at 1366×768 (issue 18, problems 3 and 4, and the ledger table): a
 * household with a 低保 enrolment, a 5,000 元 急难型 临时救助 and ledger items shows all of it on its
 * page (it used to say 尚未纳入任何救助项目) and prints it as one file (PDF read back with
 * pdftotext); a ledger item registered twice is closed as 重复登记 linked to the first; the ledger
 * table fits 1366 and 1440 px without sideways scrolling.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { makeIdNumber } from '../../shared/id-number';
import { monthOf } from '../../shared/policy';
import { addDays } from '../../shared/time/calendar-days';
import { shanghaiDate } from '../../shared/time/shanghai';
import { ARTIFACTS, expect, screenshot, test, type App, type TestClock } from './fixtures';
import { closeAsDuplicate, noSidewaysScroll } from '../support/ui';
import { goHash, openSignedIn, setUpAssistanceStreet } from '../support/assistance-street';

test.use({ viewport: { width: 1366, height: 768 } });

/**
 * 刘振华's household: 低保 since a month ago (its steps taken three weeks ago, the 公示 run in full),
 * a 5,000 元 急难型 临时救助 paid today, and the same problem registered twice on the ledger.
 */
async function prepare(app: App, clock: TestClock) {
  clock.offsetMs = -21 * 86_400_000;
  const { call, communityId, caseworker, signInAgain } = await setUpAssistanceStreet(app.backend);
  const hh = await call<{ id: string; members: { id: string }[] }>('registry.createHousehold', {
    household: { communityId, address: '詹滨东里3号楼2门201', hukouType: 'urban', categories: [] },
    members: [{ name: '刘振华', relation: '02', idNumber: makeIdNumber('120110', '19580416', 31), health: 'serious', incomes: [] }],
  });
  const start = shanghaiDate(clock.now());
  const e = await call<{ id: string }>('assistance.apply', { programme: 'dibao', householdId: hh.id, note: '本人申请' });
  await call('assistance.investigate', { id: e.id, note: '入户核实' }, await caseworker());
  await call('assistance.advance', { id: e.id, step: 'street-review', note: '同意' });
  await call('assistance.advance', { id: e.id, step: 'publish', publicFrom: start, publicTo: addDays(start, 6) });
  clock.offsetMs = -12 * 86_400_000;
  await signInAgain();
  await call('assistance.advance', {
    id: e.id,
    step: 'approve',
    month: monthOf(start),
    note: '区民政局批准',
    districtDocNo: '东民救批〔2026〕31号',
    districtApprovedOn: addDays(start, 8),
  });
  clock.offsetMs = 0;
  await signInAgain();
  const t = await call<{ id: string }>('assistance.receiveTemporary', {
    householdId: hh.id,
    personId: hh.members[0]!.id,
    type: 'urgent',
    reason: '突发脑梗住院，无力支付押金',
    amountFen: 500000,
  });
  await call('assistance.decideTemporary', { id: t.id, action: 'approve', note: '先行审批' });
  await call('assistance.decideTemporary', { id: t.id, action: 'pay' });
  const first = await call<{ id: string; itemNo: string }>('ledger.create', {
    source: 'grid-report', householdId: hh.id, category: 'care', urgency: '2', description: '出院后无人照料',
  });
  const again = await call<{ id: string; itemNo: string }>('ledger.create', {
    source: 'hotline', householdId: hh.id, category: 'care', urgency: '2', description: '热线反映：出院后无人照料',
  });
  return { householdId: hh.id, first, again };
}

test('the household file shows enrolment, temporary assistance and ledger items, prints as one file; a duplicate item is closed; the ledger fits 1366 px', async ({ page, app, clock }) => {
  test.setTimeout(150_000);
  const { householdId, first, again } = await prepare(app, clock);
  await openSignedIn(page, app.url);

  // 一户一档: what the household receives at a glance, then each tab.
  await goHash(page, `#/households/${householdId}`);
  const file = page.getByTestId('household-file');
  const summary = page.getByTestId('file-summary');
  await expect(summary).toContainText('低保（刘振华）');
  await expect(summary).toContainText('已发临时救助 1 次，共 5,000.00 元');
  await expect(summary).toContainText('未办结台账 2 项');
  await file.getByRole('tab', { name: /救助保障/ }).click();
  const enrolments = page.getByTestId('file-enrolments');
  await expect(enrolments).toContainText('低保');
  await expect(enrolments).toContainText('在保');
  await enrolments.getByText('低保').first().click(); // the steps, on a click
  await expect(enrolments).toContainText('区级审批');
  await file.getByRole('tab', { name: /临时救助/ }).click();
  await expect(page.getByTestId('file-temporary')).toContainText('5,000.00 元');
  await expect(page.getByTestId('file-temporary')).toContainText('已发放');
  await file.getByRole('tab', { name: /发放记录/ }).click();
  await expect(page.getByTestId('file-payments')).toContainText('1,045.00 元');
  // the persons each month's payment covered, as recorded with it
  await expect(page.getByTestId('file-payments').locator('thead')).toContainText('保障人数');
  await expect(page.getByTestId('file-payments').locator('tbody tr[data-row-key]').first()).toContainText('1 人');
  await screenshot(page, 'household-file-payments-1366');
  await file.getByRole('tab', { name: /问题台账/ }).click();
  const ledger = page.getByTestId('file-ledger');
  await expect(ledger.locator('tbody tr[data-row-key]')).toHaveCount(3);
  // Open items first, the urgent application's item (closed when paid) last.
  await expect(ledger.locator('tbody tr[data-row-key]').last()).toContainText('已办结');
  await screenshot(page, 'household-file-1366');
  await file.getByRole('tab', { name: /操作记录/ }).click();
  await expect(page.getByTestId('file-audit')).toContainText('受理急难型临时救助申请');

  // Printed as one file: the PDF reads back with what the file holds.
  await page.getByTestId('print-household-file').click();
  const sheet = page.getByTestId('household-file-print');
  await expect(sheet.getByText('刘振华家 一户一档')).toBeVisible();
  await expect(sheet).toContainText(first.itemNo);
  await screenshot(page, 'household-file-print');
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const pdfFile = path.join(ARTIFACTS, 'household-file.pdf');
  await page.pdf({ path: pdfFile, preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-']).toString();
  for (const s of ['刘振华家 一户一档', '二、救助保障及办理过程', '区级审批', '四、临时救助', '5,000.00 元', '五、问题台账', first.itemNo, again.itemNo, '1,045.00 元']) {
    expect(text, s).toContain(s);
  }
  expect(text).not.toContain('打印时不显示本工具栏');

  // The ledger at 1366 px: no sideways scrolling.
  await page.getByRole('button', { name: '返回' }).click();
  await page.getByRole('menuitem', { name: '问题台账' }).click();
  const table = page.getByTestId('ledger-table');
  await expect(table.locator('tbody tr[data-row-key]')).toHaveCount(2);
  await noSidewaysScroll(page);
  await screenshot(page, 'ledger-1366');

  // The second registration of the same problem is closed as 重复登记, linked to the first.
  await table.getByRole('link', { name: again.itemNo }).click();
  await closeAsDuplicate(page, first.itemNo);
  await expect(page.getByTestId('timeline')).toContainText(`与 ${first.itemNo} 重复`);
  await screenshot(page, 'ledger-item-duplicate');

  // Open items: only the first is left, and nothing scrolls sideways at 1440 px either.
  await page.getByRole('button', { name: '返回台账' }).click();
  await expect(table.locator('tbody tr[data-row-key]')).toHaveCount(1);
  await page.setViewportSize({ width: 1440, height: 900 });
  await noSidewaysScroll(page);
});
