/**
 * 部门数据导入 end to end (issue 17, browser mode, a fresh street PC): the street's administrator
 * opens 预警 › 部门数据, picks 残联 and the period (last month by default), checks a file with a
 * grade outside 1–4 (the error is listed by row and column, nothing imported), then a good .xlsx:
 * imported after a confirmation, listed in the history; the same file again is refused; the warnings
 * the import raised wait in the 预警 inbox, grouped by household.
 */
import ExcelJS from 'exceljs';
import { makeIdNumber } from '../../shared/id-number';
import { SOURCE_COLUMNS } from '../../electron/backend/services/warnings/intake-columns';
import { atShanghai } from '../support/assistance-street';
import { initializeStreet, signIn } from '../support/street-setup';
import { backendCall } from '../support/ui';
import { expect, screenshot, test } from './fixtures';

const ADMIN = { username: 'admin', displayName: '王管理', password: 'admin-pass-1' };
const ID_A = makeIdNumber('120110', '19580312', 131);
const ID_B = makeIdNumber('120110', '19600705', 142);
const STRANGER = makeIdNumber('120110', '19700101', 77);

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入数据');
  ws.addRow(SOURCE_COLUMNS.disability.map((c) => c.header));
  ws.getColumn(2).numFmt = '@';
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('a 残联 file is checked, refused with its errors, then imported; the same file twice is refused', async ({ page, app, clock }) => {
  test.setTimeout(120_000);
  atShanghai(clock, '2026-11-05T10:00:00');
  const token = await initializeStreet(app.backend, ADMIN);
  const communityId = (await backendCall<{ id: string }[]>(app.backend, token, 'org.listCommunities', {}))[0]!.id;
  await backendCall(app.backend, token, 'registry.createHousehold', {
    household: { communityId, address: '詹滨西里3号楼2门301', hukouType: 'urban', categories: ['dibao'] },
    members: [
      { name: '张建国', idNumber: ID_A, relation: '02', health: 'chronic' },
      { name: '李淑芬', idNumber: ID_B, relation: '10', health: 'healthy' },
    ],
  });
  await signIn(page, app.url, ADMIN);
  await page.getByRole('menuitem', { name: '预警' }).click();
  await page.getByRole('menuitem', { name: '部门数据' }).click();
  await expect(page.getByTestId('department-imports')).toBeVisible();
  await expect(page.getByText('尚未导入过部门数据')).toBeVisible();

  await page.getByRole('combobox', { name: '数据来源' }).click();
  await page.getByTitle('残联（残疾证）').click();
  const picker = page.getByTestId('department-file');
  // a grade outside 1–4: listed by row and column, nothing to import
  await picker.setInputFiles({ name: '残联10月（有误）.xlsx', mimeType: XLSX, buffer: await workbook([['张建国', ID_A, '肢体', '五级', '新办', '2026-10-12']]) });
  const errors = page.getByTestId('import-errors');
  await expect(errors).toContainText('残疾等级“五级”超出范围：应为一级至四级（1–4）');
  await expect(errors.locator('tbody tr').first()).toContainText('2');
  await expect(page.getByRole('button', { name: /^导入/ })).toHaveCount(0);
  await screenshot(page, 'department-imports-01-errors');

  await page.getByRole('button', { name: '重新选择文件' }).click();
  const good = await workbook([
    ['张建国', ID_A, '肢体', '二级', '新办', '2026-10-12'],
    ['李淑芬', ID_B, '精神', 3, '变更', '2026-10-20'],
    ['周大妈', STRANGER, '视力', 1, '新办', '2026-10-21', '张贵庄街道詹滨西里99号'],
  ]);
  await picker.setInputFiles({ name: '残联10月.xlsx', mimeType: XLSX, buffer: good });
  await expect(page.getByText('文件检查通过，没有发现错误。')).toBeVisible();
  await screenshot(page, 'department-imports-02-preview');
  await page.getByRole('button', { name: '导入 3 行' }).click();
  const confirm = page.getByRole('dialog', { name: '确认导入？' });
  await expect(confirm).toContainText('其中与本街道登记人员匹配 2 行，列为待登记线索 1 条');
  await confirm.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText(/记入本街道人员的部门数据 2 条，待登记线索 1 条。产生新预警 [1-9]\d* 条。/)).toBeVisible();
  const history = page.getByTestId('department-imports').locator('tbody tr', { hasText: '残联10月.xlsx' });
  await expect(history).toContainText('2026-10-01 至 2026-10-31');
  await expect(history).toContainText('王管理');
  await screenshot(page, 'department-imports-03-done');

  // the same file again (the source and period stay as chosen)
  await page.getByRole('button', { name: '继续导入' }).click();
  await expect(page.getByRole('combobox', { name: '数据来源' }).locator('..')).toContainText('残联（残疾证）');
  await picker.setInputFiles({ name: '残联10月（副本）.xlsx', mimeType: XLSX, buffer: good });
  await expect(page.getByRole('alert').filter({ hasText: '该文件已于 2026-11-05 10:00 由 王管理 导入过' })).toBeVisible();

  // the unmatched row of the street waits in 问题台账 › 待登记线索
  await page.getByRole('menuitem', { name: '问题台账' }).click();
  await page.getByRole('tab', { name: /待登记线索/ }).click();
  await expect(page.getByTestId('clue-list')).toContainText('周大妈');

  // the rules ran on the import: the household's severe-disability warning waits in the inbox, one line per household
  await page.getByRole('menuitem', { name: '预警' }).click();
  const inbox = page.getByTestId('warnings-table');
  await expect(inbox.locator('tbody tr', { hasText: '张建国' })).toHaveCount(1);
  await expect(inbox).toContainText('詹滨西里3号楼2门301');
  await expect(inbox).toContainText('张建国：新增重度残疾');
  await screenshot(page, 'department-imports-04-warnings');
});
