/**
 * The current route from location.hash; navigate() changes it. Every change of the hash the app did
 * not make itself (the browser's Back and Forward buttons, a link, an address typed by hand) passes
 * the leave guards too: while a form holds unsaved input, its address is put back and the user is
 * asked; on yes the move goes ahead.
 */
import { useSyncExternalStore } from 'react';
import { hrefOf, parseRoute, pathFromHash, queryFromHash, type Route } from './routes';
import { interceptLeave } from './leave-guard';

const listeners = new Set<() => void>();
/** The hash the app shows. */
let shown = typeof window === 'undefined' ? '' : window.location.hash;
/** The hash navigate() is moving to: its guards have been asked already. */
let allowed: string | null = null;

function show(hash: string): void {
  shown = hash;
  allowed = null;
  for (const l of [...listeners]) l();
}

function urlWithHash(hash: string): string {
  return window.location.href.split('#')[0] + hash;
}

function onHashChange(): void {
  const hash = window.location.hash;
  if (hash === shown) return;
  if (hash === allowed) return show(hash);
  const asked = interceptLeave(() => {
    window.history.replaceState(null, '', urlWithHash(hash));
    show(hash);
  });
  // Stay on the form until the user agrees to leave it: its address comes back.
  if (asked) window.history.pushState(null, '', urlWithHash(shown));
  else show(hash);
}

if (typeof window !== 'undefined') window.addEventListener('hashchange', onHashChange);

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}

function currentHash(): string {
  return shown;
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
    window.history.replaceState(null, '', urlWithHash(href));
    allowed = window.location.hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = href;
    // The browser may have encoded it: what it now reads is what hashchange will see.
    allowed = window.location.hash;
  }
}
