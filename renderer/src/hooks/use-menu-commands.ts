/**
 * Runs the Electron menu's commands in the window (家庭档案, 新建家庭, 刷新数据): a page opens through
 * navigate(), so a form with unsaved input asks first; 刷新数据 loads the data shown again. In browser
 * mode, where there is no menu, the same commands are on the menu's keys: Alt+Home and F5 (新建家庭
 * is Alt+N there: browsers keep Ctrl+N for a new window).
 */
import { useEffect, useRef } from 'react';
import { App } from 'antd';
import { MENU_COMMANDS } from '../../../shared/api/bridge';
import { getBridge } from '../api/bridge';
import { menuAction } from '../router/menu-commands';
import { navigate } from '../router/use-route';
import { useHotkey } from './use-hotkey';
import { requestReload } from './use-reload';

export function useMenuCommands(): void {
  const { message } = App.useApp();
  const bridge = getBridge();

  const run = (command: unknown) => {
    const action = menuAction(command);
    if (action?.kind === 'navigate') navigate(action.route);
    if (action?.kind === 'reload') {
      requestReload();
      void message.info('正在刷新数据…', 1);
    }
  };
  const runRef = useRef(run);
  runRef.current = run;

  useEffect(() => bridge?.onMenuCommand((command) => runRef.current(command)), [bridge]);

  // Electron's menu takes these keys itself: here only where there is no menu.
  useHotkey('alt+home', () => run(MENU_COMMANDS.households), { enabled: !bridge, inInputs: true });
  useHotkey('f5', () => run(MENU_COMMANDS.reload), { enabled: !bridge, inInputs: true });
}
