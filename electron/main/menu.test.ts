import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { aboutText, buildMenuTemplate, PRODUCT_NAME, showAboutDialog } from './menu';

vi.mock('electron', () => ({}));

const CJK = /[\u4e00-\u9fff]/;

function setup(overrides: { isPackaged?: boolean; platform?: NodeJS.Platform } = {}) {
  const actions = { send: vi.fn(), showAbout: vi.fn() };
  const template = buildMenuTemplate({ isPackaged: true, platform: 'win32', actions, ...overrides });
  return { actions, template };
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((top) => [top, ...items((top.submenu as MenuItemConstructorOptions[] | undefined) ?? [])]);
}

function find(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const item = items(template).find((i) => i.label === label);
  if (!item) throw new Error(`no menu item ${label}`);
  return item;
}

const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

describe('buildMenuTemplate', () => {
  it('has the five Chinese top-level menus', () => {
    const { template } = setup();
    expect(template.map((t) => t.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '窗口(&W)', '帮助(&H)']);
  });

  it('labels every item in Chinese, role items included', () => {
    for (const overrides of [{}, { isPackaged: false }, { platform: 'darwin' as const }, { platform: 'linux' as const }]) {
      const { template } = setup(overrides);
      for (const item of items(template)) {
        if (item.type === 'separator') continue;
        expect(item.label, JSON.stringify({ role: item.role })).toMatch(CJK);
      }
    }
  });

  it('gives the edit menu its standard roles', () => {
    const { template } = setup();
    const edit = (template[1]!.submenu as MenuItemConstructorOptions[]).map((i) => i.role).filter(Boolean);
    expect(edit).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(find(template, '退出').role).toBe('quit');
    expect(find(template, '最小化').role).toBe('minimize');
  });

  it('sends navigation and reload commands to the renderer', () => {
    const { template, actions } = setup();
    click(find(template, '家庭档案'));
    click(find(template, '新建家庭'));
    click(find(template, '刷新数据'));
    expect(actions.send.mock.calls).toEqual([['navigate:/households'], ['navigate:/households/new'], ['reload']]);
    expect(find(template, '刷新数据').accelerator).toBe('F5');
  });

  it('opens the about dialog from the help menu', () => {
    const { template, actions } = setup();
    click(find(template, `关于${PRODUCT_NAME}`));
    expect(actions.showAbout).toHaveBeenCalledTimes(1);
  });

  it('offers developer tools only in development', () => {
    const roles = (t: MenuItemConstructorOptions[]) => items(t).map((i) => i.role);
    expect(roles(setup().template)).not.toContain('toggleDevTools');
    expect(roles(setup().template)).not.toContain('forceReload');
    expect(roles(setup({ isPackaged: false }).template)).toEqual(expect.arrayContaining(['toggleDevTools', 'forceReload']));
  });

  it('adds the application menu on macOS', () => {
    const { template } = setup({ platform: 'darwin' });
    expect(template[0]!.label).toBe(PRODUCT_NAME);
    expect(template).toHaveLength(6);
  });
});

describe('about', () => {
  const info = { version: '0.1.0', versions: { electron: '45.5.0', chrome: '142.0', node: '22.20.0' } };

  it('names the product, its version and the work plan', () => {
    const text = aboutText(info);
    expect(text).toContain('版本：0.1.0');
    expect(text).toContain('津丽民发〔2020〕13号');
    expect(text).toContain('Electron 45.5.0');
  });

  it('shows a dialog attached to the window', async () => {
    const dialog = { showMessageBox: vi.fn(() => Promise.resolve({ response: 0, checkboxChecked: false })) };
    const win = { isDestroyed: () => false };
    showAboutDialog(dialog as never, win as never, info);
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      win,
      expect.objectContaining({ title: `关于${PRODUCT_NAME}`, message: PRODUCT_NAME, buttons: ['确定'] }),
    );
    showAboutDialog(dialog as never, null, info);
    expect(dialog.showMessageBox).toHaveBeenLastCalledWith(expect.objectContaining({ message: PRODUCT_NAME }));
  });
});
