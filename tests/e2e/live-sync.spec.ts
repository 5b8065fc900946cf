/**
 * Live screens across PCs: two browser-mode apps of one street (backends in their worker threads)
 * enrolled to the district server on 127.0.0.1. A visit recorded on one appears on the other's open
 * household page within its sync interval, without navigation; a clue posted to the district reaches
 * the street's open 问题台账 list the same way.
 */
import { test, expect } from '@playwright/test';
import { makeIdNumber } from '../../shared/id-number';
import { startServer, STREET_A, type TestServer } from '../sync/harness';
import { backendCall as call, signInAs } from '../support/ui';
import { startEnrolledHostedApp, type HostedApp } from '../support/own-app';
import { postClues } from '../support/intake';
import { issueIntakeKey } from '../../server/intake/keys';

let server: TestServer;
let a: HostedApp;
let b: HostedApp;
const SYNC_INTERVAL_MS = 2000;

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

test.beforeAll(async () => {
  server = await startServer();
  a = await startEnrolledHostedApp(server, STREET_A, { tmpPrefix: 'doudi-e2e-live-a-', sync: { intervalMs: SYNC_INTERVAL_MS, debounceMs: 200 } });
  b = await startEnrolledHostedApp(server, STREET_A, { tmpPrefix: 'doudi-e2e-live-b-', sync: { intervalMs: SYNC_INTERVAL_MS, debounceMs: 200 } });
});

test.afterAll(async () => {
  await a?.close();
  await b?.close();
  await server?.close();
});

test('a visit recorded on one PC appears on the other PC’s open household page', async ({ page }) => {
  const login = { username: 'zgz_admin', password: 'secret-pass-1' };
  const { token } = await call<{ token: string }>(a.backend, null, 'auth.login', login);
  const communityId = (await call<{ id: string }[]>(a.backend, token, 'org.listCommunities', {}))[0]!.id;
  const household = await call<{ id: string }>(a.backend, token, 'registry.createHousehold', {
    household: { communityId, gridId: null, address: '东丽区示例里18号', hukouType: 'urban', categories: ['dibao'] },
    members: [{ name: '钱秀兰', idNumber: makeIdNumber('120110', '19480305', 61), relation: '02', health: 'serious' }],
  });
  await call(a.backend, token, 'sync.syncNow', {});

  // B has the household after its own sync; its page is open.
  const { token: tokenB } = await call<{ token: string }>(b.backend, null, 'auth.login', login);
  await call(b.backend, tokenB, 'sync.syncNow', {});
  await page.goto(`${b.url}#/households/${household.id}`);
  await signInAs(page, login.username, login.password);
  await page.getByRole('tab', { name: /走访记录/ }).click(); // the household file's 走访记录 tab
  const visits = page.getByTestId('household-visits');
  await expect(visits.getByText('暂无走访记录')).toBeVisible();

  // A records a visit; A's sync pushes it, B's background sync pulls it, B's page shows it.
  await call(a.backend, token, 'screening.recordVisit', {
    householdId: household.id,
    visitedOn: (await call<{ today: string }>(a.backend, null, 'app.clock', {})).today, // the app's clock's day
    method: 'home',
    visitorName: '刘网格',
    note: '另一台电脑登记的走访',
  });
  await expect(visits.getByText('另一台电脑登记的走访')).toBeVisible({ timeout: 4 * SYNC_INTERVAL_MS + 5000 });
  await expect(visits.getByText('走访记录（共 1 次）')).toBeVisible();
});

test('a clue posted to the district reaches the street’s open 问题台账 list without navigation', async ({ page }) => {
  await page.goto(b.url);
  await signInAs(page, 'zgz_admin', 'secret-pass-1');
  await page.getByRole('menuitem', { name: '问题台账' }).click();
  const table = page.getByTestId('ledger-table');
  await expect(table).toBeVisible();
  await expect(table).not.toContainText('钱秀兰');

  const { key } = await issueIntakeKey(server.opened.db, '网格系统', new Date());
  const posted = await postClues(server.url, key, {
    externalId: 'SJ-LIVE-0001',
    streetCode: STREET_A,
    idNumber: makeIdNumber('120110', '19480305', 61),
    category: 'care',
    description: '区级交办：独居老人近期无人照料',
    source: '市局反馈线索',
    dueAt: '2030-07-03T18:00:00+08:00',
  });
  expect(posted.status).toBe(200);
  const row = page.locator('[data-testid=ledger-table] tbody tr[data-row-key]').filter({ hasText: '钱秀兰' });
  await expect(row).toContainText('立即核查', { timeout: 4 * SYNC_INTERVAL_MS + 5000 });
});
