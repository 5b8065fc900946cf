/**
 * The main window: remembered geometry, secure web preferences, the product name in its title, the
 * renderer loaded, and a way back when the renderer process dies.
 */
import { BrowserWindow, dialog, screen } from 'electron';
import { PRODUCT_NAME } from './menu';
import type { AppPaths } from './paths';
import { loadRoute, type RendererLocation } from './renderer-location';
import { secureWebPreferences } from './security';
import { MIN_WINDOW_SIZE, readWindowState, trackWindowState, type Rect } from './window-state';

export interface MainWindowOptions {
  paths: AppPaths;
  location: RendererLocation;
  isPackaged: boolean;
}

/** Page titles become "页面 - 兜底保障工作台"; the product name is always in the window title. */
export function windowTitle(pageTitle: string): string {
  const title = pageTitle.trim();
  if (!title || title.includes(PRODUCT_NAME)) return title || PRODUCT_NAME;
  return `${title} - ${PRODUCT_NAME}`;
}

function workAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((d) => d.id !== primary.id);
  return [primary, ...others].map((d) => d.workArea);
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const state = readWindowState(opts.paths.windowStateFile, workAreas());
  const win = new BrowserWindow({
    title: PRODUCT_NAME,
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : { center: true }),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    backgroundColor: '#f5f5f5',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences({ preload: opts.paths.preloadFile, devTools: !opts.isPackaged }),
  });
  trackWindowState(win, opts.paths.windowStateFile);

  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  win.on('page-title-updated', (event, title) => {
    event.preventDefault();
    win.setTitle(windowTitle(title));
  });
  // A form with unsaved input cancels the unload (renderer hooks/use-unsaved-guard.ts); Electron
  // shows no dialog of its own, so the window would just stay open without a word.
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      title: PRODUCT_NAME,
      message: '有尚未保存的内容',
      detail: '已填写的内容尚未保存，关闭后将丢失。',
      buttons: ['继续填写', '放弃并关闭'],
      defaultId: 0,
      cancelId: 0,
    });
    // preventDefault here overrides the page's refusal: the window closes or reloads.
    if (choice === 1) event.preventDefault();
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    console.error('[main-window] renderer gone', details);
    offerReload(win, opts.location);
  });

  loadRoute(win, opts.location).catch((err: unknown) => {
    console.error('[main-window] could not load the interface', err);
    if (win.isDestroyed()) return;
    dialog.showErrorBox(
      `${PRODUCT_NAME}无法显示界面`,
      `界面文件未能加载，请重新安装本软件或联系技术支持。\n\n${err instanceof Error ? err.message : String(err)}`,
    );
    win.show();
  });
  return win;
}

function offerReload(win: BrowserWindow, location: RendererLocation): void {
  if (win.isDestroyed()) return;
  dialog
    .showMessageBox(win, {
      type: 'error',
      title: PRODUCT_NAME,
      message: '界面意外退出',
      detail: '已保存的数据不受影响。可以重新加载界面继续工作。',
      buttons: ['重新加载', '关闭'],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    })
    .then(({ response }) => {
      if (win.isDestroyed()) return;
      if (response === 0) {
        loadRoute(win, location).catch((err: unknown) => console.error('[main-window] reload failed', err));
      } else {
        win.close();
      }
    })
    .catch((err: unknown) => console.error('[main-window] dialog failed', err));
}

/** Brings the window to the front (for a second launch of the app). */
export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}
