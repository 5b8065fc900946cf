/**
 * 走访排查 and 问题台账 end to end, in browser mode: a grid round entered in batch with one problem;
 * the problem becomes a 一级 item due in 24 hours; it is verified, referred, the reply recorded,
 * closed with measures and result, and looked back at; with the backend clock moved past a
 * deadline (injected, not slept) an item shows as overdue, first and highlighted; the Excel export
 * is read back; the A4 visit sheet and the A4-landscape ledger print are rendered.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { ARTIFACTS, expect, screenshot, test } from './fixtures';
import { makeIdNumber } from '../../shared/id-number';
import type { Backend } from '../../electron/backend/app';

const ADMIN = { username: 'zgzadmin', displayName: '王建华', password: 'zgz-admin-2026' };

async function call<T>(backend: Pick<Backend, 'call'>, token: string | null, procedure: string, input: unknown): Promise<T> {
  const r = await backend.call(procedure, input, token);
  if (!r.ok) throw new Error(`${procedure}: ${JSON.stringify(r.error)}`);
  return r.result as T;
}

/** A street with one grid of three households (one with an 80-year-old: weekly). */
async function prepare(backend: Pick<Backend, 'call'>): Promise<{ token: string; gridId: string }> {
  await call(backend, null, 'setup.initialize', {
    streetCode: '120110001000',
    streetName: '张贵庄街道',
    officeName: '张贵庄街道公共服务办公室',
    admin: ADMIN,
  });
  const { token } = await call<{ token: string }>(backend, null, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const communityId = (await call<{ id: string }[]>(backend, token, 'org.listCommunities', {}))[0]!.id;
  const grid = await call<{ id: string }>(backend, token, 'org.saveGrid', { communityId, name: '第三网格', workerName: '刘网格' });
  const households: [string, string, string][] = [
    ['赵桂兰', '19440305', '詹滨西里1号楼101'],
    ['钱德明', '19500812', '詹滨西里1号楼202'],
    ['孙秀英', '19581120', '詹滨西里2号楼303'],
  ];
  let seq = 300;
  for (const [name, birth, address] of households) {
    await call(backend, token, 'registry.createHousehold', {
      household: { communityId, gridId: grid.id, address, hukouType: 'urban', categories: ['dibao'] },
      members: [{ name, idNumber: makeIdNumber('120110', birth, seq++), relation: '02', health: 'healthy' }],
    });
  }
  return { token, gridId: grid.id };
}

async function signIn(page: Page) {
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('密码').fill(ADMIN.password);
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByRole('menuitem', { name: '问题台账' })).toBeVisible();
}

async function pick(page: Page, label: string, option: string, scope = page.locator('body')) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

async function act(page: Page, action: string) {
  await page.getByTestId('actions').getByRole('button', { name: action }).click();
  return page.getByTestId('transition-form');
}

