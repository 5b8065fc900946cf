/**
 * A visit to any household, not only one on a due list: from the household's page (走访记录 ›
 * 登记走访) and from the household search of 走访排查.
 */
import { expect, test } from './fixtures';
import { makeIdNumber } from '../../shared/id-number';
import type { Backend } from '../../electron/backend/app';

const ADMIN = { username: 'zgzadmin', displayName: '王建华', password: 'zgz-admin-2026' };

async function call<T>(backend: Pick<Backend, 'call'>, token: string | null, procedure: string, input: unknown): Promise<T> {
  const r = await backend.call(procedure, input, token);
  if (!r.ok) throw new Error(`${procedure}: ${JSON.stringify(r.error)}`);
  return r.result as T;
}

test('a visit is recorded from the household page and from the household search of 走访排查', async ({ page, app }) => {
  test.setTimeout(90_000);
  await call(app.backend, null, 'setup.initialize', { streetCode: '120110001000', streetName: '张贵庄街道', officeName: '张贵庄街道公共服务办公室', admin: ADMIN });
  const { token } = await call<{ token: string }>(app.backend, null, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const communityId = (await call<{ id: string }[]>(app.backend, token, 'org.listCommunities', {}))[0]!.id;
  const household = await call<{ id: string }>(app.backend, token, 'registry.createHousehold', {
    household: { communityId, address: '詹滨西里9号楼101', hukouType: 'urban', categories: ['dibao'] },
    members: [{ name: '冯志强', idNumber: makeIdNumber('120110', '19800506', 411), relation: '02', health: 'healthy' }],
  });
  await page.goto(`${app.url}#/households/${household.id}`);
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('密码').fill(ADMIN.password);
  await page.getByLabel('密码').press('Enter');

  // From the household page (its file's 走访记录 tab).
  await page.getByRole('tab', { name: /走访记录/ }).click();
  const visits = page.getByTestId('household-visits');
  await expect(visits.getByText('暂无走访记录')).toBeVisible();
  await visits.getByTestId('household-visit').click();
  await expect(page.getByText('登记走访：冯志强（詹滨西里9号楼101）')).toBeVisible();
  await page.getByTestId('visit-form').getByLabel('走访情况').fill('家中生活正常');
  await page.getByTestId('visit-form').getByLabel('走访情况').press('Control+Enter');
  await expect(visits.getByText('走访记录（共 1 次）')).toBeVisible();
  await expect(visits.getByText('家中生活正常')).toBeVisible();

  // From 走访排查: the household is no longer due (monthly, visited today), but can be found and visited.
  await page.getByRole('menuitem', { name: '走访排查' }).click();
  const due = page.getByTestId('due-list');
  await expect(due.getByText('共 0 户').or(due.getByText('没有应走访的家庭')).first()).toBeVisible();
  await due.getByLabel('查找家庭登记走访').fill('冯志强');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '冯志强' }).first().click();
  await expect(page.getByText('登记走访：冯志强（詹滨西里9号楼101）')).toBeVisible();
  await page.getByTestId('visit-form').getByText('电话').click();
  await page.getByTestId('visit-save').click();
  await expect(page.getByText('已登记走访：情况正常').last()).toBeVisible(); // the first visit's toast may still show
  const listed = await call<{ total: number; rows: { method: string }[] }>(app.backend, token, 'screening.listVisits', { householdId: household.id });
  expect(listed.total).toBe(2);
  expect(listed.rows.map((r) => r.method).sort()).toEqual(['home', 'phone']);
});
