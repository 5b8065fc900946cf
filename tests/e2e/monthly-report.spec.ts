/**
 * 统计报表 (issue 15), on the demo street against the real backend: the side navigation opens the
 * monthly 调度 report of this month so far, every table with its Chinese headers and its 口径, the
 * coverage chart drawn; last month by the month picker, exported to Excel through the button (read
 * back with exceljs: a sheet per table, the street and month in the title row, the page's figure)
 * and printed through 打印 to an A4 PDF (read back with pdftotext: the tables, 口径, page numbers,
 * 制表人 / 审核人 / 日期 lines and the page's figure).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from '@playwright/test';
import { ARTIFACTS, expect, screenshot, test } from './fixtures';
import { signInAs } from '../support/ui';

test.use({ viewport: { width: 1366, height: 768 } });

const TABLES = ['screening', 'problems', 'ledger', 'temporary', 'programmes', 'entitlements', 'care', 'left-behind'];

/** The text of a table's 合计 row under a column header, as the page shows it. */
async function totalCell(table: Locator, header: string): Promise<string> {
  const headers = (await table.locator('thead th').allInnerTexts()).map((t) => t.trim());
  const at = headers.indexOf(header);
  expect(at, header).toBeGreaterThan(0);
  const row = table.locator('tbody tr').filter({ hasText: '合计' }).last();
  return (await row.locator('td').nth(at).innerText()).trim();
}

/** Coloured pixels drawn on the chart's canvas (not a blank canvas). */
async function drawnPixels(chart: Locator): Promise<number> {
  return chart.locator('canvas').first().evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  });
}

async function readDownload(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
  return { name: download.suggestedFilename(), wb };
}

