/**
 * Launches the real Electron app (package.json "main" = dist-electron/main.cjs) on a fresh profile
 * and checks that it opens its window on the set-up / sign-in screen, with the hardened bridge
 * (exactly the keys of shared/api/bridge.ts), and that the menu's commands reach the window.
 *
 * Where the Electron binary is missing (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1) the test is
 * skipped, never passed. The check mirrors electron/index.js instead of calling require('electron'):
 * that call tries to download a missing binary.
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BRIDGE_KEYS } from '../../shared/api/bridge';
import { removeTestDir } from '../../electron/backend/testing/remove-dir';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

type Binary = { executable: string } | { missing: string };

/** The Electron executable `require('electron')` would return, or why there is none. */
function findElectronBinary(): Binary {
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json', { paths: [root] }));
  } catch {
    return { missing: 'the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(pathFile)) {
    return { missing: `the Electron binary was never downloaded (no ${pathFile}; ELECTRON_SKIP_BINARY_DOWNLOAD=1?)` };
  }
  const relative = fs.readFileSync(pathFile, 'utf8');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const executable = override ? path.join(override, relative || 'electron') : path.join(packageDir, 'dist', relative);
  return fs.existsSync(executable) ? { executable } : { missing: `the Electron binary is missing at ${executable}` };
}

/** Why the app cannot show a window here, if it cannot. */
function missingDisplay(): string | undefined {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return undefined;
  return 'no X or Wayland display (run under xvfb-run)';
}

/** Clicks the application menu's item labelled `label` (in any submenu), as the user would. */
async function clickMenuItem(app: ElectronApplication, label: string): Promise<void> {
  const found = await app.evaluate(({ Menu }, wanted) => {
    const walk = (items: Electron.MenuItem[]): Electron.MenuItem | undefined => {
      for (const item of items) {
        if (item.label === wanted) return item;
        const inner = item.submenu ? walk(item.submenu.items) : undefined;
        if (inner) return inner;
      }
      return undefined;
    };
    const item = walk(Menu.getApplicationMenu()?.items ?? []);
    item?.click();
    return item !== undefined;
  }, label);
  expect(found, `menu item ${label}`).toBe(true);
}

/** better-sqlite3-multiple-ciphers must be built for Electron's ABI; probe it with the Electron binary as Node. */
function assertNativeModulesBuiltForElectron(executable: string): void {
  const probe = "const D=require('better-sqlite3-multiple-ciphers');const d=new D(':memory:');d.prepare('select 1').get();d.close();";
  const result = spawnSync(executable, ['-e', probe], {
    cwd: root,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status === 0) return;
  throw new Error(
    'better-sqlite3-multiple-ciphers is not built for Electron. Run `npx electron-builder install-app-deps` before this ' +
      'project (and `npm run rebuild:node` before the Node tests).\n' +
      (result.stderr || String(result.error ?? '')).slice(0, 2000),
  );
}

test.describe('Electron app', () => {
  let app: ElectronApplication | undefined;
  let profile: string | undefined;

  test.afterEach(async () => {
    await app?.close().catch(() => undefined);
    app = undefined;
    if (profile) removeTestDir(profile);
    profile = undefined;
  });

  test('opens its window on the set-up or sign-in screen', async () => {
    const binary = findElectronBinary();
    if ('missing' in binary) test.skip(true, `Electron cannot run here: ${binary.missing}`);
    const noDisplay = missingDisplay();
    if (noDisplay) test.skip(true, `Electron cannot run here: ${noDisplay}`);
    const { executable } = binary as { executable: string };
    test.setTimeout(180_000);

    if (!fs.existsSync(path.join(root, 'dist', 'index.html'))) {
      throw new Error('The renderer is not built: run `npm run build:renderer` first.');
    }
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs')], { cwd: root, stdio: 'inherit' });
    assertNativeModulesBuiltForElectron(executable);

    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-electron-e2e-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) {
      if (value !== undefined && key !== 'VITE_DEV_SERVER_URL' && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
    }
    env.DOUDI_USER_DATA_DIR = profile;

    app = await electron.launch({ args: [root], cwd: root, env, timeout: 60_000 });
    const page = await app.firstWindow();

    // A fresh profile has no street yet: the set-up screen (or, once set up, the sign-in screen).
    await expect(page.getByText(/首次使用设置|登录/).first()).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('input[type="password"]').first()).toBeVisible();

    const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
    expect(title).toContain('兜底保障工作台');

    // The renderer sees the one bridge object and nothing of Node or Electron.
    const exposed = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown> & { doudi?: Record<string, unknown> };
      return {
        bridge: Object.keys(w.doudi ?? {}).sort(),
        require: typeof w.require,
        process: typeof w.process,
      };
    });
    expect(exposed).toEqual({ bridge: [...BRIDGE_KEYS], require: 'undefined', process: 'undefined' });

    // The API answers over IPC.
    const status = await page.evaluate(() => {
      const w = window as unknown as {
        doudi: { invoke(r: { procedure: string; input: unknown; token: string | null }): Promise<unknown> };
      };
      return w.doudi.invoke({ procedure: 'setup.status', input: {}, token: null });
    });
    expect(status).toMatchObject({ ok: true, result: { isSetUp: false } });

    // The Content-Security-Policy is in force: an injected inline script does not run. (Not tested
    // with eval: DevTools-protocol evaluation is exempt from the eval check.)
    const inlineScript = await page.evaluate(() => {
      const w = window as unknown as { __doudiInline?: number };
      const script = document.createElement('script');
      script.textContent = 'window.__doudiInline = 1;';
      document.head.appendChild(script);
      script.remove();
      return w.__doudiInline === 1 ? 'ran' : 'blocked';
    });
    expect(inlineScript).toBe('blocked');

    // The menu's commands reach the window: set up a street, sign in, then 新建家庭, 家庭档案 and
    // 刷新数据 from the menu (the page opens without reloading the window).
    const admin = { username: 'zgzadmin', displayName: '王建华', password: 'zgz-admin-2026' };
    const setUp = await page.evaluate((a) => {
      const w = window as unknown as { doudi: { invoke(r: { procedure: string; input: unknown; token: string | null }): Promise<unknown> } };
      const street = { streetCode: '120110001000', streetName: '张贵庄街道', officeName: '张贵庄街道公共服务办公室' };
      return w.doudi.invoke({ procedure: 'setup.initialize', input: { ...street, admin: a }, token: null });
    }, admin);
    expect(setUp).toMatchObject({ ok: true });
    await page.reload();
    await page.getByLabel('用户名').fill(admin.username);
    await page.getByLabel('密码').fill(admin.password);
    await page.getByLabel('密码').press('Enter');
    await expect(page.getByLabel('当前用户')).toBeVisible({ timeout: 30_000 });
    await page.evaluate(() => ((window as unknown as { samePage?: boolean }).samePage = true));
    await clickMenuItem(app, '新建家庭');
    await expect(page).toHaveURL(/#\/households\/new$/);
    await clickMenuItem(app, '家庭档案');
    await expect(page).toHaveURL(/#\/households$/);
    await clickMenuItem(app, '刷新数据');
    await expect(page.getByText('正在刷新数据')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);

    // Window state is remembered in the profile when the app closes.
    await app.close();
    app = undefined;
    expect(fs.existsSync(path.join(profile, 'window-state.json'))).toBe(true);
    expect(fs.existsSync(path.join(profile, 'data', 'doudi.sqlite'))).toBe(true);
  });
});
