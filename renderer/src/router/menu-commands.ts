/**
 * What a menu command (shared/api/bridge.ts MenuCommand, from the Electron menu or its keyboard twin
 * in browser mode) asks of the window: open a page of the app, or load the data shown again. The
 * command crosses the bridge as a plain string: anything else, a print page or an unknown path, is
 * ignored.
 */
import { parseRoute, pathFromHash, queryFromHash, type Route } from './routes';

export type MenuAction = { kind: 'navigate'; route: Route } | { kind: 'reload' };

export function menuAction(command: unknown): MenuAction | null {
  if (command === 'reload') return { kind: 'reload' };
  if (typeof command !== 'string' || !command.startsWith('navigate:/')) return null;
  const target = command.slice('navigate:'.length);
  const route = parseRoute(pathFromHash(target), queryFromHash(target));
  if (route.name === 'not-found' || route.name.startsWith('print-')) return null;
  return { kind: 'navigate', route };
}
