/**
 * The 救助政策 work lists at 1366×768 (issue 18): 应补尽补 filtered by problem and community with the
 * count of each problem, and the 临时救助 payments of a period by type, each exported to Excel as
 * filtered (read back); and the browser's Back button asks before a form with unsaved input is left,
 * as the menu and Esc do (a page form and a modal form).
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { makeIdNumber } from '../../shared/id-number';
import { atShanghai, openSignedIn, setUpAssistanceStreet } from '../support/assistance-street';
import { expect, screenshot, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

const HAN_JIA = makeIdNumber('120110', '20120101', 31);
const HAN_YI = makeIdNumber('120110', '20130101', 43);
const LIU = makeIdNumber('120110', '19580312', 55);
const ZHANG = makeIdNumber('120110', '19620708', 68);

/** Neither the page nor the table scrolls sideways. */
async function noSidewaysScroll(page: Page, testId: string) {
  const widths = await page.evaluate((id) => {
    const table = document.querySelector(`[data-testid=${id}] .ant-table-content, [data-testid=${id}] .ant-table-body`);
    return {
      page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
      table: table ? [table.scrollWidth, table.clientWidth] : [1, 0],
    };
  }, testId);
  expect(widths.page[0]).toBeLessThanOrEqual(widths.page[1]!);
  expect(widths.table[0]).toBeLessThanOrEqual(widths.table[1]!);
}

/** Types into a select and presses Enter, as a keyboard user does. */
async function pick(page: Page, label: string, text: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.pressSequentially(text);
  await input.press('Enter');
}

async function readDownload(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
  return { name: download.suggestedFilename(), wb };
}

test('应补尽补: counts per problem, filtered by community and problem, exported as filtered; fits 1366 px', async ({ page, app, clock }) => {
  test.setTimeout(120_000);
  atShanghai(clock, '2026-05-11T09:00:00');
  const { call } = await setUpAssistanceStreet(app.backend);
  const [a, b] = await call<{ id: string; name: string }[]>('org.listCommunities', {});
  const grid = await call<{ id: string }>('org.saveGrid', { communityId: a!.id, name: '第一网格' });
  for (const [name, idNumber, community, gridId] of [['韩甲', HAN_JIA, a!, grid.id], ['韩乙', HAN_YI, b!, undefined]] as const) {
    await call('registry.createHousehold', {
      household: { communityId: community.id, gridId, address: `${community.name}1号楼101`, hukouType: 'urban', categories: ['orphan'] },
      members: [{ name, relation: '02', idNumber }],
    });
  }
  await openSignedIn(page, app.url);
  await page.getByRole('menuitem', { name: '救助政策' }).click();
  await page.getByTestId('tab-entitlement-gaps').click();
  const screen = page.getByTestId('entitlement-gaps');
  const rows = screen.getByTestId('gap-table').locator('tbody tr[data-row-key]');
  await expect(screen.getByTestId('gap-count-missing')).toHaveText('应享未享（2）');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: '韩甲' })).toContainText(`${a!.name} / 第一网格`);
  await noSidewaysScroll(page, 'gap-table');
  await screenshot(page, 'lists-01-gaps-1366');

  await pick(page, '社区', b!.name);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('韩乙');
  await expect(screen.getByTestId('gap-count-missing')).toHaveText('应享未享（1）');
  await screen.getByText('应退尽退（0）').click();
  await expect(screen.getByText('所选范围内没有此类情况')).toBeVisible();
  await screen.getByTestId('gap-count-missing').click();
  await expect(rows).toHaveCount(1);

  const { name, wb } = await readDownload(page, () => screen.getByTestId('gap-export').click());
  expect(name).toBe('张贵庄街道应享未享核查清单（2026-05-11）.xlsx');
  const ws = wb.getWorksheet('核查清单')!;
  expect(ws.getCell('A1').value).toBe('张贵庄街道应享未享核查清单（2026-05-11）');
  expect(ws.getRow(2).getCell(6).value).toBe('身份证号');
  expect([ws.getRow(3).getCell(5).value, ws.getRow(3).getCell(6).value, ws.getRow(3).getCell(7).value]).toEqual(['韩乙', HAN_YI, '孤儿基本生活费']);
  expect(ws.getRow(4).getCell(5).value ?? null).toBeNull();
});

