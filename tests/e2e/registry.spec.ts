/**
 * The foundation's end-to-end path in browser mode, as a street office uses it: sign in, register a
 * household of two (a wrong check digit is refused), find it by pinyin initials and by part of an ID
 * number, edit a member, export the list and read the file back, import a workbook with a bad row.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { computeCheckChar, makeIdNumber } from '../../shared/id-number';
import { withBase64File } from '../../electron/host/host';

const HEAD_ID = makeIdNumber('120110', '19560312', 123);
const WIFE_ID = makeIdNumber('120110', '19580701', 246);
const ADMIN = { username: 'zgzadmin', displayName: '王建华', password: 'zgz-admin-2026' };

/**
 * Chooses an option of a searchable antd Select by typing it and pressing Enter (a pointer click on a
 * dropdown that is still animating open is sometimes lost), then checks the choice took.
 */
async function pickOption(page: Page, label: string, option: string, scope = page.locator('body')) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(option);
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active')).toHaveAttribute(
    'title',
    option,
  );
  await input.press('Enter');
  const item = scope.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });
  await expect(item.locator('.ant-select')).toContainText(option);
}

function tableRows(page: Page) {
  return page.locator('[data-testid=household-table] tbody tr[data-row-key]');
}

test.describe.configure({ mode: 'serial' });

