/**
 * The application menu (Chinese labels; Electron's role items come with English labels, so every
 * item names its own) and the 关于 dialog.
 */
import type { BrowserWindow, Dialog, MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from './channels';
import { MENU_COMMANDS } from '../../shared/api/bridge';

export const PRODUCT_NAME = '兜底保障工作台';

export interface MenuActions {
  /** Forwards a command to the renderer of the main window. */
  send(command: MenuCommand): void;
  showAbout(): void;
}

export interface MenuOptions {
  /** Development builds get reload and developer tools entries. */
  isPackaged: boolean;
  platform: NodeJS.Platform;
  actions: MenuActions;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function buildMenuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const { actions } = opts;
  const dev = !opts.isPackaged;

  const file: MenuItemConstructorOptions = {
    label: '文件(&F)',
    submenu: [
      { label: '家庭档案', accelerator: 'Alt+Home', click: () => actions.send(MENU_COMMANDS.households) },
      { label: '新建家庭', accelerator: 'CmdOrCtrl+N', click: () => actions.send(MENU_COMMANDS.newHousehold) },
      separator,
      { label: '退出', role: 'quit' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '编辑(&E)',
    submenu: [
      { label: '撤销', role: 'undo' },
      { label: '重做', role: 'redo' },
      separator,
      { label: '剪切', role: 'cut' },
      { label: '复制', role: 'copy' },
      { label: '粘贴', role: 'paste' },
      { label: '全选', role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '视图(&V)',
    submenu: [
      { label: '刷新数据', accelerator: 'F5', click: () => actions.send(MENU_COMMANDS.reload) },
      separator,
      { label: '实际大小', role: 'resetZoom' },
      { label: '放大', role: 'zoomIn' },
      { label: '缩小', role: 'zoomOut' },
      separator,
      { label: '全屏', role: 'togglefullscreen' },
      ...(dev
        ? [
            separator,
            { label: '重新加载界面', role: 'forceReload' } as const,
            { label: '开发者工具', role: 'toggleDevTools' } as const,
          ]
        : []),
    ],
  };

  const window: MenuItemConstructorOptions = {
    label: '窗口(&W)',
    submenu: [
      { label: '最小化', role: 'minimize' },
      { label: '关闭窗口', role: 'close' },
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: '帮助(&H)',
    role: 'help',
    submenu: [{ label: `关于${PRODUCT_NAME}`, click: () => actions.showAbout() }],
  };

  const template = [file, edit, view, window, help];
  if (opts.platform === 'darwin') {
    template.unshift({
      label: PRODUCT_NAME,
      submenu: [
        { label: `关于${PRODUCT_NAME}`, click: () => actions.showAbout() },
        separator,
        { label: `隐藏${PRODUCT_NAME}`, role: 'hide' },
        { label: '退出', role: 'quit' },
      ],
    });
  }
  return template;
}

export interface AboutInfo {
  version: string;
  versions: { electron?: string; chrome?: string; node?: string };
}

export function aboutText(info: AboutInfo): string {
  return [
    `版本：${info.version}`,
    '东丽区街道社会救助兜底保障工作台',
    '依据：津丽民发〔2020〕13号',
    '',
    `Electron ${info.versions.electron ?? '-'} · Chromium ${info.versions.chrome ?? '-'} · Node.js ${info.versions.node ?? '-'}`,
  ].join('\n');
}

export function showAboutDialog(dialog: Pick<Dialog, 'showMessageBox'>, win: BrowserWindow | null, info: AboutInfo): void {
  const options = {
    type: 'info' as const,
    title: `关于${PRODUCT_NAME}`,
    message: PRODUCT_NAME,
    detail: aboutText(info),
    buttons: ['确定'],
    noLink: true,
  };
  const shown = win && !win.isDestroyed() ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options);
  shown.catch((err: unknown) => console.error('[menu] about dialog failed', err));
}
