/**
 * Forms that never pick or lose data (issue 18, problem 5), at 1366×768: a select takes the
 * highlighted match of what was typed (not its first option), an ID typo shows under the field
 * when the field is left, a 子 older than the 户主 is asked about, leaving a half-filled form by
 * the menu or closing the window asks, Esc in the visit form asks before the note is lost.
 */
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { makeIdNumber } from '../../shared/id-number';
import type { Backend } from '../../electron/backend/app';
import { readDb } from '../support/side-store';

const ADMIN = { username: 'zgzadmin', displayName: '王建华', password: 'zgz-admin-2026' };
const HEAD_ID = makeIdNumber('120110', '19550312', 123);
const SON_ID = makeIdNumber('120110', '19500101', 135);

test.use({ viewport: { width: 1366, height: 768 } });

async function call<T>(backend: Pick<Backend, 'call'>, token: string | null, procedure: string, input: unknown): Promise<T> {
  const r = await backend.call(procedure, input, token);
  if (!r.ok) throw new Error(`${procedure}: ${JSON.stringify(r.error)}`);
  return r.result as T;
}

/** Sets the street up and signs in through the UI; the token is for arranging data. */
async function signIn(page: Page, app: { url: string; backend: Pick<Backend, 'call'> }): Promise<string> {
  await call(app.backend, null, 'setup.initialize', { streetCode: '120110001000', streetName: '张贵庄街道', officeName: '张贵庄街道公共服务办公室', admin: ADMIN });
  await page.goto(app.url);
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('密码').fill(ADMIN.password);
  await page.getByLabel('密码').press('Enter');
  await page.getByTestId('wb-households').click(); // from the 工作台, the first screen
  await expect(page.getByText('家庭列表').first()).toBeVisible();
  return (await call<{ token: string }>(app.backend, null, 'auth.login', { username: ADMIN.username, password: ADMIN.password })).token;
}

/** Types into a select and presses Enter, as a keyboard user does. */
async function typeAndEnter(scope: ReturnType<Page['getByTestId']>, label: string, text: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.pressSequentially(text);
  await input.press('Enter');
}

test('selects take the typed match, ID typos show on leaving the field, implausible ages are asked about', async ({ page, app }) => {
  test.setTimeout(120_000);
  await signIn(page, app);
  await page.goto(`${app.url}/#/households/new`);
  const household = page.getByTestId('household-fields');
  await typeAndEnter(household, '所属社区', '詹滨西里');
  await household.getByLabel('家庭住址').fill('詹滨西里5号楼1门101');
  const m0 = page.getByTestId('member-0');
  await m0.getByLabel('姓名').fill('张建国');
  // A typo'd check digit: the message is under the field as soon as the field is left.
  const wrong = HEAD_ID.slice(0, 17) + (HEAD_ID[17] === '0' ? '1' : '0');
  await m0.getByLabel('身份证号码').pressSequentially(wrong);
  await m0.getByLabel('身份证号码').press('Tab');
  await expect(m0.getByText(`身份证号码校验位错误：最后一位应为 ${HEAD_ID[17]}，请核对号码`)).toBeVisible();
  await m0.getByLabel('身份证号码').fill(HEAD_ID);
  // 失业 + Enter records the highlighted match 登记失业, not the first option 学龄前; 重病 likewise.
  await typeAndEnter(m0, '从业状况', '失业');
  await expect(m0.locator('.ant-form-item').filter({ has: page.getByLabel('从业状况', { exact: true }) })).toContainText('登记失业');
  await typeAndEnter(m0, '健康状况', '重病');
  await expect(m0.locator('.ant-form-item').filter({ has: page.getByLabel('健康状况', { exact: true }) })).toContainText('重病');
  // A son born 1950 under a 户主 born 1955.
  await page.getByRole('button', { name: '添加成员' }).click();
  const m1 = page.getByTestId('member-1');
  await m1.getByLabel('姓名').fill('张小军');
  await m1.getByLabel('身份证号码').fill(SON_ID);
  await typeAndEnter(m1, '与户主关系', '子');
  await screenshot(page, 'forms-01-new-household-1366');
  await page.getByRole('button', { name: /保存（Ctrl\+S）/ }).click();
  const warning = page.getByRole('dialog').filter({ hasText: '请核对成员与户主的关系' });
  await expect(warning).toContainText('“张小军”（子，出生于 1950-01-01）比户主（出生于 1955-03-12）年长');
  await screenshot(page, 'forms-02-relation-age-warning');
  await warning.getByRole('button', { name: '返回修改' }).click();
  const count = () => (readDb(app.dataDir, 'SELECT count(*) AS n FROM persons') as { n: number }).n;
  expect(count()).toBe(0);
  await page.getByRole('button', { name: /保存（Ctrl\+S）/ }).click();
  await warning.getByRole('button', { name: '确认无误，保存' }).click();
  await expect(page.getByRole('heading', { name: /张建国家/ })).toBeVisible();
  const head = readDb(app.dataDir, 'SELECT employment, health FROM persons WHERE name = ?', '张建国');
  expect(head).toEqual({ employment: 'unemployed-registered', health: 'serious' });

  // Adding a member on the household page asks the same: a 女 only 6 years younger than the 户主.
  await page.getByRole('button', { name: '添加成员' }).click();
  const drawer = page.getByRole('dialog', { name: '添加成员' });
  await drawer.getByLabel('姓名').fill('张小红');
  await drawer.getByLabel('身份证号码').fill(makeIdNumber('120110', '19620101', 246));
  await typeAndEnter(drawer, '与户主关系', '女');
  await drawer.getByRole('button', { name: /保存（Ctrl\+S）/ }).click();
  await expect(warning).toContainText('“张小红”（女，出生于 1962-01-01）只比户主（出生于 1955-03-12）小 6 岁');
  await warning.getByRole('button', { name: '确认无误，保存' }).click();
  await expect(page.getByTestId('member-table')).toContainText('张小红');
});