test('临时救助发放: the payments of a period, by type, with totals, exported as filtered; fits 1366 px', async ({ page, app, clock }) => {
  test.setTimeout(120_000);
  atShanghai(clock, '2026-05-11T09:00:00');
  const s = await setUpAssistanceStreet(app.backend);
  const [a, b] = await s.call<{ id: string; name: string }[]>('org.listCommunities', {});
  const household = (name: string, idNumber: string, communityId: string) =>
    s.call<{ id: string }>('registry.createHousehold', {
      household: { communityId, address: `${name}家1号楼101`, hukouType: 'urban', categories: [] },
      members: [{ name, relation: '02', idNumber }],
    });
  const liu = await household('刘振华', LIU, a!.id);
  const zhang = await household('张秀英', ZHANG, b!.id);
  const approved = async (householdId: string, type: string, reason: string, amountFen: number) => {
    const t = await s.call<{ id: string }>('assistance.receiveTemporary', { householdId, type, reason, amountFen });
    await s.call('assistance.decideTemporary', { id: t.id, action: 'approve', note: '同意' });
    return t.id;
  };
  const urgent = await approved(liu.id, 'urgent', '住房失火', 500000);
  await s.call('assistance.decideTemporary', { id: urgent, action: 'pay' });
  const medical = await approved(zhang.id, 'expenditure', '大病医疗支出', 120000);
  atShanghai(clock, '2026-06-02T10:00:00');
  await s.signInAgain();
  await s.call('assistance.decideTemporary', { id: medical, action: 'pay' });
  await approved(zhang.id, 'expenditure', '子女就学', 30000); // approved, not paid: not listed

  await openSignedIn(page, app.url);
  await page.getByRole('menuitem', { name: '救助政策' }).click();
  await page.getByTestId('tab-temporary-payments').click();
  const screen = page.getByTestId('temporary-payments');
  const rows = screen.getByTestId('temp-pay-table').locator('tbody tr[data-row-key]');
  // This month by default: June's one payment.
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('张秀英');
  await expect(rows.first()).toContainText('1,200.00');
  const from = page.getByLabel('起始月份');
  await from.click();
  await from.fill('2026-05');
  await from.press('Enter');
  await expect(rows).toHaveCount(2);
  await expect(screen.getByTestId('temp-pay-total')).toContainText('6,200.00');
  await expect(screen.getByTestId('temp-pay-total')).toContainText('2 人次');
  await expect(screen.getByTestId('temp-pay-total-urgent')).toContainText('5,000.00');
  await noSidewaysScroll(page, 'temp-pay-table');
  await screenshot(page, 'lists-02-temporary-payments-1366');

  await pick(page, '救助类型', '急难');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('刘振华');
  await expect(screen.getByTestId('temp-pay-total')).toContainText('5,000.00');

  const { name, wb } = await readDownload(page, () => screen.getByTestId('temp-pay-export').click());
  expect(name).toBe('张贵庄街道急难型临时救助发放明细（2026-05至2026-06）.xlsx');
  const ws = wb.getWorksheet('发放明细')!;
  expect(ws.getCell('A1').value).toBe('张贵庄街道急难型临时救助发放明细（2026-05至2026-06）');
  expect(ws.getRow(3).values).toEqual([undefined, 1, '2026-05-11', a!.name, '刘振华', LIU, '急难型', '住房失火', '街道', 5000]);
  expect([ws.getRow(4).getCell(1).value, ws.getRow(4).getCell(9).value]).toEqual(['合计', 5000]);

  // By community: nobody in the second was paid 急难型; 刘振华 in the first.
  await pick(page, '社区', b!.name);
  await expect(screen.getByText('所选期间没有已发放的临时救助')).toBeVisible();
  await pick(page, '社区', a!.name);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('刘振华');
});

