import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '../../../shared/api/bridge';
import { menuAction } from './menu-commands';

describe('menu commands', () => {
  it('opens the pages the menu names and reloads the data', () => {
    expect(menuAction(MENU_COMMANDS.households)).toEqual({ kind: 'navigate', route: { name: 'households' } });
    expect(menuAction(MENU_COMMANDS.newHousehold)).toEqual({ kind: 'navigate', route: { name: 'household-new' } });
    expect(menuAction(MENU_COMMANDS.reload)).toEqual({ kind: 'reload' });
    expect(menuAction('navigate:/ledger/clues')).toEqual({ kind: 'navigate', route: { name: 'ledger', tab: 'clues' } });
  });

  it('ignores what is not a command of the app: unknown paths, print pages, other values', () => {
    for (const c of ['navigate:/nowhere', 'navigate:/print/ledger', 'navigate:households', 'about', 'reload ', '', null, 5, { kind: 'reload' }]) {
      expect(menuAction(c), JSON.stringify(c)).toBeNull();
    }
  });
});
