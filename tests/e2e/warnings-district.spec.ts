/**
 * The district's view of the 预警 inboxes (issue 17), with the district server on 127.0.0.1, a street
 * office app and a district office app: the street's warnings and a disposition reach the district,
 * whose 预警 › 各街道处置情况 shows each street's raised, open, overdue, dispositions and 处置率.
 * Then the district administrator imports a 医保 file on 预警 › 部门数据 (enabled at the district,
 * matched against every street's persons) and the street receives the warning it raised.
 */
import { test, expect } from '@playwright/test';
import * as admin from '../../server/admin/commands';
import { makeIdNumber } from '../../shared/id-number';
import { DISTRICT_PARTITION } from '../../shared/sync/wire';
import { shanghaiDate } from '../../shared/time/shanghai';
import { addDays } from '../../shared/time/calendar-days';
import { startServer, STREET_A, type TestServer } from '../sync/harness';
import { screenshot } from './fixtures';
import { SOURCE_COLUMNS } from '../../electron/backend/services/warnings/intake-columns';
import { backendCall as call, noSidewaysScroll, signInAs } from '../support/ui';
import { startEnrolledApp, type OwnApp } from '../support/own-app';
import { seedWarnings } from '../support/warnings';

let server: TestServer;
let street: OwnApp;
let district: OwnApp;

test.afterAll(async () => {
  await street?.close();
  await district?.close();
  await server?.close();
});

test('the district sees every street\'s 预警 disposition rates', async ({ page }) => {
  test.setTimeout(240_000);
  server = await startServer();
  await admin.createUser(server.opened.db, new Date(), { username: 'qu_admin', displayName: '区管理', role: 'district-admin', password: 'district-pass-1', partition: DISTRICT_PARTITION });
  street = await startEnrolledApp(server, STREET_A, { tmpPrefix: 'doudi-e2e-warnings-' });
  const { token } = await call<{ token: string }>(street.backend, null, 'auth.login', { username: 'zgz_admin', password: 'secret-pass-1' });
  const communityId = (await call<{ id: string }[]>(street.backend, token, 'org.listCommunities', {}))[0]!.id;
  const h = await call<{ members: { id: string }[] }>(street.backend, token, 'registry.createHousehold', {
    household: { communityId, gridId: null, address: '东丽区示例里5号', hukouType: 'urban', categories: ['dibao'] },
    members: [{ name: '钱奶奶', idNumber: makeIdNumber('120110', '19450102', 51), relation: '02', health: 'healthy' }],
  });
  const today = shanghaiDate(street.backend.store.nowDate());
  const ids = seedWarnings(street.backend, [
    { personId: h.members[0]!.id, rule: 'medical-month', key: 'm', summary: '医疗自付 6,000.00 元', dueDate: addDays(today, -1) },
    { personId: h.members[0]!.id, rule: 'disability-severe', key: 'd', summary: '新办残疾证：视力一级', dueDate: addDays(today, 4) },
  ]);
  await call(street.backend, token, 'warnings.dispose', { warningIds: [ids[1]], disposition: 'to-ledger' });
  await street.backend.sync.runNow();
  district = await startEnrolledApp(server, DISTRICT_PARTITION, { tmpPrefix: 'doudi-e2e-warnings-' });

  await page.setViewportSize({ width: 1366, height: 800 });
  await page.goto(district.url);
  await signInAs(page, 'qu_admin', 'district-pass-1');
  await page.getByRole('menuitem', { name: '预警' }).click();
  await expect(page.getByTestId('warnings-table')).toContainText('钱奶奶');
  await expect(page.getByTestId('warnings-table')).toContainText('张贵庄街道');
  await page.getByRole('tab', { name: '各街道处置情况' }).click();
  const row = page.getByTestId('warnings-rates').locator('tbody tr', { hasText: '张贵庄街道' });
  // raised, open, overdue, 转问题台账, 已核实无需救助, 已在保, 信息有误, 处置率
  await expect(row.locator('td')).toHaveText(['张贵庄街道', '2', '1', '1', '1', '0', '0', '0', '50.0%']);
  await noSidewaysScroll(page);
  await screenshot(page, 'warnings-06-district-rates');

  // 部门数据 at the district: import enabled, matched against every street's persons
  const lastMonth = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  const csv = `${SOURCE_COLUMNS.medical.map((c) => c.header).join(',')}\n钱奶奶,${makeIdNumber('120110', '19450102', 51)},${lastMonth},9000.00,6000.00,\n`;
  await page.goto(`${district.url}/#/warnings/imports`);
  await expect(page.getByTestId('department-imports-district')).toContainText('按身份证号码与各街道登记的人员比对');
  await expect(page.getByRole('button', { name: '选择文件并检查' })).toBeEnabled();
  await page.getByTestId('department-file').setInputFiles({ name: '区医保.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByText('文件检查通过，没有发现错误。')).toBeVisible();
  await expect(page.getByText('与各街道登记人员匹配（行）')).toBeVisible();
  await page.getByRole('button', { name: /^导入/ }).click();
  await page.getByRole('dialog', { name: '确认导入？' }).getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('已导入 区医保.csv')).toBeVisible();
  await expect(page.getByTestId('department-imports').locator('tbody tr', { hasText: '区医保.csv' })).toContainText('区管理');
  await screenshot(page, 'warnings-07-district-import');
  await district.backend.sync.runNow();
  await street.backend.sync.runNow();
  const inbox = await call<{ groups: { warnings: { rule: string; trigger: { summary: string } }[] }[] }>(street.backend, token, 'warnings.inbox', {});
  const month = inbox.groups.flatMap((g) => g.warnings).filter((w) => w.rule === 'medical-month');
  // the street's own warning, raised at the district from its 医保 row (a month's 6,000 元 at or above the month's amount)
  expect(month.map((w) => w.trigger.summary.split('，')[0])).toContain(`${Number(lastMonth.slice(0, 4))}年${Number(lastMonth.slice(5))}月医疗自付 6,000.00 元`);
});
