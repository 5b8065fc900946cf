/**
 * Electron main process entry: one instance, hardened renderers, the backend served over IPC, one
 * main window with a Chinese menu. Everything the app does lives in electron/backend.
 */
import { app, dialog, ipcMain, Menu, safeStorage, session, shell } from 'electron';
import { createBackend } from '../backend/app';
import { osSecretBox } from '../backend/store/secret-box';
import { MENU_CHANNEL, type MenuCommand } from './channels';
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

function start({ paths, location, isPackaged }: Startup): void {
  installSessionSecurity(session.defaultSession, location, contentSecurityPolicy({ dev: location.kind === 'dev' }));

  // The device token is sealed with the OS key store (DPAPI on Windows) where there is one.
  const secrets = safeStorage.isEncryptionAvailable()
    ? osSecretBox((plain) => safeStorage.encryptString(plain), (sealed) => safeStorage.decryptString(Buffer.from(sealed)))
    : undefined;
  const backend = createBackend({ dataDir: paths.dataDir, migrationsFolder: paths.migrationsFolder, secrets });
  const unbindApi = bindApi(ipcMain, {
    call: (procedure, input, token) => backend.call(procedure, input, token),
    isTrustedUrl: (url) => isAppUrl(url, location),
  });
  let mainWindow: ReturnType<typeof createMainWindow> | null = null;
  const unbindPrinting = bindPrinting(ipcMain, {
    preloadFile: paths.preloadFile,
    location,
    documentsDir: app.getPath('documents'),
    parent: () => mainWindow,
    isTrustedUrl: (url) => isAppUrl(url, location),
  });
  app.on('will-quit', () => {
    unbindApi();
    unbindPrinting();
    try {
      backend.close();
    } catch (err) {
      console.error('[main] closing the backend failed', err);
    }
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