test('the monthly report on the demo street: tables with 口径, the chart, its Excel export and its print', async ({ page, app }) => {
  test.setTimeout(400_000);
  await page.goto(app.url);
  await page.getByRole('button', { name: '使用演示数据' }).click();
  await expect(page.getByLabel('用户名')).toBeVisible({ timeout: 200_000 });
  await signInAs(page, 'demo', 'demo');

  await page.getByRole('menuitem', { name: '统计报表' }).click();
  await expect(page).toHaveURL(/#\/reports/);
  await expect(page.getByText('本月截至今日，数字仍会变化')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('report-toolbar')).toBeVisible();
  for (const key of TABLES) {
    await expect(page.getByTestId(`report-table-${key}`)).toBeVisible();
    await expect(page.getByTestId(`report-definition-${key}`)).toContainText('口径：');
  }
  const screening = page.getByTestId('report-table-screening');
  await expect(screening.getByRole('columnheader', { name: '应排查户数' })).toBeVisible();
  await expect(screening.getByRole('row').filter({ hasText: '合计' })).toContainText('%');

  // The coverage chart by community: its container, a canvas with something drawn on it.
  const chart = page.getByTestId('coverage-chart');
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute('aria-label', /各社区排查覆盖情况/);
  await expect.poll(() => drawnPixels(chart), { timeout: 10_000 }).toBeGreaterThan(1000);
  await expect(page.getByTestId('trend-chart').locator('canvas')).toBeVisible({ timeout: 60_000 });
  await screenshot(page, 'monthly-report-current');
  await page.screenshot({ path: path.join(ARTIFACTS, 'monthly-report-current-full.png'), fullPage: true });

  // Last month, by the month picker: a finished month, its payments in 元.
  const clock = (await app.backend.call('app.clock', {}, null)) as { ok: true; result: { today: string } };
  const [year, thisMonth] = clock.result.today.split('-').map(Number) as [number, number];
  const last = thisMonth === 1 ? { y: year - 1, m: 12 } : { y: year, m: thisMonth - 1 };
  const monthName = `${last.y}年${last.m}月`;
  await page.getByLabel('统计月份').click();
  if (thisMonth === 1) await page.locator('.ant-picker-header-super-prev-btn').click();
  await page.locator('.ant-picker-month-panel .ant-picker-cell-in-view').nth(last.m - 1).click();
  await expect(page.getByText('本月截至今日，数字仍会变化')).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`month=${last.y}-${String(last.m).padStart(2, '0')}`));
  await expect(page.getByTestId('report-table-programmes').getByRole('row').filter({ hasText: '合计' })).toContainText('元');
  await expect(page.getByTestId('trend-chart').locator('canvas')).toBeVisible({ timeout: 60_000 });
  await screenshot(page, 'monthly-report-previous');

  const street = (await page.getByTestId('report-street').innerText()).trim();
  expect(street).toContain('街道');
  const planned = await totalCell(screening, '应排查户数');
  expect(planned).toMatch(/^[\d,]+$/);
  const plannedNumber = Number(planned.replace(/,/g, ''));
  expect(plannedNumber).toBeGreaterThan(0);

  // 导出Excel: one sheet per table, the street and month in the title row, the page's figure.
  const { name, wb } = await readDownload(page, () => page.getByTestId('report-export').click());
  expect(name).toBe(`${street}${monthName}调度报表.xlsx`);
  expect(wb.worksheets).toHaveLength(TABLES.length);
  for (const ws of wb.worksheets) {
    const title = String(ws.getCell(1, 1).value);
    expect(title).toContain(street);
    expect(title).toContain(monthName);
    expect(ws.getCell(2, 1).value).toBe('项目');
    expect(ws.getRow(ws.rowCount).getCell(1).value).toEqual(expect.stringMatching(/^口径：/));
  }
  const sheet = wb.getWorksheet('排查覆盖情况')!;
  expect(sheet).toBeDefined();
  const headers = (sheet.getRow(2).values as unknown[]).map(String);
  const col = headers.indexOf('应排查户数');
  expect(col).toBeGreaterThan(1);
  let totalRow = 0;
  sheet.eachRow((row, n) => {
    if (row.getCell(1).value === '合计') totalRow = n;
  });
  expect(totalRow).toBeGreaterThan(2);
  expect(sheet.getRow(totalRow).getCell(col).value).toBe(plannedNumber);

  // 打印: the print route of the same month, then Chromium's PDF on A4 portrait.
  await page.getByTestId('report-print').click();
  await expect(page).toHaveURL(/#\/print\/monthly-report/);
  await expect(page.locator('html')).toHaveAttribute('data-print-ready', 'true', { timeout: 30_000 });
  const doc = page.getByTestId('monthly-report-print');
  await expect(doc.getByRole('heading', { name: `${street}${monthName}调度报表` })).toBeVisible();
  await expect(page).toHaveTitle(`${street}${monthName}调度报表`);
  await expect(doc.getByTestId('print-table-screening').locator('tr.total')).toContainText(planned);
  // Rows grouped more than one way print under a heading per group, as the page tags them.
  await expect(doc.getByTestId('print-table-screening').locator('tr.group')).toHaveText(['按社区', '按群体']);
  await expect(doc.getByTestId('print-table-problems').locator('tr.group')).toHaveText(['按类别', '按分级', '按来源']);
  const printChart = doc.getByTestId('coverage-chart');
  await expect.poll(() => drawnPixels(printChart), { timeout: 10_000 }).toBeGreaterThan(1000);
  await screenshot(page, 'monthly-report-print');

  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const pdfFile = path.join(ARTIFACTS, 'monthly-report.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdfFile, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const info = execFileSync('pdfinfo', [pdfFile]).toString();
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? [];
  expect(Math.round(Number(w))).toBe(595); // A4 portrait, in points
  expect(Math.round(Number(h))).toBe(842);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  expect(pages).toBeGreaterThan(1);
  execFileSync('pdftoppm', ['-png', '-r', '60', pdfFile, path.join(ARTIFACTS, 'monthly-report-pdf')]);
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-']).toString();
  const flat = text.replace(/\s+/g, ' ');
  const numerals = ['一', '二', '三', '四', '五', '六', '七', '八'];
  for (const [i, key] of TABLES.entries()) {
    const title = (await page.getByTestId(`print-table-${key}`).locator('xpath=preceding-sibling::h2[1]').innerText()).trim();
    expect(title.startsWith(`${numerals[i]}、`), title).toBe(true);
    expect(flat, key).toContain(title);
    // Each 口径 under its table (its first words; pdftotext wraps long lines).
    const definition = (await page.getByTestId(`print-table-${key}`).locator('xpath=following-sibling::p[1]').innerText()).trim();
    expect(definition.startsWith('口径：')).toBe(true);
    expect(flat, key).toContain(definition.slice(0, 15));
  }
  expect(flat).toContain(`${street}${monthName}调度报表`);
  for (const s of ['主要指标：排查覆盖率', '按社区', '按群体', '按类别', '按分级', '按来源', '制表人：', '审核人：', '日期：']) expect(flat, s).toContain(s);
  // The page's figure on the screening table's 合计 line, between its title and its 口径.
  const screeningPart = text.slice(text.indexOf('一、排查覆盖情况'), text.indexOf('二、'));
  const totalLine = screeningPart.split('\n').find((l) => l.trim().startsWith('合计'));
  expect(totalLine, screeningPart).toBeDefined();
  expect(totalLine!.trim().split(/\s+/)).toContain(planned);
  // Every page numbered in its margin (pdftotext drops the spaces of the margin box).
  for (let n = 1; n <= pages; n++) expect(flat).toMatch(new RegExp(`第\\s*${n}\\s*页\\s*共\\s*${pages}\\s*页`));
  expect(text).not.toContain('打印时不显示本工具栏');
  // The signature lines close the document: on its last page, after the last table's 口径.
  const lastPage = text.split('\f').filter((p) => p.trim()).at(-1)!;
  expect(lastPage).toContain('制表人');
  expect(flat.indexOf('制表人')).toBeGreaterThan(flat.indexOf('八、'));
});