test('a street office keeps its registry end to end', async ({ page, app }) => {
  // One long user journey; generous on shared, loaded machines.
  test.setTimeout(180_000);
  const setUp = await app.backend.call(
    'setup.initialize',
    {
      streetCode: '120110001000',
      streetName: '张贵庄街道',
      officeName: '张贵庄街道公共服务办公室',
      admin: ADMIN,
    },
    null,
  );
  expect(setUp.ok).toBe(true);

  // Sign in (a wrong password first).
  await page.goto(app.url);
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByText(/用户名或密码错误/)).toBeVisible();
  await screenshot(page, '01-login-error');
  await page.getByLabel('密码').fill(ADMIN.password);
  await page.getByLabel('密码').press('Enter');
  await page.getByTestId('wb-households').click(); // from the 工作台, the first screen
  await expect(page.getByText('家庭列表').first()).toBeVisible();
  await screenshot(page, '02-empty-list');

  // New household with two members; the first ID number has a wrong check digit.
  await page.goto(`${app.url}/#/households/new`);
  const household = page.getByTestId('household-fields');
  await pickOption(page, '所属社区', '詹滨西里社区', household);
  await household.getByLabel('家庭住址').fill('詹滨西里3号楼2门301');
  await household.getByLabel('联系电话').fill('13900001111');
  // 低保 and the other programmes come from 纳入救助 (one truth): the form offers only situations.
  await household.getByLabel('独居/空巢/失能老人', { exact: true }).check();
  const m0 = page.getByTestId('member-0');
  await m0.getByLabel('姓名').fill('张建国');
  const wrongDigit = HEAD_ID[17] === '0' ? '1' : '0';
  await m0.getByLabel('身份证号码').fill(HEAD_ID.slice(0, 17) + wrongDigit);
  await expect(m0.getByText(`身份证号码校验位错误：最后一位应为 ${HEAD_ID[17]}，请核对号码`)).toBeVisible();
  await screenshot(page, '03-wrong-check-digit');
  await m0.getByLabel('身份证号码').fill(HEAD_ID);
  await expect(m0.getByTestId('id-number-hint')).toContainText('1956');
  await page.getByRole('button', { name: '添加成员' }).click();
  const m1 = page.getByTestId('member-1');
  await m1.getByLabel('姓名').fill('李秀英');
  await m1.getByLabel('身份证号码').fill(WIFE_ID);
  await pickOption(page, '与户主关系', '妻', m1);
  await screenshot(page, '04-new-household');
  await page.getByRole('button', { name: /保存（Ctrl\+S）/ }).click();
  await expect(page.getByRole('heading', { name: /张建国家/ })).toBeVisible();
  await expect(page.getByTestId('member-table')).toContainText(WIFE_ID);
  await screenshot(page, '05-household-detail');

  // Find it by pinyin initials and by part of an ID number.
  await page.goto(`${app.url}/#/households`);
  const search = page.getByLabel('搜索');
  await search.fill('zjg');
  await expect(tableRows(page)).toHaveCount(1);
  await expect(tableRows(page).first()).toContainText('张建国');
  await expect(tableRows(page).first()).toContainText(`120110********${HEAD_ID.slice(-4)}`);
  await screenshot(page, '06-search-initials');
  await search.fill(WIFE_ID.slice(6, 14));
  await expect(tableRows(page)).toHaveCount(1);
  await expect(page.getByTestId('matched-members')).toContainText('李秀英');
  await screenshot(page, '07-search-id-fragment');
  await search.fill('wangwu');
  await expect(tableRows(page)).toHaveCount(0);

  // Edit a member.
  await search.fill('zjg');
  await tableRows(page).first().click();
  await page.getByRole('button', { name: '编辑 李秀英' }).click();
  const drawer = page.getByRole('dialog', { name: /编辑成员/ });
  await drawer.getByLabel('姓名').fill('李秀梅');
  await drawer.getByLabel('联系电话').fill('13622223333');
  await screenshot(page, '08-edit-member');
  await drawer.getByRole('button', { name: /保存（Ctrl\+S）/ }).click();
  await expect(page.getByTestId('member-table')).toContainText('李秀梅');
  await expect(page.getByTestId('member-table')).not.toContainText('李秀英');

  // Export the list and read the file back.
  await page.goto(`${app.url}/#/households`);
  await expect(tableRows(page)).toHaveCount(1);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: /导出Excel/ }).click();
  const confirm = page.getByRole('button', { name: /确定导出|导出/ }).last();
  if (await confirm.isVisible().catch(() => false)) await confirm.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^家庭名单_张贵庄街道_\d{8}\.xlsx$/);
  const exported = path.join(os.tmpdir(), `doudi-export-${Date.now()}.xlsx`);
  await download.saveAs(exported);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(exported);
  const families = book.getWorksheet('家庭名单')!;
  expect(families.rowCount).toBe(2);
  const cellOf = (sheetName: string, rowNo: number, header: string) => {
    const ws = book.getWorksheet(sheetName)!;
    let col = -1;
    ws.getRow(1).eachCell((cell, n) => {
      if (cell.text === header) col = n;
    });
    expect(col, `${sheetName} has column ${header}`).toBeGreaterThan(0);
    return ws.getRow(rowNo).getCell(col).text;
  };
  expect(cellOf('家庭名单', 2, '户主姓名')).toBe('张建国');
  expect(cellOf('家庭名单', 2, '户主身份证号')).toBe(HEAD_ID);
  const memberNames = [2, 3].map((r) => cellOf('成员名单', r, '姓名'));
  expect(memberNames.sort()).toEqual(['张建国', '李秀梅']);
  fs.rmSync(exported, { force: true });

  // Import a workbook made from the template, with one bad row.
  // the host hands a file over as bytes; the shells encode it for the window (electron/host/host.ts)
  const template = withBase64File(await app.backend.call('registry.importTemplate', {}, (setUp as { result: { token: string } }).result.token));
  expect(template.ok).toBe(true);
  const tpl = new ExcelJS.Workbook();
  const bytes = Buffer.from((template as { result: { base64: string } }).result.base64, 'base64');
  await tpl.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const sheet = tpl.getWorksheet('导入数据')!;
  const header = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, n) => header.set(cell.text.replace(/[*＊\s]/g, ''), n));
  const col = (name: string) => header.get(name) ?? -1;
  const badFirst17 = '12011019700405311';
  const badId = badFirst17 + (computeCheckChar(badFirst17) === '0' ? '1' : '0');
  const rows = [
    { 户编号: 'A1', 社区: '振华里社区', 家庭住址: '振华里5号楼101', 户籍类型: '城镇', 救助类别: '低保边缘/低收入', 姓名: '刘志强', 身份证号码: makeIdNumber('120110', '19620815', 175), 与户主关系: '户主' },
    { 户编号: 'A1', 姓名: '刘小雨', 身份证号码: makeIdNumber('120110', '20100301', 228), 与户主关系: '女' },
    { 户编号: 'B2', 社区: '振华里社区', 家庭住址: '振华里7号楼302', 户籍类型: '城镇', 姓名: '赵德明', 身份证号码: badId, 与户主关系: '户主' },
  ];
  rows.forEach((r, i) => {
    const row = sheet.getRow(i + 2);
    for (const [k, v] of Object.entries(r)) {
      const c = col(k);
      expect(c, `template column ${k}`).toBeGreaterThan(0);
      row.getCell(c).value = v;
    }
    row.commit();
  });
  const importFile = path.join(os.tmpdir(), `doudi-import-${Date.now()}.xlsx`);
  await tpl.xlsx.writeFile(importFile);
  await page.getByRole('button', { name: '导入Excel' }).click();
  await page.getByTestId('import-file').setInputFiles(importFile);
  const errors = page.getByTestId('import-errors');
  await expect(errors).toContainText('4');
  await expect(errors).toContainText('身份证号码');
  await expect(errors).toContainText('校验位错误');
  await screenshot(page, '09-import-preview');
  await page.getByRole('button', { name: /导入有效的 1 户（2 人）/ }).click();
  await page.getByRole('button', { name: '仅导入有效行' }).click();
  await expect(page.getByText('已导入 1 户、2 人')).toBeVisible();
  await page.getByRole('button', { name: '完成' }).click();
  await page.getByLabel('搜索').fill('lzq');
  await expect(tableRows(page)).toHaveCount(1);
  // Clearing the search shows the whole street again. (Once in CI the cleared text did not reach the
  // list right after the import dialog closed; retried here, and noted on the issue for a look.)
  await expect(async () => {
    await page.getByLabel('搜索').fill('');
    await expect(page.getByTestId('household-total')).toContainText('全街道共 2 户', { timeout: 3000 });
  }).toPass({ timeout: 20_000 });
  await screenshot(page, '10-list-after-import');
  fs.rmSync(importFile, { force: true });
});
