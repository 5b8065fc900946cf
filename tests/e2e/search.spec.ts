/**
 * Searching by a given name on the screens (issue 18, problem 2), at 1366×768: 淑兰 finds 耿淑兰 in
 * the household list with the matched member shown, an exact name ranks first, and the household
 * search of 走访排查 finds her too.
 */
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { makeIdNumber } from '../../shared/id-number';
import type { Backend } from '../../electron/backend/app';

const ADMIN = { username: 'zgzadmin', displayName: '王建华', password: 'zgz-admin-2026' };

test.use({ viewport: { width: 1366, height: 768 } });

async function call<T>(backend: Pick<Backend, 'call'>, token: string | null, procedure: string, input: unknown): Promise<T> {
  const r = await backend.call(procedure, input, token);
  if (!r.ok) throw new Error(`${procedure}: ${JSON.stringify(r.error)}`);
  return r.result as T;
}

function tableRows(page: Page) {
  return page.locator('[data-testid=household-table] tbody tr[data-row-key]');
}

test('a given name finds the person; the exact name comes first', async ({ page, app }) => {
  test.setTimeout(90_000);
  await call(app.backend, null, 'setup.initialize', { streetCode: '120110001000', streetName: '张贵庄街道', officeName: '张贵庄街道公共服务办公室', admin: ADMIN });
  const { token } = await call<{ token: string }>(app.backend, null, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const communityId = (await call<{ id: string }[]>(app.backend, token, 'org.listCommunities', {}))[0]!.id;
  let seq = 500;
  const household = (address: string, ...names: string[]) =>
    call<{ id: string }>(app.backend, token, 'registry.createHousehold', {
      household: { communityId, address, hukouType: 'urban', categories: [] },
      members: names.map((name, i) => ({ name, idNumber: makeIdNumber('120110', `19${55 + i * 25}0312`, seq++), relation: i === 0 ? '02' : '30', health: 'healthy' })),
    });
  await household('詹滨西里1号楼101', '耿建国', '耿淑兰');
  await household('詹滨西里2号楼101', '王金雷');
  await household('詹滨西里3号楼101', '淑兰');

  await page.goto(app.url);
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('密码').fill(ADMIN.password);
  await page.getByLabel('密码').press('Enter');
  await page.getByTestId('wb-households').click(); // from the 工作台, the first screen
  await expect(page.getByText('家庭列表').first()).toBeVisible();

  const search = page.getByLabel('搜索');
  await search.fill('淑兰');
  await expect(tableRows(page)).toHaveCount(2);
  // The exact name first, then the given name inside 耿淑兰.
  await expect(tableRows(page).nth(0)).toContainText('詹滨西里3号楼101');
  await expect(tableRows(page).nth(1)).toContainText('耿建国');
  await expect(tableRows(page).nth(1).getByTestId('matched-members')).toContainText('耿淑兰');
  await screenshot(page, 'search-01-given-name');
  await search.fill('金雷');
  await expect(tableRows(page)).toHaveCount(1);
  await expect(tableRows(page).first()).toContainText('王金雷');
  await search.fill('雷');
  await expect(tableRows(page)).toHaveCount(1);

  // The household search of 走访排查 (registry.search) finds her by the given name too.
  await page.getByRole('menuitem', { name: '走访排查' }).click();
  await page.getByTestId('due-list').getByLabel('查找家庭登记走访').fill('淑兰');
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(options.first()).toContainText('淑兰（户主）');
  await expect(options.filter({ hasText: '耿淑兰' })).toHaveCount(1);
});
