/** The current route from location.hash, re-rendered on hashchange; navigate() changes it. */
import { useSyncExternalStore } from 'react';
import { hrefOf, parseRoute, pathFromHash, type Route } from './routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function currentPath(): string {
  return pathFromHash(window.location.hash);
}

export function useRoute(): Route {
  const path = useSyncExternalStore(subscribe, currentPath, () => '/');
  return parseRoute(path);
}

export function navigate(route: Route, opts: { replace?: boolean } = {}): void {
  const href = hrefOf(route);
  if (opts.replace) {
    const url = window.location.href.split('#')[0] + href;
    window.history.replaceState(null, '', url);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = href;
  }
}
