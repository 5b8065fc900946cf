/**
 * The monthly 调度 report's print (issue 15): #/print/monthly-report lays out the sample report on A4
 * portrait, each table with its 口径, the screening table with its chart by community, page numbers
 * and 制表人 / 审核人 / 日期 lines; the PDF is read back with pdftotext.
 * The report reaches the page as reports.monthly's answer (made on the branch `monthly`; here its HTTP
 * answer is the hand-built sample report, so the layout is checked on known figures).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sampleMonthlyReport } from '../../shared/reports/testing/sample-report';
import { ARTIFACTS, expect, screenshot, test } from './fixtures';
import { goHash, openSignedIn, setUpAssistanceStreet } from '../support/assistance-street';

test.use({ viewport: { width: 1366, height: 768 } });

test('the monthly report prints on A4 portrait with each table, its 口径, page numbers and the signature lines', async ({ page, app }) => {
  test.setTimeout(120_000);
  await setUpAssistanceStreet(app.backend);
  const report = sampleMonthlyReport();
  const asked: unknown[] = [];
  await page.route('**/api/reports.monthly', async (route) => {
    asked.push((JSON.parse(route.request().postData() ?? '{}') as { input?: unknown }).input);
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true, result: report }) });
  });
  await openSignedIn(page, app.url);
  await goHash(page, '#/print/monthly-report?month=2026-11&street=120110001000');

  const sheet = page.getByTestId('monthly-report-print');
  await expect(page.locator('html')).toHaveAttribute('data-print-ready', 'true');
  await expect(sheet.getByRole('heading', { name: '张贵庄街道2026年11月调度报表' })).toBeVisible();
  expect(asked).toEqual([{ month: '2026-11', streetCode: '120110001000' }]);
  await expect(sheet.getByTestId('print-table-screening')).toContainText('詹滨西里社区');
  await expect(sheet.getByTestId('print-table-temporary').locator('tr.total')).toContainText('36,100.50');
  await expect(sheet.getByTestId('coverage-chart').locator('canvas')).toBeVisible();
  await expect(page).toHaveTitle('张贵庄街道2026年11月调度报表');
  await screenshot(page, 'monthly-report-print');

  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const pdfFile = path.join(ARTIFACTS, 'monthly-report.pdf');
  await page.pdf({ path: pdfFile, preferCSSPageSize: true, printBackground: true });
  const info = execFileSync('pdfinfo', [pdfFile]).toString();
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? [];
  expect(Math.round(Number(w))).toBe(595); // A4 portrait, in points
  expect(Math.round(Number(h))).toBe(842);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  expect(pages).toBeGreaterThan(1);
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-']).toString();
  const flat = text.replace(/\s+/g, ' ');
  for (const t of report.tables) {
    expect(text, t.title).toContain(t.title);
    // Each 口径 under its table (its first words; pdftotext wraps long lines).
    expect(flat, t.key).toContain(`口径：${t.definition.slice(0, 12)}`);
  }
  for (const s of ['一、排查覆盖', '八、留守人员', '统计截至：2026-12-01 09:30', '排查覆盖率 94.7%', '36,100.50', '1,080,570.00', '83.3%', '制表人：', '审核人：', '日期：']) {
    expect(flat, s).toContain(s);
  }
  // Every page numbered in its margin (pdftotext drops the spaces of the margin box).
  for (let n = 1; n <= pages; n++) expect(flat).toMatch(new RegExp(`第\\s*${n}\\s*页\\s*共\\s*${pages}\\s*页`));
  expect(text).not.toContain('打印时不显示本工具栏');
  // The signature lines close the document: on its last page, after the last table's 口径.
  const last = text.split('\f').filter((p) => p.trim()).at(-1)!;
  expect(last).toContain('制表人');
  expect(flat.indexOf('制表人')).toBeGreaterThan(flat.indexOf('八、留守人员'));
});
