/** The current route from location.hash, re-rendered on hashchange; navigate() changes it. */
import { useSyncExternalStore } from 'react';
import { hrefOf, parseRoute, pathFromHash, queryFromHash, type Route } from './routes';

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