test('leaving a half-filled form asks: the menu, closing the window, Esc in the visit form', async ({ page, app }) => {
  test.setTimeout(120_000);
  await signIn(page, app);
  await page.goto(`${app.url}/#/households/new`);
  const household = page.getByTestId('household-fields');
  await household.getByLabel('家庭住址').fill('詹滨西里6号楼2门202');
  await page.getByRole('menuitem', { name: '问题台账' }).click();
  const ask = page.getByRole('dialog').filter({ hasText: '放弃新建家庭？' });
  await expect(ask).toBeVisible();
  await screenshot(page, 'forms-03-leave-guard');
  await ask.getByRole('button', { name: '继续填写' }).click();
  await expect(household.getByLabel('家庭住址')).toHaveValue('詹滨西里6号楼2门202');
  expect(page.url()).toContain('#/households/new');

  // Closing the window (or reloading) asks too: the page refuses the unload.
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.type();
    void d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toBe('beforeunload');
  expect(page.isClosed()).toBe(false);
  await expect(household.getByLabel('家庭住址')).toHaveValue('詹滨西里6号楼2门202');

  await page.getByRole('menuitem', { name: '问题台账' }).click();
  await ask.getByRole('button', { name: '放弃并离开' }).click();
  await expect(page).toHaveURL(/#\/ledger/);

  // A household to visit, then Esc in the visit form with a typed note.
  const token = await call<{ token: string }>(app.backend, null, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const communityId = (await call<{ id: string }[]>(app.backend, token.token, 'org.listCommunities', {}))[0]!.id;
  const created = await call<{ id: string }>(app.backend, token.token, 'registry.createHousehold', {
    household: { communityId, address: '詹滨西里7号楼101', hukouType: 'urban', categories: [] },
    members: [{ name: '刘振华', idNumber: HEAD_ID, relation: '02', health: 'healthy' }],
  });
  await page.goto(`${app.url}#/households/${created.id}`);
  await page.getByRole('tab', { name: /走访记录/ }).click();
  await page.getByTestId('household-visits').getByTestId('household-visit').click();
  const form = page.getByTestId('visit-form');
  await form.getByLabel('走访情况').fill('老人腿脚不便，需要助餐');
  await form.getByLabel('走访情况').press('Escape');
  const discard = page.getByRole('dialog').filter({ hasText: '放弃未保存的内容？' });
  await expect(discard).toBeVisible();
  await screenshot(page, 'forms-04-visit-esc');
  await discard.getByRole('button', { name: '继续填写' }).click();
  await expect(form.getByLabel('走访情况')).toHaveValue('老人腿脚不便，需要助餐');
  await form.getByLabel('走访情况').press('Escape');
  await discard.getByRole('button', { name: '放弃并离开' }).click();
  await expect(page.getByText('登记走访：刘振华（詹滨西里7号楼101）')).toBeHidden();
  // Nothing typed: Esc closes at once.
  await page.getByTestId('household-visits').getByTestId('household-visit').click();
  await expect(form).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await expect(discard).toBeHidden();
});
