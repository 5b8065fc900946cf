/**
 * Electron main process entry: one instance, hardened renderers, the backend (in its worker thread,
 * behind the backend host) served over IPC, its events relayed to the windows, one main window with
 * a Chinese menu. Everything the app does lives in electron/backend; main only relays and does what
 * only it can (safeStorage, printing, dialogs).
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session, shell } from 'electron';
import { startBackendHost, withBase64File } from '../host/host';
import { EVENT_CHANNEL, MENU_CHANNEL, type MenuCommand } from './channels';
import { bindApi } from './ipc';
import { bindPrinting } from './print-ipc';
import { createMainWindow, focusWindow } from './main-window';
import { buildMenuTemplate, PRODUCT_NAME, showAboutDialog } from './menu';
import { resolveAppPaths, userDataOverride, type AppPaths } from './paths';
import { isAppUrl, rendererLocation, type RendererLocation } from './renderer-location';
import { contentSecurityPolicy, installAppSecurity, installSessionSecurity } from './security';

interface Startup {
  paths: AppPaths;
  location: RendererLocation;
  isPackaged: boolean;
}

function main(): void {
  const userData = userDataOverride(process.env);
  if (userData) app.setPath('userData', userData);
  // The lock lives in the profile, so it is taken after the profile is chosen.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.enableSandbox();

  const isPackaged = app.isPackaged;
  const paths = resolveAppPaths({
    userData: app.getPath('userData'),
    isPackaged,
    resourcesPath: process.resourcesPath,
    mainDir: __dirname,
  });
  const location = rendererLocation({ isPackaged, devServerUrl: process.env.VITE_DEV_SERVER_URL, indexFile: paths.rendererIndex });
  installAppSecurity(app, location, shell);
  app.on('window-all-closed', () => app.quit());

  app
    .whenReady()
    .then(() => start({ paths, location, isPackaged }))
    .catch((err: unknown) => fail(err, paths));
}

async function start({ paths, location, isPackaged }: Startup): Promise<void> {
  installSessionSecurity(session.defaultSession, location, contentSecurityPolicy({ dev: location.kind === 'dev' }));

  // The device token is sealed with the OS key store (DPAPI on Windows) where there is one; the
  // worker asks main for the bytes (safeStorage works only here).
  const secrets = safeStorage.isEncryptionAvailable()
    ? {
        encrypt: (plain: string) => safeStorage.encryptString(plain).toString('base64'),
        decrypt: (sealed: string) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
      }
    : undefined;
  const backend = await startBackendHost({
    dataDir: paths.dataDir,
    migrationsFolder: paths.migrationsFolder,
    workerFile: path.join(__dirname, 'backend-worker.cjs'),
    secrets,
  });
  const unbindApi = bindApi(ipcMain, {
    // A file's bytes come from the worker moved, not copied; IPC takes them as the renderer reads them.
    call: (procedure, input, token) => backend.call(procedure, input, token).then(withBase64File),
    isTrustedUrl: (url) => isAppUrl(url, location),
  });
  // Events go to every window of the app (the main window; a print window ignores them).
  const unsubscribe = backend.subscribe((event) => {
    for (const w of BrowserWindow.getAllWindows()) if (!w.isDestroyed()) w.webContents.send(EVENT_CHANNEL, event);
  });
  let mainWindow: ReturnType<typeof createMainWindow> | null = null;
  const unbindPrinting = bindPrinting(ipcMain, {
    preloadFile: paths.preloadFile,
    location,
    documentsDir: app.getPath('documents'),
    parent: () => mainWindow,
    isTrustedUrl: (url) => isAppUrl(url, location),
  });
  let quitting = false;
  app.on('will-quit', (event) => {
    if (quitting) return;
    // Quit once the worker has closed the database (it checkpoints the WAL), not before.
    event.preventDefault();
    quitting = true;
    unsubscribe();
    unbindApi();
    unbindPrinting();
    backend
      .close()
      .catch((err: unknown) => console.error('[main] closing the backend failed', err))
      .finally(() => app.quit());
  });

  const win = createMainWindow({ paths, location, isPackaged });
  mainWindow = win;
  const send = (command: MenuCommand): void => {
    if (!win.isDestroyed()) win.webContents.send(MENU_CHANNEL, command);
  };
  const showAbout = (): void =>
    showAboutDialog(dialog, win, { version: app.getVersion(), versions: process.versions });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenuTemplate({ isPackaged, platform: process.platform, actions: { send, showAbout } })),
  );
  app.on('second-instance', () => focusWindow(win));
}

/** Start-up failed (database unreadable, native module built for another runtime, ...): say so, exit. */
function fail(err: unknown, paths: AppPaths): void {
  console.error('[main] start-up failed', err);
  const reason = err instanceof Error ? err.message : String(err);
  dialog.showErrorBox(
    `${PRODUCT_NAME}无法启动`,
    `启动时出现错误，请联系技术支持并提供以下信息。\n\n${reason}\n\n数据目录：${paths.dataDir}`,
  );
  app.exit(1);
}

main();
