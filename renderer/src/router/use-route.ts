/** The current route from location.hash, re-rendered on hashchange; navigate() changes it. */
import { useSyncExternalStore } from 'react';
import { hrefOf, parseRoute, pathFromHash, queryFromHash, type Route } from './routes';
import { interceptLeave } from './leave-guard';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function currentHash(): string {
  return window.location.hash;
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, currentHash, () => '');
  return parseRoute(pathFromHash(hash), queryFromHash(hash));
}

/**
 * Goes to `route`, unless a form with unsaved input asks first (leave-guard.ts). `force`: the
 * move a form makes itself after saving.
 */
export function navigate(route: Route, opts: { replace?: boolean; force?: boolean } = {}): void {
  if (!opts.force && interceptLeave(() => navigate(route, { ...opts, force: true }))) return;
  const href = hrefOf(route);
  if (opts.replace) {
    const url = window.location.href.split('#')[0] + href;
    window.history.replaceState(null, '', url);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = href;
  }
}
