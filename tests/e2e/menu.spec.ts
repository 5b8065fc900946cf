/**
 * The application menu's commands (家庭档案, 新建家庭, 刷新数据) in the window. Browser mode has no
 * menu: the same commands are on its keys (Alt+Home, F5; 新建家庭 is Alt+N). A page opens through
 * the app's navigation, so a half-filled form asks first; 刷新数据 loads the data again without
 * reloading the page. With the desktop's bridge (Electron cannot run here: a page-side stand-in of
 * the preload's object, forwarding calls to the same backend over HTTP), the commands the menu
 * sends through `onMenuCommand` do the same.
 */
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { initializeStreet, signIn } from '../support/street-setup';

const ADMIN = { username: 'zgzadmin', displayName: '王建华', password: 'zgz-admin-2026' };

test.use({ viewport: { width: 1366, height: 768 } });

/** 新建家庭 with an address typed; then `leave` must ask, keep the input on 继续填写, and go on 放弃并离开. */
async function leavingAsks(page: Page, leave: () => Promise<void>): Promise<void> {
  await expect(page).toHaveURL(/#\/households\/new$/);
  const address = page.getByTestId('household-fields').getByLabel('家庭住址');
  await address.fill('詹滨西里5号楼1门101');
  await leave();
  const ask = page.getByRole('dialog').filter({ hasText: '放弃新建家庭？' });
  await ask.getByRole('button', { name: '继续填写' }).click();
  await expect(ask).toBeHidden();
  await expect(page).toHaveURL(/#\/households\/new$/);
  await expect(address).toHaveValue('詹滨西里5号楼1门101');
  await leave();
  await ask.getByRole('button', { name: '放弃并离开' }).click();
  await expect(page).toHaveURL(/#\/households$/);
  await expect(page.getByText('家庭列表').first()).toBeVisible();
}

/** 刷新数据 asks the backend for the list again and the page itself is not reloaded. */
async function reloadsData(page: Page, reload: () => Promise<void>, shot?: string): Promise<void> {
  await page.evaluate(() => ((window as unknown as { samePage?: boolean }).samePage = true));
  const listed = page.waitForRequest((r) => r.url().endsWith('/api/registry.listHouseholds'));
  await reload();
  await listed;
  await expect(page.getByText('正在刷新数据')).toBeVisible();
  if (shot) await screenshot(page, shot);
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
}

test("browser mode: the menu's keys open pages through the unsaved-input guard and reload the data", async ({ page, app }) => {
  await initializeStreet(app.backend, ADMIN);
  await signIn(page, app.url, ADMIN);
  await page.keyboard.press('Alt+n');
  await leavingAsks(page, () => page.keyboard.press('Alt+Home'));
  await reloadsData(page, () => page.keyboard.press('F5'), 'menu-01-refresh-f5');
});

test("with the desktop's bridge, the renderer runs the commands the menu sends", async ({ page, app }) => {
  // The preload's object (shared/api/bridge.ts), its calls carried over HTTP instead of IPC.
  await page.addInitScript(() => {
    const menu: ((command: string) => void)[] = [];
    const w = window as unknown as Record<string, unknown>;
    w.sendMenuCommand = (command: string) => menu.forEach((l) => l(command));
    w.menuListeners = () => menu.length;
    w.doudi = {
      platform: 'linux',
      invoke: async ({ procedure, input, token }: { procedure: string; input: unknown; token: string | null }) => {
        const res = await fetch(`/api/${procedure}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-doudi-token': token ?? '' },
          body: JSON.stringify({ input }),
        });
        return res.json();
      },
      onMenuCommand: (callback: (command: string) => void) => {
        menu.push(callback);
        return () => menu.splice(menu.indexOf(callback), 1);
      },
      onBackendEvent: () => () => undefined,
      print: async () => ({ ok: false, error: { code: 'internal', message: '测试中不打印' } }),
      printSession: async () => null,
    };
  });
  await initializeStreet(app.backend, ADMIN);
  await signIn(page, app.url, ADMIN);
  const send = (command: string) => page.evaluate((c) => (window as unknown as { sendMenuCommand(c: string): void }).sendMenuCommand(c), command);
  await send('navigate:/households/new');
  await leavingAsks(page, () => send('navigate:/households'));
  // One listener, however often the frame rendered: a command runs once.
  expect(await page.evaluate(() => (window as unknown as { menuListeners(): number }).menuListeners())).toBe(1);
  await reloadsData(page, () => send('reload'));
  // A command that is not the app's changes nothing.
  await send('navigate:/print/ledger');
  await send('about');
  await expect(page).toHaveURL(/#\/households$/);
});
