import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as electron from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { createMainWindow, focusWindow, windowTitle } from './main-window';
import { resolveAppPaths } from './paths';
import { removeTestDir } from '../backend/testing/remove-dir';

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class FakeWebContents extends EventEmitter {
    send = vi.fn();
  }
  class BrowserWindow extends EventEmitter {
    static created: BrowserWindow[] = [];
    static nextLoadError: Error | undefined;
    webContents = new FakeWebContents();
    title: string;
    destroyed = false;
    minimized = false;
    visible = false;
    loadFile: Mock;
    loadURL = vi.fn(() => Promise.resolve());
    maximize = vi.fn();
    show = vi.fn(() => {
      this.visible = true;
    });
    restore = vi.fn();
    focus = vi.fn();
    close = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      super();
      this.title = String(options.title);
      const loadError = BrowserWindow.nextLoadError;
      BrowserWindow.nextLoadError = undefined;
      this.loadFile = vi.fn(() => (loadError ? Promise.reject(loadError) : Promise.resolve()));
      BrowserWindow.created.push(this);
    }
    setTitle(title: string) {
      this.title = title;
    }
    isDestroyed() {
      return this.destroyed;
    }
    isMinimized() {
      return this.minimized;
    }
    isVisible() {
      return this.visible;
    }
    isMaximized() {
      return false;
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1280, height: 800 };
    }
  }
  const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
  return {
    BrowserWindow,
    screen: { getPrimaryDisplay: () => display, getAllDisplays: () => [display] },
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(() => Promise.resolve({ response: 1 })) },
  };
});

interface FakeWindow extends NodeJS.EventEmitter {
  options: Record<string, unknown>;
  webContents: NodeJS.EventEmitter;
  title: string;
  destroyed: boolean;
  minimized: boolean;
  loadFile: Mock;
  maximize: Mock;
  show: Mock;
  restore: Mock;
  focus: Mock;
}
const FakeBrowserWindow = electron.BrowserWindow as unknown as {
  new (options: Record<string, unknown>): FakeWindow;
  nextLoadError: Error | undefined;
};
const dialog = electron.dialog as unknown as { showErrorBox: Mock; showMessageBox: Mock };

describe('windowTitle', () => {
  it('keeps the product name in the window title', () => {
    expect(windowTitle('')).toBe('兜底保障工作台');
    expect(windowTitle('兜底保障工作台')).toBe('兜底保障工作台');
    expect(windowTitle('家庭档案')).toBe('家庭档案 - 兜底保障工作台');
    expect(windowTitle('家庭档案 - 兜底保障工作台')).toBe('家庭档案 - 兜底保障工作台');
  });
});

describe('createMainWindow', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-main-window-'));
    dialog.showErrorBox.mockClear();
    dialog.showMessageBox.mockClear();
  });
  afterEach(() => removeTestDir(dir));

  const make = () => {
    const mainDir = path.join(dir, 'app', 'dist-electron');
    const paths = resolveAppPaths({ userData: dir, isPackaged: true, resourcesPath: dir, mainDir });
    const location = { kind: 'file' as const, indexFile: paths.rendererIndex };
    const win = createMainWindow({ paths, location, isPackaged: true }) as unknown as FakeWindow;
    return { paths, win };
  };

  it('opens a hidden, sandboxed window titled 兜底保障工作台 and loads the renderer', () => {
    const { paths, win } = make();
    expect(win.options).toMatchObject({
      title: '兜底保障工作台',
      show: false,
      webPreferences: {
        preload: paths.preloadFile,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        devTools: false,
      },
    });
    expect(win.loadFile).toHaveBeenCalledWith(paths.rendererIndex, { hash: '/' });
  });

  it('restores the remembered geometry, maximized included, when ready to show', () => {
    const state = { x: 40, y: 30, width: 1400, height: 900, maximized: true };
    fs.writeFileSync(path.join(dir, 'window-state.json'), JSON.stringify(state));
    const { win } = make();
    expect(win.options).toMatchObject({ x: 40, y: 30, width: 1400, height: 900 });
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.maximize).toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();
  });

  it('centres a first window with the default size', () => {
    const { win } = make();
    expect(win.options).toMatchObject({ width: 1280, height: 800, center: true });
    expect(win.options).not.toHaveProperty('x');
    win.emit('ready-to-show');
    expect(win.maximize).not.toHaveBeenCalled();
  });

  it('saves the geometry when the window closes', () => {
    const { win } = make();
    win.emit('close');
    const saved: unknown = JSON.parse(fs.readFileSync(path.join(dir, 'window-state.json'), 'utf8'));
    expect(saved).toEqual({ x: 0, y: 0, width: 1280, height: 800, maximized: false });
  });

  it('puts page titles before the product name', () => {
    const { win } = make();
    const event = { preventDefault: vi.fn() };
    win.emit('page-title-updated', event, '家庭档案');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(win.title).toBe('家庭档案 - 兜底保障工作台');
  });

  it('offers to reload when the renderer dies', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { win } = make();
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    await vi.waitFor(() => expect(win.loadFile).toHaveBeenCalledTimes(2));
    win.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });

  it('says so when the interface files cannot be loaded, and shows the window', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    FakeBrowserWindow.nextLoadError = new Error('ERR_FILE_NOT_FOUND');
    const { win } = make();
    await vi.waitFor(() =>
      expect(dialog.showErrorBox).toHaveBeenCalledWith('兜底保障工作台无法显示界面', expect.stringContaining('ERR_FILE_NOT_FOUND')),
    );
    expect(win.show).toHaveBeenCalled();
    error.mockRestore();
  });
});

describe('focusWindow', () => {
  it('restores, shows and focuses the window of the first instance', () => {
    const win = new FakeBrowserWindow({});
    win.minimized = true;
    focusWindow(win as never);
    expect(win.restore).toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it('ignores a closed window', () => {
    const gone = new FakeBrowserWindow({});
    gone.destroyed = true;
    focusWindow(gone as never);
    expect(gone.focus).not.toHaveBeenCalled();
    expect(() => focusWindow(null)).not.toThrow();
  });
});
