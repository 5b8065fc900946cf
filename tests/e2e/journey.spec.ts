/**
 * A day at the office on the demo street at 1366×768 (issue 18, "What it must show"): the demo is
 * loaded with its year of history and signed into; 淑兰 finds 耿淑兰; her household's file (一户一档)
 * shows her 低保边缘 enrolment, its confirmed monthly payments and her ledger items; the problem
 * registered twice is closed as 重复登记; a new household's typo'd ID is caught when the field is
 * left; a half-filled form asks before it is left; a care card with nothing optional entered prints
 * its blanks as blanks, and its QR code, read back by jsQR from the printed PDF, opens the person
 * from the search box.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { makeIdNumber } from '../../shared/id-number';
import { cardCode } from '../../shared/care/card-code';
import { ARTIFACTS, expect, screenshot, test } from './fixtures';
import { readQrWithJsqr } from '../support/qr-image';
import { readDb } from '../support/side-store';
import { backendCall, closeAsDuplicate, noSidewaysScroll, signInAs } from '../support/ui';
import { goHash } from '../support/assistance-street';

const OUT = path.resolve(ARTIFACTS, '../pdf');

test.use({ viewport: { width: 1366, height: 768 } });



interface Item {
  id: string;
  itemNo: string;
  status: string;
  source: string;
  category: string;
}

test('a day on the demo street: 耿淑兰’s file, a repeat closed, a new household, a form left, a care card printed and scanned', async ({ page, app }) => {
  test.setTimeout(360_000);
  fs.mkdirSync(OUT, { recursive: true });

  // The demo, with its year, loaded from the first screen.
  await page.goto(app.url);
  await page.getByRole('button', { name: '使用演示数据' }).click();
  await expect(page.getByLabel('用户名')).toBeVisible({ timeout: 180_000 });
  await signInAs(page, 'demo', 'demo');
  await page.getByTestId('wb-households').click(); // from the 工作台, the first screen
  const { token } = await backendCall<{ token: string }>(app.backend, null, 'auth.login', { username: 'demo', password: 'demo' });

  // 淑兰 finds 耿淑兰 (a given name, not the start of the name).
  await page.getByLabel('搜索').fill('淑兰');
  const row = page.locator('[data-testid=household-table] tbody tr[data-row-key]').filter({ hasText: '耿淑兰' });
  await expect(row).toHaveCount(1);
  await row.click();

  // Her file: the enrolment, its payments by month (confirmed batches), her ledger items.
  const file = page.getByTestId('household-file');
  await expect(page.getByTestId('file-summary')).toContainText('低保边缘（耿淑兰）');
  await file.getByRole('tab', { name: /救助保障/ }).click();
  const enrolments = page.getByTestId('file-enrolments');
  await expect(enrolments).toContainText('低保边缘');
  await expect(enrolments).toContainText('在保');
  await file.getByRole('tab', { name: /发放记录/ }).click();
  const payments = page.getByTestId('file-payments');
  await expect(payments.getByText('已确认').first()).toBeVisible();
  expect(await payments.getByText('已确认').count()).toBeGreaterThanOrEqual(6);
  await file.getByRole('tab', { name: /问题台账/ }).click();
  const fileLedger = page.getByTestId('file-ledger');
  await expect(fileLedger.locator('tbody tr[data-row-key]')).toHaveCount(3);
  await expect(fileLedger.locator('tbody tr[data-row-key]').last()).toContainText('回头看完成');
  await screenshot(page, 'journey-household-file-1366');

  // The problem came in twice (网格, then 热线): the second is closed as 重复登记 of the first.
  const householdId = page.url().split('#/households/')[1]!;
  const items = (await backendCall<{ rows: Item[] }>(app.backend, token, 'ledger.list', { householdId, status: 'open' })).rows;
  const first = items.find((i) => i.source === 'grid-report')!;
  const again = items.find((i) => i.source === 'hotline')!;
  expect(first.category).toBe('care');
  expect(again.category).toBe('care');
  await fileLedger.getByRole('link', { name: again.itemNo }).click();
  await closeAsDuplicate(page, first.itemNo);

  // The street's ledger at 1366 px: open items of the year, nothing scrolls sideways.
  await page.getByRole('menuitem', { name: '问题台账' }).click();
  const table = page.getByTestId('ledger-table');
  await expect(table.locator('tbody tr[data-row-key]').first()).toBeVisible();
  await noSidewaysScroll(page);
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 }); // the 销号 toast gone
  await screenshot(page, 'journey-ledger-1366');

  // A new household: a typo'd ID number is caught as soon as the field is left.
  await goHash(page, '#/households/new');
  const fields = page.getByTestId('household-fields');
  const community = fields.getByLabel('所属社区', { exact: true });
  await community.click();
  await community.pressSequentially('詹滨西里');
  await community.press('Enter');
  await fields.getByLabel('家庭住址').fill('詹滨西里21号楼1门101');
  const m0 = page.getByTestId('member-0');
  await m0.getByLabel('姓名').fill('程国庆');
  const id = makeIdNumber('120110', '19611001', 917);
  const typo = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
  await m0.getByLabel('身份证号码').pressSequentially(typo);
  await m0.getByLabel('身份证号码').press('Tab');
  const typoMessage = m0.getByText(`身份证号码校验位错误：最后一位应为 ${id[17]}，请核对号码`);
  await expect(typoMessage).toBeVisible();
  await typoMessage.scrollIntoViewIfNeeded();
  await screenshot(page, 'journey-id-typo');
  await m0.getByLabel('身份证号码').fill(id);
  await m0.getByLabel('身份证号码').press('Tab');
  await expect(m0.getByText(/身份证号码校验位错误/)).toBeHidden();
  await page.getByRole('button', { name: /保存（Ctrl\+S）/ }).click();
  await expect(page.getByRole('heading', { name: /程国庆家/ })).toBeVisible();
  expect(readDb(app.dataDir, 'SELECT id_number FROM persons WHERE name = ?', '程国庆')).toEqual({ id_number: id });

  // Another one, half filled and left by the menu: asked first, kept on 继续填写, gone on 放弃.
  await goHash(page, '#/households/new');
  await fields.getByLabel('家庭住址').fill('詹滨西里22号楼2门202');
  await page.getByRole('menuitem', { name: '问题台账' }).click();
  const ask = page.getByRole('dialog').filter({ hasText: '放弃新建家庭？' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: '继续填写' }).click();
  await expect(fields.getByLabel('家庭住址')).toHaveValue('詹滨西里22号楼2门202');
  await page.getByRole('menuitem', { name: '问题台账' }).click();
  await ask.getByRole('button', { name: '放弃并离开' }).click();
  await expect(page).toHaveURL(/#\/ledger/);
  expect(readDb(app.dataDir, "SELECT count(*) AS n FROM households WHERE address = '詹滨西里22号楼2门202'")).toEqual({ n: 0 });

  // A care card issued with nothing optional entered (no street contact, no emergency plan).
  const card = readDb(
    app.dataDir,
    `SELECT c.id, c.card_number AS cardNumber, c.person_id AS personId, p.name FROM care_cards c JOIN persons p ON p.id = c.person_id
      WHERE c.street_contact IS NULL AND c.status = 'active'`,
  ) as { id: string; cardNumber: string; personId: string; name: string };
  expect(card).toBeTruthy();
  await page.emulateMedia({ media: 'print' });
  await page.goto(`${app.url}/#/print/care-cards?ids=${card.id}&layout=single&mode=pdf`);
  await page.reload();
  await expect(page.locator('html[data-print-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
  const face = page.getByTestId('care-card');
  const blanks = (label: string) => face.locator('.card-row', { has: page.locator('.card-label', { hasText: label }) }).locator('[data-blank=true]');
  await expect(blanks('街道联系人')).toHaveCount(2);
  await expect(blanks('应急')).toHaveCount(1);
  const pdf = path.join(OUT, 'journey-care-card.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain(card.cardNumber);
  expect(text).toContain(card.name);
  // Nothing invented: not the signed-in user as contact, no placeholder plan.
  expect(text).not.toContain('演示管理员');
  expect(text).not.toContain('见应急预案');
  const box = (await page.locator('.card-qr').first().boundingBox())!;
  execFileSync('pdftoppm', ['-r', '600', pdf, path.join(OUT, 'journey-card-qr')]);
  const ppm = fs.readdirSync(OUT).find((f) => f.startsWith('journey-card-qr') && f.endsWith('.ppm'))!;
  const px = 600 / 96;
  const code = readQrWithJsqr(fs.readFileSync(path.join(OUT, ppm)), { x: box.x * px - 10, y: box.y * px - 10, w: box.width * px + 20, h: box.height * px + 20 });
  expect(code).toBe(cardCode(card.cardNumber));

  // The code, scanned into the search box (a scanner types it and presses Enter), opens the person.
  await page.emulateMedia({ media: 'screen' });
  await page.goto(app.url);
  await page.getByTestId('wb-households').click(); // the search box is the household list's, one click from the 工作台
  await page.getByLabel('搜索').fill(code!);
  await page.getByLabel('搜索').press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/care/person/${card.personId}$`));
  await expect(page.getByText(card.name).first()).toBeVisible();
});