test('the browser Back button asks before leaving a form with unsaved input: 新建家庭, the 临时救助 application, 政策参数', async ({ page, app, clock }) => {
  test.setTimeout(120_000);
  atShanghai(clock, '2026-05-11T09:00:00');
  await setUpAssistanceStreet(app.backend);
  await openSignedIn(page, app.url);
  await page.getByRole('button', { name: '新建家庭' }).click();
  await expect(page).toHaveURL(/#\/households\/new$/);
  const address = page.getByTestId('household-fields').getByLabel('家庭住址');
  await address.fill('詹滨西里6号楼2门202');

  await page.goBack();
  const ask = page.getByRole('dialog').filter({ hasText: '放弃新建家庭？' });
  await expect(ask).toBeVisible();
  expect(page.url()).toMatch(/#\/households\/new$/);
  await screenshot(page, 'lists-03-back-guard');
  await ask.getByRole('button', { name: '继续填写' }).click();
  await expect(ask).toBeHidden();
  await expect(address).toHaveValue('詹滨西里6号楼2门202');
  expect(page.url()).toMatch(/#\/households\/new$/);

  // Asked again on the next Back; leaving goes where Back was going.
  await page.goBack();
  await ask.getByRole('button', { name: '放弃并离开' }).click();
  // The list the user came from (the start page, its address without a hash).
  await expect(page).not.toHaveURL(/households\/new/);
  await expect(page.getByRole('button', { name: '新建家庭' })).toBeVisible();
  // Nothing typed: Back moves without a question.
  await page.getByRole('button', { name: '新建家庭' }).click();
  await expect(address).toHaveValue('');
  await page.goBack();
  await expect(page).not.toHaveURL(/households\/new/);
  await expect(page.getByRole('button', { name: '新建家庭' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // A modal form: the 临时救助 application with a typed 困难情形.
  await page.getByRole('menuitem', { name: '救助政策' }).click();
  await page.getByTestId('tab-temporary').click();
  await expect(page).toHaveURL(/#\/assistance\/temporary$/);
  await page.getByTestId('temp-new').click();
  await page.getByTestId('temp-reason').fill('突发疾病，无力支付医疗费');
  await page.goBack();
  const discard = page.getByRole('dialog').filter({ hasText: '放弃未保存的内容？' });
  await expect(discard).toBeVisible();
  await discard.getByRole('button', { name: '继续填写' }).click();
  await expect(page).toHaveURL(/#\/assistance\/temporary$/);
  await expect(page.getByTestId('temp-reason')).toHaveValue('突发疾病，无力支付医疗费');
  await page.getByTestId('temp-reason').press('Escape');
  await expect(discard).toBeVisible();
  await discard.getByRole('button', { name: '放弃并离开' }).click();
  await expect(page.getByRole('dialog', { name: '受理临时救助申请' })).toBeHidden();
  await expect(page).toHaveURL(/#\/assistance\/temporary$/);

  // 政策参数: a typed new value is asked about on Back as well.
  await page.getByTestId('tab-policy-params').click();
  await page.getByTestId('set-dibao.standard').click();
  await page.getByTestId('param-value').fill('1100');
  await page.goBack();
  await expect(discard).toBeVisible();
  await discard.getByRole('button', { name: '继续填写' }).click();
  await expect(page).toHaveURL(/#\/policy\/params$/);
  await expect(page.getByTestId('param-value')).toHaveValue('1100');
  await page.goBack();
  await discard.getByRole('button', { name: '放弃并离开' }).click();
  await expect(page).toHaveURL(/#\/assistance\/temporary$/);
});
