/**
 * 照料服务 end to end in browser mode: the 四有 board shows a new supported person's gaps; staff
 * assess self-care, register a caregiver, draw up and sign the agreement, issue the card, record a
 * visit and the emergency plan until all four are in place; preview and batch-print cards; the
 * agreement drawn up on screen prints to an A4 PDF with the parties filled in and page numbers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, screenshot, test, ARTIFACTS } from './fixtures';
import { startOwnApp, type OwnApp } from '../support/own-app';
import { makeIdNumber } from '../../shared/id-number';
import { caller, prepareCards, setCareSubsidies } from '../support/care-data';

const ADMIN = { username: 'zgzadmin', displayName: '王建华', password: 'zgz-admin-2026' };
const CAREGIVER_ID = makeIdNumber('120110', '19720305', 318);
const OUT = path.resolve(ARTIFACTS, '../pdf');

async function pick(page: Page, label: string, option: string, scope = page.locator('body')) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

test.describe.configure({ mode: 'serial' });

// Its own backend: the data below (counts, order on the board) must not meet other spec files' data.
let app: OwnApp;
test.beforeAll(async () => {
  app = await startOwnApp();
});
test.afterAll(async () => {
  await app?.close();
});

test('care for a supported person, from gaps to the four in place, and printing', async ({ page }) => {
  test.setTimeout(240_000);
  fs.mkdirSync(OUT, { recursive: true });
  const setUp = await app.backend.call(
    'setup.initialize',
    { streetCode: '120110001000', streetName: '张贵庄街道', officeName: '张贵庄街道公共服务办公室', admin: ADMIN },
    null,
  );
  expect(setUp.ok).toBe(true);
  const token = (setUp as { result: { token: string } }).result.token;
  setCareSubsidies(app.backend, '120110001000');
  const call = caller(app.backend, token);
  const communities = await call<{ id: string }[]>('org.listCommunities', {});
  await call('registry.createHousehold', {
    household: { communityId: communities[0]!.id, address: '詹滨西里7号楼1门102', hukouType: 'urban', categories: ['tekun-home'] },
    members: [{ name: '孙桂兰', idNumber: makeIdNumber('120110', '19380411', 122), relation: '02' }],
  });
  await prepareCards(call, 7, { seqStart: 400 });

  await page.goto(app.url);
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('密码').fill(ADMIN.password);
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByText('家庭列表').first()).toBeVisible();

  // The board: the new person first, with all four gaps.
  await page.getByRole('menuitem', { name: /照料服务/ }).click();
  const board = page.getByTestId('care-board');
  const first = board.locator('tbody tr[data-row-key]').first();
  await expect(first).toContainText('孙桂兰');
  for (const g of ['未签订照料协议', '未发放照料服务卡', '无探访记录', '无应急预案']) await expect(first).toContainText(g);
  await screenshot(page, 'care-01-board-gaps');

  // Assessment: two of six not managed → 部分丧失.
  await first.getByText('孙桂兰').click();
  const profile = page.getByTestId('profile-section');
  await expect(profile.getByTestId('self-care-result')).toContainText('尚未评估完');
  await expect(profile.getByRole('button', { name: '保存评估' })).toBeDisabled();
  for (const l of ['自主吃饭', '穿衣', '上下床', '如厕']) await profile.getByRole('radiogroup', { name: l }).getByText('能', { exact: true }).click();
  for (const l of ['室内行走', '洗澡']) await profile.getByRole('radiogroup', { name: l }).getByText('不能', { exact: true }).click();
  await expect(profile).toContainText('部分丧失生活自理能力');
  await profile.getByRole('button', { name: '保存评估' }).click();
  await expect(page.getByText('评估已保存')).toBeVisible();

  // Agreement with a newly registered caregiver; a wrong ID check digit is refused first.
  await page.getByTestId('agreement-section').getByRole('button', { name: '拟定协议' }).click();
  const agreementModal = page.locator('.ant-modal').filter({ hasText: '拟定委托照料服务协议' });
  await agreementModal.getByRole('button', { name: '登记新照料服务人' }).click();
  const cg = page.locator('.ant-modal').filter({ hasText: '登记照料服务人' });
  await cg.getByLabel('照料服务人姓名').fill('周福海');
  const wrong = CAREGIVER_ID.slice(0, 17) + (CAREGIVER_ID[17] === '1' ? '2' : '1');
  await cg.getByLabel('照料服务人身份证号码').fill(wrong);
  await pick(page, '与供养对象关系', '邻居', cg);
  await cg.getByLabel('照料服务人电话').fill('13820007788');
  await cg.getByRole('button', { name: '保存' }).click();
  await expect(cg.getByText(/校验位错误/).first()).toBeVisible();
  await cg.getByLabel('照料服务人身份证号码').fill(CAREGIVER_ID);
  await cg.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已登记照料服务人 周福海')).toBeVisible();
  await expect(agreementModal.getByLabel('照料服务人')).toBeVisible();
  await expect(agreementModal).toContainText('周福海');
  await screenshot(page, 'care-02-agreement-form');
  await agreementModal.getByRole('button', { name: '保存草稿' }).click();
  const agreements = page.getByTestId('agreement-section');
  await expect(agreements).toContainText('草稿');
  await expect(agreements).toContainText('600.00 元/月（半失能）');
  await agreements.getByRole('button', { name: '签订' }).click();
  await page.getByRole('button', { name: '确认签订' }).click();
  await expect(agreements).toContainText('已签订');

  // Card.
  await page.getByTestId('card-section').getByRole('button', { name: '发放照料服务卡' }).click();
  await page.getByLabel('街道联系电话').fill('022-24390000');
  await page.getByRole('button', { name: '发卡', exact: true }).click();
  const cardNumber = (await page.getByTestId('card-number').first().textContent())!.trim();
  expect(cardNumber).toMatch(/^ZL-120110001000-\d{4}-\d{2}-\d{4}$/);

  // Visit and emergency plan → all four in place.
  await page.getByTestId('visit-section').getByRole('button', { name: '新增探访记录' }).click();
  await page.getByLabel('探访内容').fill('入户查看饮食起居，照料到位');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('探访记录已保存')).toBeVisible();
  const plan = page.getByTestId('plan-section');
  await plan.getByLabel('紧急联系人1姓名').fill('孙立新');
  await plan.getByLabel('紧急联系人1关系').fill('侄子');
  await plan.getByLabel('紧急联系人1电话').fill('13900002233');
  await plan.getByLabel('就近医院').fill('东丽医院');
  await plan.getByLabel('应急处置措施').fill('拨打120送东丽医院，通知社区和照料服务人');
  await plan.getByRole('button', { name: '保存应急预案' }).click();
  await expect(page.getByText('应急预案已保存')).toBeVisible();
  const haves = page.getByTestId('four-haves');
  for (const h of ['agreement', 'standard', 'visits', 'plan']) await expect(haves.getByTestId(`have-${h}`)).toContainText('✓');
  await screenshot(page, 'care-03-person-complete');

  // Print preview of the card in the app.
  await page.getByTestId('card-section').getByRole('button', { name: '打印预览' }).click();
  const preview = page.getByTestId('print-preview');
  await expect(preview.getByTestId('care-card')).toContainText('孙桂兰');
  await expect(preview.getByTestId('care-card')).toContainText(cardNumber);
  await screenshot(page, 'care-04-card-preview');
  await page.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();

  // Batch: all cards issued this month, eight on one A4 sheet.
  await page.goto(`${app.url}/#/care/cards`);
  const table = page.getByTestId('card-table');
  await expect(table.locator('tbody tr[data-row-key]')).toHaveCount(8);
  await table.locator('thead .ant-checkbox-input').check();
  await page.getByTestId('print-selected').click();
  await expect(page.getByTestId('print-preview').getByTestId('a4-sheet')).toHaveCount(1);
  await expect(page.getByTestId('print-preview').getByTestId('care-card')).toHaveCount(8);
  await screenshot(page, 'care-05-batch-preview');
  const popupPromise = page.waitForEvent('popup');
  await page.getByTestId('print-button').click();
  // 孙桂兰's card was issued without a 街道联系人 (none is invented): the print names the blank and asks first.
  await expect(page.getByTestId('missing-confirm')).toContainText(/孙桂兰（ZL-[0-9-]+）：街道联系人/);
  await page.getByRole('button', { name: '仍要打印' }).click();
  const popup = await popupPromise;
  await popup.evaluate(() => (window.print = () => undefined));
  await expect(popup.locator('html[data-print-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
  await popup.emulateMedia({ media: 'print' });
  const sheetPdf = path.join(OUT, 'ui-cards-a4-8up.pdf');
  await popup.pdf({ path: sheetPdf, preferCSSPageSize: true, printBackground: true });
  await popup.close();
  const sheetText = execFileSync('pdftotext', ['-layout', sheetPdf, '-'], { encoding: 'utf8' });
  expect(sheetText).toContain(cardNumber);
  expect(sheetText).toContain('孙桂兰');
  expect(execFileSync('pdfinfo', [sheetPdf], { encoding: 'utf8' })).toMatch(/Pages:\s+1\b/);

  // The agreement drawn up on screen, as a PDF.
  const detail = await call<{ agreements: { id: string }[] }>('care.getPerson', {
    personId: (await call<{ personId: string; name: string }[]>('care.board', {})).find((r) => r.name === '孙桂兰')!.personId,
  });
  await page.goto(`${app.url}/#/print/care-agreement?id=${detail.agreements[0]!.id}&mode=pdf`);
  await page.reload();
  await expect(page.locator('html[data-print-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
  await page.emulateMedia({ media: 'print' });
  const agreementPdf = path.join(OUT, 'ui-agreement.pdf');
  await page.pdf({ path: agreementPdf, preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', agreementPdf, '-'], { encoding: 'utf8' });
  for (const s of ['孙桂兰', '周福海', CAREGIVER_ID, '张贵庄街道公共服务办公室', '600.00 元（半失能）']) expect(text).toContain(s);
  expect(text).toMatch(/第\s*1\s*页\s*共\s*\d\s*页/);

  // Every preview, print and export above left an audit event.
  const audit = await call<{ rows: { action: string }[] }>('audit.list', { pageSize: 200 });
  const actions = audit.rows.map((r) => r.action);
  for (const a of ['care.previewPrint', 'care.print', 'care.exportPdf']) expect(actions).toContain(a);
});