test('a grid round with one problem is handled through the ledger to 回头看; overdue shows first; export and print', async ({ page, app, clock }) => {
  test.setTimeout(120_000);
  await prepare(app.backend);
  await page.goto(app.url);
  await signIn(page);

  // 走访排查: the three households are due today (never visited).
  await page.getByRole('menuitem', { name: '走访排查' }).click();
  const due = page.getByTestId('due-list');
  await expect(due.getByText('赵桂兰')).toBeVisible();
  await expect(due.getByText('共 3 户')).toBeVisible();
  await screenshot(page, 'screening-due-today');

  // The grid worker's visit sheet for the round (A4).
  await pick(page, '网格', '第三网格', due);
  await due.getByRole('link', { name: '打印走访单' }).click();
  const sheet = page.getByTestId('visit-sheet');
  await expect(sheet.getByText('网格：第三网格')).toBeVisible();
  await expect(sheet.getByText('网格员：刘网格')).toBeVisible();
  await expect(sheet.locator('tbody tr')).toHaveCount(3);
  await screenshot(page, 'screening-visit-sheet');
  await page.getByRole('button', { name: '返回' }).click();

  // Batch round: all normal except 钱德明 (一级, 医疗).
  await page.getByRole('tab', { name: '批量登记（网格走访）' }).click();
  await pick(page, '走访网格', '第三网格');
  const round = page.getByTestId('round-entry');
  await expect(round.getByText('孙秀英')).toBeVisible();
  await expect(round.getByLabel('走访人')).toHaveValue('刘网格');
  const row = round.getByTestId('round-row-钱德明');
  await row.getByText('有问题').click();
  await pick(page, '问题类别', '医疗', row);
  await pick(page, '紧急程度', '一级 急难', row);
  await row.getByLabel('问题描述').fill('突发脑梗住院，医疗费用无力支付');
  await screenshot(page, 'screening-round-entry');
  await page.getByTestId('round-save').click();
  await expect(page.getByTestId('round-result')).toContainText('已登记 3 户走访；发现问题 1 个');

  // Coverage of the month: 3 due, 3 done.
  await page.getByRole('tab', { name: '走访覆盖率' }).click();
  const cov = page.getByTestId('coverage');
  await expect(cov.locator('.ant-statistic').filter({ hasText: '覆盖率' })).toContainText('100.0%');
  await expect(cov.locator('.ant-statistic').filter({ hasText: '已走访' })).toContainText('3');
  await screenshot(page, 'screening-coverage');

  // The problem is a 一级 item due 24 hours after registration.
  await page.getByRole('menuitem', { name: '问题台账' }).click();
  const list = page.getByTestId('ledger-table');
  await expect(list.locator('tbody tr[data-row-key]')).toHaveCount(1);
  await expect(list.getByText('一级（急难）')).toBeVisible();
  await expect(list.getByTestId('countdown')).toHaveText(/^剩余 \d+小时\d+分$/);
  await list.getByRole('link').first().click();
  const item = page.getByTestId('ledger-item');
  await expect(item.getByText('走访发现')).toBeVisible();
  const registered = await item.locator('th:has-text("登记时间") + td').textContent();
  const dueAt = await item.locator('th:has-text("处置时限") + td').textContent();
  expect(Date.parse(`${dueAt!.replace(' ', 'T')}:00+08:00`) - Date.parse(`${registered!.replace(' ', 'T')}:00+08:00`)).toBe(24 * 3_600_000);

  // Verify, confirm, refer to 医保, record the reply, close with measures and result.
  await act(page, '开始核查');
  await page.getByTestId('transition-ok').click();
  await expect(item.getByText('核查中').first()).toBeVisible();
  const confirm = await act(page, '核查属实，转入处置');
  await page.getByTestId('transition-ok').click();
  await expect(confirm.getByText('请填写核查情况')).toBeVisible();
  await confirm.getByLabel('核查情况').fill('入户核实：住院押金2万元，家庭无力支付');
  await page.getByTestId('transition-ok').click();
  await expect(item.getByText('处置中').first()).toBeVisible();
  const refer = await act(page, '转介部门');
  await refer.getByText('医保', { exact: true }).click();
  await refer.getByLabel('部门说明（科室、联系人）').fill('区医保局待遇科');
  await page.getByTestId('transition-ok').click();
  await expect(item.getByText('已转介').first()).toBeVisible();
  // Closing is refused while the department has not replied: the action is offered, the backend refuses.
  await act(page, '办结销号');
  await page.getByLabel('采取的救助措施').fill('申请医疗救助');
  await page.getByLabel('办理结果').fill('待定');
  await page.getByTestId('transition-ok').click();
  await expect(page.getByText(/尚有 1 项转介未收到部门回复，不能销号：请先登记部门回复/).first()).toBeVisible();
  await page.getByRole('button', { name: '取消' }).click();
  // What was typed is dropped only on a second, deliberate choice.
  await page.getByRole('dialog').filter({ hasText: '放弃未保存的内容？' }).getByRole('button', { name: '放弃并离开' }).click();
  await page.getByTestId('record-reply').click();
  await page.getByLabel('部门回复').fill('已纳入医疗救助，一站式结算');
  await page.getByTestId('referral-ok').click();
  await expect(page.getByTestId('referrals')).toContainText('已纳入医疗救助，一站式结算');
  await act(page, '办结销号');
  await page.getByLabel('采取的救助措施').fill('医疗救助一站式结算；临时救助3000元');
  await page.getByLabel('办理结果').fill('住院费用已结算，家庭生活稳定');
  await page.getByTestId('transition-ok').click();
  await expect(item.getByText('已办结（销号）').first()).toBeVisible();
  await screenshot(page, 'ledger-item-closed');

  // 回头看: the item closed today is listed; the review is recorded.
  await page.getByRole('button', { name: '返回台账' }).click();
  await page.getByRole('tab', { name: '回头看' }).click();
  const look = page.getByTestId('look-back');
  await look.getByRole('button', { name: '记录回头看' }).click();
  await pick(page, '回头看结论', '问题已解决');
  await page.getByLabel('回头看情况').fill('电话回访：已出院，生活正常');
  await page.getByTestId('transition-ok').click();
  await expect(look.getByText('回头看完成')).toBeVisible();
  await expect(look.getByText('问题已解决')).toBeVisible();

  // A second 一级 item (热线), then the clock moves 25 hours: it is overdue, listed first and highlighted.
  const { token } = await call<{ token: string }>(app.backend, null, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const households = await call<{ rows: { id: string; headName: string }[] }>(app.backend, token, 'registry.listHouseholds', {});
  const sun = households.rows.find((h) => h.headName === '孙秀英')!;
  await call(app.backend, token, 'ledger.create', {
    householdId: sun.id,
    source: 'hotline',
    category: 'living',
    urgency: '1',
    description: '热线反映：独自在家摔伤，无人照料',
  });
  clock.advanceHours(25);
  await page.goto(`${app.url}/#/ledger`);
  await page.reload();
  await signIn(page);
  await page.getByRole('menuitem', { name: '问题台账' }).click();
  await pick(page, '状态', '未办结（全部）');
  const rows = page.locator('[data-testid=ledger-table] tbody tr[data-row-key]');
  await expect(rows.first()).toHaveClass(/ledger-overdue/);
  await expect(rows.first()).toContainText('孙秀英');
  await expect(rows.first().getByTestId('countdown')).toHaveText(/^超期 2[01]小时\d+分$/);
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await screenshot(page, 'ledger-list-overdue');
  await page.getByRole('tab', { name: '督办（超期与催办）' }).click();
  await expect(page.getByTestId('escalations')).toContainText('孙秀英');
  await screenshot(page, 'ledger-escalations');

  // Export: all items, read back.
  await page.getByRole('tab', { name: '问题台账' }).click();
  await pick(page, '状态', '全部状态');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toHaveClass(/ledger-overdue/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-export').click()]);
  const file = await download.path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('问题台账')!;
  const header = (ws.getRow(1).values as unknown[]).slice(1);
  expect(header).toContain('台账编号');
  const col = (name: string) => header.indexOf(name) + 1;
  expect(ws.rowCount).toBe(3);
  const first = ws.getRow(2);
  expect(first.getCell(col('户主姓名')).value).toBe('孙秀英');
  expect(first.getCell(col('是否超期')).value).toBe('是');
  expect(first.getCell(col('问题来源')).value).toBe('热线');
  const done = ws.getRow(3);
  expect(done.getCell(col('户主姓名')).value).toBe('钱德明');
  expect(done.getCell(col('紧急程度')).value).toBe('一级（急难）');
  expect(done.getCell(col('状态')).value).toBe('回头看完成');
  expect(done.getCell(col('转介部门')).value).toMatch(/^医保（\d{4}-\d{2}-\d{2}）$/);
  expect(done.getCell(col('部门回复')).value).toBe('医保：已纳入医疗救助，一站式结算');
  expect(done.getCell(col('救助措施')).value).toBe('医疗救助一站式结算；临时救助3000元');
  expect(done.getCell(col('办理结果')).value).toBe('住院费用已结算，家庭生活稳定');
  expect(done.getCell(col('回头看结论')).value).toBe('问题已解决');

  // Print: the ledger on A4 landscape with office and date; the grid's visit sheet on A4.
  await page.getByRole('button', { name: '打印台账' }).click();
  const print = page.getByTestId('ledger-print');
  await expect(print.getByText('张贵庄街道问题台账')).toBeVisible();
  await expect(print.getByText('单位：张贵庄街道公共服务办公室')).toBeVisible();
  await expect(print.locator('tbody tr')).toHaveCount(2);
  await screenshot(page, 'ledger-print');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
  const pdf = await page.pdf({ preferCSSPageSize: true });
  expect(pdf.length).toBeGreaterThan(1000);
  fs.writeFileSync(path.join(ARTIFACTS, 'ledger-print.pdf'), pdf);
  await page.emulateMedia({ media: 'screen' });

});
