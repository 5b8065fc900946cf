/**
 * 照料服务 › 协议范本: the agreement wording is data the district revises, effective-dated. A misspelt
 * placeholder is refused where it is; a revision in force reaches the next agreement's print.
 */
import { expect, screenshot, test } from './fixtures';
import { caller, prepareCards, setCareSubsidies } from '../support/care-data';
import { initializeStreet, signIn } from '../support/street-setup';

const ADMIN = { username: 'admin', displayName: '王管理', password: 'admin-pass-1' };

test('协议范本: revise the template with a checked placeholder; new agreements print the revision', async ({ page, app, clock }) => {
  test.setTimeout(120_000);
  const token = await initializeStreet(app.backend, ADMIN);
  setCareSubsidies(app, '120110001000');

  await signIn(page, app.url, ADMIN);
  await page.getByRole('menuitem', { name: '照料服务' }).click();
  await page.getByRole('button', { name: '协议范本' }).click();
  const screen = page.getByTestId('care-template');
  await expect(screen.getByTestId('template-text')).toContainText('分散供养特困人员委托照料服务协议');
  await expect(screen.getByTestId('template-history').locator('tbody tr')).toHaveCount(1);

  await page.getByTestId('revise-template').click();
  await page.getByTestId('template-version').fill('东丽区2026年修订版');
  await page.getByTestId('template-preamble').fill('甲方{{office.name}}委托乙方{{caregiver.nmae}}提供照料服务。');
  const today = clock.now().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  await page.getByTestId('template-date').click();
  await page.getByTestId('template-date').fill(today);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /保存修订/ }).click();
  const form = page.getByTestId('template-form');
  await expect(form.getByText('前言中的占位符{{caregiver.nmae}}无法识别')).toBeVisible();
  await screenshot(page, 'care-07-template-editor');
  await expect(screen.getByTestId('template-history').locator('tbody tr')).toHaveCount(1);

  await page.getByTestId('template-preamble').fill('甲方{{office.name}}委托乙方{{caregiver.name}}提供照料服务。');
  await page.getByRole('button', { name: /保存修订/ }).click();
  await expect(page.getByText('范本已保存：自生效日期起新起草的协议使用新范本')).toBeVisible();
  await expect(screen.getByTestId('template-history').locator('tbody tr')).toHaveCount(2);
  await expect(screen.getByTestId('template-text')).toContainText('委托乙方照料服务人姓名提供照料服务');
  await expect(screen.getByText(/东丽区2026年修订版（.* 起，现行）/)).toBeVisible();
  await screenshot(page, 'care-06-template');

  // The next agreement is drawn up with the revision, its parties filled in.
  const call = caller(app.backend, token);
  const [card] = await prepareCards(call, 1);
  const doc = await call<{ filled: { version: string; preamble: string } }>('care.agreementPrintData', { id: card!.agreementId });
  expect(doc.filled.version).toBe('东丽区2026年修订版');
  expect(doc.filled.preamble).toBe(`甲方张贵庄街道公共服务办公室委托乙方${card!.caregiverName}提供照料服务。`);
});
