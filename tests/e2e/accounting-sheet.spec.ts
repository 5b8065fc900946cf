/**
 * The 核算 step end to end (browser mode): the 入户调查 dialog shows the whole working before anyone
 * approves (with a warning above the line), the enrolment page keeps the stored working, and the
 * 核算单 prints to an A4 PDF whose text (pdftotext) carries the names, figures and parameter sources.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { makeIdNumber } from '../../shared/id-number';
import { workingHousehold } from '../../electron/backend/testing/working-household';
import { atShanghai, goHash, openSignedIn, setUpAssistanceStreet } from '../support/assistance-street';
import { ARTIFACTS, expect, screenshot, test } from './fixtures';

const OUT = path.resolve(ARTIFACTS, '../pdf');

test('the 入户调查 dialog shows the working; the 核算单 prints it to PDF', async ({ page, app, clock }) => {
  test.setTimeout(180_000);
  fs.mkdirSync(OUT, { recursive: true });
  // Monday 2026-03-16 10:00 Shanghai: the 1,045.00 standard (from 2025-09-01) is in force.
  atShanghai(clock, '2026-03-16T10:00:00');
  const { call, communityId } = await setUpAssistanceStreet(app.backend);
  const hh = await call<{ id: string }>('registry.createHousehold', workingHousehold(communityId));
  const e = await call<{ id: string }>('assistance.apply', { programme: 'dibao', householdId: hh.id, note: '本人申请' });
  const rich = await call<{ id: string }>('registry.createHousehold', {
    household: { communityId, address: '詹滨西里9号', hukouType: 'urban', categories: [] },
    members: [{ name: '孙富', relation: '02', idNumber: makeIdNumber('120110', '19650303', 33), incomes: [{ kind: 'transfer', monthlyFen: 200000 }] }],
  });
  const above = await call<{ id: string }>('assistance.apply', { programme: 'dibao', householdId: rich.id });

  await page.setViewportSize({ width: 1366, height: 900 });
  await openSignedIn(page, app.url);

  // Above the line: the dialog warns before anything is recorded.
  await goHash(page, `#/assistance/enrolments/${above.id}`);
  await page.getByTestId('step-investigate').click();
  await expect(page.getByTestId('working-line-warning')).toContainText('核定家庭月人均收入 2,000.00 元，不低于低保标准 1,045.00 元');
  await page.getByRole('button', { name: '取消' }).click();

  // The household's working, shown live in the dialog.
  await goHash(page, `#/assistance/enrolments/${e.id}`);
  await page.getByTestId('step-investigate').click();
  const working = page.getByTestId('investigation-working');
  await expect(working.getByTestId('working-per-capita')).toHaveText('700.00 元');
  await expect(working).toContainText('工资性收入 1,500.00 元（保洁）');
  await expect(working).toContainText('就业奖励 −300.00 元（2020-06-12 起施行的参数）');
  await expect(working.getByTestId('working-amount')).toHaveText('（1,045.00 元 − 700.00 元）× 2 人 = 690.00 元');
  await expect(page.getByTestId('working-line-warning')).toHaveCount(0);
  await page.locator('.ant-modal').screenshot({ path: path.join(ARTIFACTS, 'investigation-working-dialog.png') });
  await page.getByTestId('step-note').fill('入户核实，收入属实');
  await page.getByTestId('step-ok').click();
  await expect(page.getByTestId('step-ok')).toBeHidden();

  // The page keeps the stored working.
  const stored = page.getByTestId('stored-working');
  await expect(stored).toContainText('收入核算（入户调查时，2026-03-16）');
  await expect(stored.getByTestId('working-amount')).toHaveText('（1,045.00 元 − 700.00 元）× 2 人 = 690.00 元');
  await screenshot(page, 'enrolment-stored-working');

  // The 核算单 as a PDF, read back with pdftotext.
  await page.emulateMedia({ media: 'print' });
  await page.goto(`${app.url}/#/print/accounting-sheet?id=${e.id}&mode=pdf`);
  await page.reload();
  await expect(page.locator('html[data-print-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
  const pdf = path.join(OUT, 'accounting-sheet.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)/);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  for (const s of [
    '低保（低保边缘）家庭收入核算单',
    '张贵庄街道',
    '詹滨西里7号楼3门201',
    '赵建国',
    '钱秀兰',
    '1,500.00 元（保洁）',
    '就业奖励 −300.00 元',
    '1,400.00 元 ÷ 2 人 = 700.00 元',
    '1,045.00 元',
    '690.00 元',
    '津民规〔2025〕6号',
    '2025-09-01 起施行',
    '调查人（签字）',
    '审核人（签字）',
  ]) {
    expect(text.replace(/\s+/g, ' '), s).toContain(s.replace(/\s+/g, ' '));
  }
  execFileSync('pdftoppm', ['-png', '-r', '80', pdf, path.join(OUT, 'accounting-sheet')]);
  // Printing it is audited.
  const audit = await call<{ total: number }>('audit.list', { action: 'assistance.accountingSheet.pdf' });
  expect(audit.total).toBeGreaterThanOrEqual(1);
});
