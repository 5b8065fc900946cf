/**
 * Issue 12 end to end (browser mode): recording a death on the household page lists the person's
 * allowance under 应退尽退; a household held at its amount while exits were suspended (2020) is on the
 * 暂停退出结束后复核 tab now that the suspension has ended, and its row opens the enrolment.
 */
import type { Page } from '@playwright/test';
import { makeIdNumber } from '../../shared/id-number';
import { shanghaiDate } from '../../shared/time/shanghai';
import { expect, screenshot, test, type App, type TestClock } from './fixtures';

const ADMIN = { username: 'admin', displayName: '王管理', password: 'admin-pass-1' };
const INVESTIGATOR = { username: 'dcy', displayName: '调查员', password: 'dcy-pass-2026' };

/** A backend caller that signs in again for each call (tests move the clock across years). */
async function setUp(app: App) {
  const r = await app.backend.call(
    'setup.initialize',
    { streetCode: '120110001000', streetName: '张贵庄街道', officeName: '张贵庄街道公共服务办公室', admin: ADMIN },
    null,
  );
  expect(r.ok).toBe(true);
  const as = async <T = unknown>(user: { username: string; password: string }, procedure: string, input: unknown): Promise<T> => {
    const login = await app.backend.call('auth.login', { username: user.username, password: user.password }, null);
    const token = (login as { result: { token: string } }).result.token;
    const res = await app.backend.call(procedure, input, token);
    if (!res.ok) throw new Error(`${procedure}: ${JSON.stringify(res)}`);
    return (res as { result: T }).result;
  };
  const call = <T = unknown>(procedure: string, input: unknown) => as<T>(ADMIN, procedure, input);
  await call('users.create', { ...INVESTIGATOR, role: 'caseworker' });
  const communityId = (await call<{ id: string }[]>('org.listCommunities', {}))[0]!.id;
  /** Apply → 入户调查 → 街道审核 → 公示 (given, already over) → 区级审批 recorded for the district. */
  const enrol = async (input: Record<string, unknown>, month: string, publicFrom: string, publicTo: string, approvedOn: string) => {
    const e = await call<{ id: string }>('assistance.apply', input);
    await as(INVESTIGATOR, 'assistance.investigate', { id: e.id });
    await call('assistance.advance', { id: e.id, step: 'street-review' });
    await call('assistance.advance', { id: e.id, step: 'publish', publicFrom, publicTo });
    await call('assistance.advance', { id: e.id, step: 'approve', month, districtDocNo: '东民救批〔2020〕1号', districtApprovedOn: approvedOn });
    return e.id;
  };
  return { call, communityId, enrol };
}

async function signIn(page: Page, app: App) {
  await page.goto(app.url);
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('密码').fill(ADMIN.password);
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByText('家庭列表').first()).toBeVisible();
}

function at(clock: TestClock, iso: string) {
  clock.offsetMs = Date.parse(iso) - Date.now();
}

test('a death recorded on the household page puts the orphan allowance on 应退尽退', async ({ page, app, clock }) => {
  test.setTimeout(120_000);
  at(clock, '2026-03-20T10:00:00+08:00');
  const { call, communityId, enrol } = await setUp(app);
  const hh = await call<{ id: string; members: { id: string }[] }>('registry.createHousehold', {
    household: { communityId, address: '华明里7号楼1门101', hukouType: 'urban', categories: ['orphan'] },
    members: [{ name: '严小', relation: '02', idNumber: makeIdNumber('120110', '20150101', 41), incomes: [] }],
  });
  await enrol({ programme: 'orphan-allowance', householdId: hh.id, personId: hh.members[0]!.id }, '2026-04', '2026-03-05', '2026-03-11', '2026-03-13');
  at(clock, '2026-05-10T10:00:00+08:00');
  await signIn(page, app);
  await page.evaluate((id) => (window.location.hash = `#/households/${id}`), hh.id);
  await page.getByRole('button', { name: '登记死亡 严小' }).click();
  const dialog = page.getByRole('dialog', { name: '登记 严小 死亡' });
  await page.getByTestId('death-date').click();
  await page.getByTestId('death-date').fill('2026-05-08');
  await page.keyboard.press('Enter');
  await page.getByTestId('death-note').fill('意外');
  await screenshot(page, 'exits-01-record-death');
  await dialog.getByRole('button', { name: /确认登记/ }).click();
  await expect(page.getByTestId('died-tag')).toContainText('已故 2026-05-08');
  await expect(page.getByRole('button', { name: '登记死亡 严小' })).toHaveCount(0);
  await screenshot(page, 'exits-02-member-died');

  await page.getByRole('menuitem', { name: '救助政策' }).click();
  await page.getByTestId('tab-entitlement-gaps').click();
  const row = page.getByTestId('entitlement-gaps').locator('tbody tr', { hasText: '严小' });
  await expect(row).toContainText('孤儿基本生活费');
  await expect(row).toContainText('应退尽退：死亡（2026-06起停发）');
  await screenshot(page, 'exits-03-should-exit');
  expect(shanghaiDate(clock.now())).toBe('2026-05-10');
});

test('a household held at its amount during the suspension is on the review tab once it has ended; the row opens the enrolment', async ({ page, app, clock }) => {
  test.setTimeout(120_000);
  at(clock, '2020-06-01T10:00:00+08:00');
  const { call, communityId, enrol } = await setUp(app);
  await call('policy.setParam', { key: 'dibao.employmentReward', value: 30000, effectiveFrom: '2020-06-12', retroactiveReason: '测试：补录就业奖励' });
  const hh = await call<{ id: string; members: { id: string }[] }>('registry.createHousehold', {
    household: { communityId, address: '华明里8号楼2门202', hukouType: 'urban' },
    members: [{ name: '戚大', relation: '02', idNumber: makeIdNumber('120110', '19750304', 51), incomes: [] }],
  });
  const id = await enrol({ programme: 'dibao', householdId: hh.id }, '2020-06', '2020-05-20', '2020-05-26', '2020-05-28');
  at(clock, '2020-07-10T10:00:00+08:00');
  await call('assistance.recordIncomeRise', {
    id, reportMonth: '2020-07', riseFromEmployment: true, selfReported: true, members: [{ personId: hh.members[0]!.id, wageFen: 400000 }],
  });
  at(clock, '2023-02-01T10:00:00+08:00');
  await signIn(page, app);
  await page.getByRole('menuitem', { name: '救助政策' }).click();
  await page.getByTestId('tab-entitlement-gaps').click();
  await page.getByTestId('tab-suspension-review').click();
  const screen = page.getByTestId('suspension-review');
  await expect(screen).toContainText('暂停低保退出已于 2023-01-08 结束');
  const row = screen.locator('tbody tr', { hasText: '戚大' });
  await expect(row).toContainText('2020-07');
  await expect(row).toContainText('31个月');
  await expect(row).toContainText('1,010.00');
  await screenshot(page, 'exits-04-suspension-review');
  await row.getByTestId('held-household').click();
  await expect(page).toHaveURL(new RegExp(`#/assistance/enrolments/${id}$`));
  await expect(page.getByTestId('enrolment-detail')).toContainText('戚大');
});
