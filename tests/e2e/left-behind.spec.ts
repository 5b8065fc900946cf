/**
 * 留守 records per person (issue 17), in Chromium: a household tagged 留守儿童 shows as 待建档; a record
 * is opened for the child on the household's 留守档案 tab; three months and a day later the 工作台
 * counts it as not updated, its line opens the list, and an update there clears it.
 */
import { shanghaiDate } from '../../shared/time/shanghai';
import { makeIdNumber } from '../../shared/id-number';
import { atShanghai, goHash, openSignedIn, setUpAssistanceStreet } from '../support/assistance-street';
import { noSidewaysScroll, signInAs } from '../support/ui';
import { ADMIN } from '../support/assistance-street';
import { expect, screenshot, test } from './fixtures';

const pick = (page: import('@playwright/test').Page, option: string) =>
  page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();

test('a 留守儿童 record opened on the household page, flagged when not updated in time, updated from the 工作台 list', async ({ page, app, clock }) => {
  test.setTimeout(180_000);
  atShanghai(clock, '2026-06-15T10:00:00');
  const s = await setUpAssistanceStreet(app.backend);
  const h = await s.call<{ id: string }>('registry.createHousehold', {
    household: { communityId: s.communityId, address: '南何庄村8号', hukouType: 'rural', categories: ['left-behind-child'] },
    members: [
      { name: '赵桂芝', idNumber: makeIdNumber('120110', '19560101', 24), relation: '02' },
      { name: '赵小明', idNumber: makeIdNumber('120110', '20150301', 13), relation: '40' },
    ],
  });

  await openSignedIn(page, app.url);
  await goHash(page, `#/households/${h.id}`);
  await page.getByRole('tab', { name: /留守档案/ }).click();
  await expect(page.getByTestId('lb-pending')).toContainText('留守儿童');
  await page.getByTestId('lb-open').click();
  const dialog = page.getByRole('dialog', { name: '建立留守档案' });
  await dialog.getByTestId('lb-person').click();
  await pick(page, '赵小明');
  await dialog.getByTestId('lb-away-name-0').fill('赵建军');
  await dialog.getByTestId('lb-away-where-0').fill('北京市朝阳区');
  await dialog.getByTestId('lb-away-since-0').click();
  await dialog.getByTestId('lb-away-since-0').fill('2025-03-01');
  await page.keyboard.press('Enter');
  // Only the father away: the rule refuses, naming both parents.
  await dialog.getByTestId('lb-guardian').fill('赵桂芝');
  await dialog.getByTestId('lb-guardian-phone').fill('13820001234');
  await dialog.getByRole('button', { name: '建立档案' }).click();
  await expect(page.getByText('“父母双方外出务工”须在外出家人中登记父亲和母亲').first()).toBeVisible();
  await dialog.getByTestId('lb-away-add').click();
  await dialog.getByTestId('lb-away-name-1').fill('钱秀英');
  await dialog.getByTestId('lb-away-where-1').fill('北京市朝阳区');
  await dialog.getByTestId('lb-away-since-1').click();
  await dialog.getByTestId('lb-away-since-1').fill('2025-03-01');
  await page.keyboard.press('Enter');
  await dialog.getByTestId('lb-school').fill('南何庄小学');
  await screenshot(page, 'left-behind-01-open');
  await dialog.getByRole('button', { name: '建立档案' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId('lb-table').locator('tbody tr', { hasText: '赵小明' });
  await expect(row).toContainText('留守儿童');
  await expect(row).toContainText('母亲 钱秀英：北京市朝阳区（2025-03-01起）');
  await expect(row).toContainText('在档');
  await expect(page.getByTestId('lb-pending')).toBeHidden();
  await screenshot(page, 'left-behind-02-household-tab');

  // Three months and a day later: not updated in time.
  atShanghai(clock, '2026-09-16T10:00:00');
  await page.reload();
  await expect(page.getByLabel('用户名').or(page.getByLabel('当前用户'))).toBeVisible();
  if (await page.getByLabel('用户名').isVisible()) await signInAs(page, ADMIN.username, ADMIN.password);
  await goHash(page, '#/');
  await expect(page.getByTestId('wb-left-behind-stale-count')).toHaveText('1');
  await page.getByTestId('wb-left-behind-stale').click();
  const listRow = page.getByTestId('lb-table').locator('tbody tr', { hasText: '赵小明' });
  await expect(listRow.getByTestId('lb-stale')).toContainText('逾期未更新（应于2026-09-15前）');
  await noSidewaysScroll(page);
  await screenshot(page, 'left-behind-03-stale-list');
  await listRow.getByRole('button', { name: '更新 赵小明 的留守儿童档案' }).click();
  const update = page.getByRole('dialog', { name: '更新留守档案：赵小明' });
  await update.getByTestId('lb-school').fill('东丽区实验小学');
  await update.getByRole('button', { name: '保存更新' }).click();
  await expect(update).toBeHidden();
  await expect(page.getByText('已更新 赵小明 的留守档案（核实日期 2026-09-16）')).toBeVisible();
  // The stale list is empty now; the record stays on the list of open ones with the new date.
  await expect(page.getByTestId('lb-table').locator('tbody tr', { hasText: '赵小明' })).toHaveCount(0);
  await page.getByTestId('lb-filter').click();
  await pick(page, '在档');
  await expect(page.getByTestId('lb-table').locator('tbody tr', { hasText: '赵小明' })).toContainText('2026-06-15 / 2026-09-16');
  expect(shanghaiDate(clock.now())).toBe('2026-09-16');
});
