/**
 * Issue 17 end to end (browser mode): the 工作台 shows the 待处置预警 and opens the 预警 inbox; the
 * inbox shows warnings grouped by household; one household's two warnings become one ledger item,
 * another's warning is dismissed with a reason (refused without one); then the inbox is empty.
 */
import { makeIdNumber } from '../../shared/id-number';
import { shanghaiDate } from '../../shared/time/shanghai';
import { addDays } from '../../shared/time/calendar-days';
import { ADMIN, atShanghai } from '../support/assistance-street';
import { initializeStreet } from '../support/street-setup';
import { backendCall, signInAs } from '../support/ui';
import { seedWarnings } from '../support/warnings';
import { expect, screenshot, test } from './fixtures';

test('预警 grouped by household: one household to the ledger, another dismissed with a reason', async ({ page, app, clock }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 800 });
  atShanghai(clock, '2026-03-16T10:00:00'); // a Monday morning: no midnight between the set-up and the checks
  const b = app.backend;
  const token = await initializeStreet(b, ADMIN);
  const communityId = (await backendCall<{ id: string }[]>(b, token, 'org.listCommunities', {}))[0]!.id;
  const household = (address: string, members: { name: string; birth: string; seq: number }[]) =>
    backendCall<{ id: string; members: { id: string; name: string }[] }>(b, token, 'registry.createHousehold', {
      household: { communityId, gridId: null, address, hukouType: 'urban', categories: ['dibao'] },
      members: members.map((m, i) => ({ name: m.name, idNumber: makeIdNumber('120110', m.birth, m.seq), relation: i === 0 ? '02' : '20', health: 'healthy' })),
    });
  const sun = await household('詹滨西里3号', [
    { name: '孙德明', birth: '19520301', seq: 11 },
    { name: '孙小军', birth: '19880712', seq: 13 },
  ]);
  const zhou = await household('詹滨西里9号', [{ name: '周桂兰', birth: '19470115', seq: 22 }]);
  const today = shanghaiDate(clock.now());
  seedWarnings({ dataDir: app.dataDir }, [
    { personId: sun.members[0]!.id, rule: 'medical-month', key: 'm1', summary: '上月医疗自付 6,230.00 元，达到 5,000.00 元', dueDate: addDays(today, 5) },
    { personId: sun.members[1]!.id, rule: 'disability-severe', key: 'd1', summary: '新办残疾证：肢体二级', dueDate: addDays(today, 8) },
    { personId: zhou.members[0]!.id, rule: 'medical-year', key: 'y1', summary: '近12个月医疗自付 31,000.00 元，达到 30,000.00 元', dueDate: addDays(today, -2) },
  ]);

  await page.goto(app.url);
  await signInAs(page, ADMIN.username, ADMIN.password);
  await expect(page.getByTestId('wb-warnings-open-count')).toHaveText('2');
  await expect(page.getByTestId('wb-warnings-overdue-count')).toHaveText('1');
  await screenshot(page, 'warnings-00-workbench');
  await page.getByTestId('wb-warnings-open').click();

  // one line per household, the overdue one first
  const table = page.getByTestId('warnings-table');
  // the household lines (an expanded line's warnings are rows of a table inside it)
  const lines = table.locator(`tr.ant-table-row:is([data-row-key="${sun.id}"], [data-row-key="${zhou.id}"])`);
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(0)).toContainText('周桂兰');
  await expect(lines.nth(0)).toContainText('已超期2天');
  await expect(lines.nth(1)).toContainText('孙德明：当月医疗自付费用较高');
  await expect(lines.nth(1)).toContainText('孙小军：新增重度残疾');
  // the household line expands to its warnings with what triggered them and the rule's version
  await lines.nth(1).getByRole('button', { name: /展开/ }).click();
  const rows = page.getByTestId('warning-rows');
  await expect(rows).toContainText('上月医疗自付 6,230.00 元');
  await expect(rows).toContainText('规则版本 2023-10-01');
  await screenshot(page, 'warnings-01-inbox');

  // the household's two warnings become one ledger item
  await lines.nth(1).getByTestId('warning-dispose-household').click();
  const dialog = page.getByRole('dialog', { name: '处置预警：孙德明户' });
  await dialog.getByText('转问题台账').click();
  await screenshot(page, 'warnings-02-to-ledger');
  await dialog.getByTestId('dispose-ok').click();
  await expect(page.getByText('已转问题台账（2条预警）')).toBeVisible();
  await expect(lines).toHaveCount(1);

  // the other is dismissed: refused without a reason, then with it
  await lines.nth(0).getByTestId('warning-dispose-household').click();
  const dismiss = page.getByRole('dialog', { name: '处置预警：周桂兰户' });
  await dismiss.getByText('已核实无需救助').click();
  await dismiss.getByTestId('dispose-ok').click();
  await expect(dismiss.getByText('请填写原因')).toBeVisible();
  await dismiss.getByTestId('dispose-reason').fill('入户核实：费用已由大病保险报销，生活无困难');
  await screenshot(page, 'warnings-03-dismiss');
  await dismiss.getByTestId('dispose-reason').press('Tab');
  await dismiss.getByTestId('dispose-ok').click();
  await expect(page.getByText('已处置 1 条预警')).toBeVisible();
  await expect(table).toContainText('暂无待处置预警');

  // the disposed ones: the ledger item linked from both of 孙德明's warnings
  await page.getByLabel('处置状态').click();
  await page.getByTitle('已处置').click();
  await expect(lines).toHaveCount(2);
  // 孙德明's line stays expanded as it was
  await expect(page.getByTestId('warning-rows').getByText('查看台账事项')).toHaveCount(2);
  await screenshot(page, 'warnings-04-disposed');
  await page.getByTestId('warning-rows').getByText('查看台账事项').first().click();
  await expect(page.getByTestId('ledger-item')).toContainText('预警转入');
  await expect(page.getByTestId('ledger-item')).toContainText('孙德明：当月医疗自付费用较高');
  await screenshot(page, 'warnings-05-ledger-item');
  const items = await backendCall<{ total: number }>(b, token, 'ledger.list', { source: 'warning' });
  expect(items.total).toBe(1);
});
