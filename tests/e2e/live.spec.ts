/**
 * Live screens: a change written by another client of the same backend (here a second caller through
 * the backend host, as a colleague's PC would reach it through sync) appears on the open page without
 * navigation, and what the user was typing stays.
 */
import type { Page, Request } from '@playwright/test';
import { expect, test } from './fixtures';
import { LIVE_REFRESH_MS } from '../../renderer/src/hooks/use-live-refresh';
import { makeIdNumber } from '../../shared/id-number';
import { shanghaiDate } from '../../shared/time/shanghai';
import { backendCall as call } from '../support/ui';

const ADMIN = { username: 'zgzadmin', displayName: '王建华', password: 'zgz-admin-2026' };

test('a visit and a household written elsewhere appear on the open pages; unsaved input is kept', async ({ page, app, clock }) => {
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
  await page.getByRole('tab', { name: /走访记录/ }).click(); // the household file's 走访记录 tab
  const visits = page.getByTestId('household-visits');
  await expect(visits.getByText('暂无走访记录')).toBeVisible();

  // The user starts editing the household and has typed a phone number, not saved.
  await page.getByRole('button', { name: '编辑家庭信息' }).click();
  await page.getByLabel('联系电话').fill('13820005678');

  // Meanwhile a colleague records a visit.
  await call(app.backend, token, 'screening.recordVisit', {
    householdId: household.id,
    visitedOn: shanghaiDate(clock.now()),
    method: 'home',
    visitorName: '刘网格',
    note: '同事登记：家中生活正常',
  });
  await expect(visits.getByText('走访记录（共 1 次）')).toBeVisible({ timeout: 5000 });
  await expect(visits.getByText('同事登记：家中生活正常')).toBeVisible();
  await expect(page.getByLabel('联系电话')).toHaveValue('13820005678');
  await expectQuiet(page); // the refresh wrote nothing that would refresh the page again
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').filter({ hasText: '放弃未保存的内容？' }).getByRole('button', { name: '放弃并离开' }).click();

  // The household list, open, shows a household added elsewhere.
  await page.getByRole('menuitem', { name: '户籍台账' }).click();
  await expect(page.getByText('詹滨西里9号楼101')).toBeVisible();
  await call(app.backend, token, 'registry.createHousehold', {
    household: { communityId, address: '詹滨西里12号楼202', hukouType: 'urban', categories: ['dibao'] },
    members: [{ name: '胡玉珍', idNumber: makeIdNumber('120110', '19521103', 522), relation: '02', health: 'healthy' }],
  });
  await expect(page.getByText('詹滨西里12号楼202')).toBeVisible({ timeout: 5000 });
  await expectQuiet(page);
});

/** No API call for a while (the open event stream aside): a live page does not refresh itself in a loop. */
async function expectQuiet(page: Page, ms = 1500): Promise<void> {
  const calls: string[] = [];
  const seen = (r: Request) => {
    if (r.url().includes('/api/') && !r.url().endsWith('/api/events')) calls.push(r.url());
  };
  await page.waitForTimeout(LIVE_REFRESH_MS); // a refresh already scheduled may still run
  page.on('request', seen);
  await page.waitForTimeout(ms);
  page.off('request', seen);
  expect(calls).toEqual([]);
}
