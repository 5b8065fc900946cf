/** The app's routes, as hash paths (#/households/…), so that they work under file:// in Electron. */
export type Route =
  | { name: 'households' }
  | { name: 'household-new' }
  | { name: 'household'; id: string }
  | { name: 'admin'; tab: 'users' | 'org' }
  | { name: 'care' }
  | { name: 'care-cards' }
  | { name: 'care-person'; id: string }
  | { name: 'not-found'; path: string };

export type AreaKey = 'registry' | 'admin' | 'care';

export function pathFromHash(hash: string): string {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  return path === '' ? '/' : path;
}

export function parseRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'households' };
  const [first, second, ...rest] = parts;
  if (first === 'households' && rest.length === 0) {
    if (second === undefined) return { name: 'households' };
    if (second === 'new') return { name: 'household-new' };
    return { name: 'household', id: second };
  }
  if (first === 'care') {
    if (second === undefined && rest.length === 0) return { name: 'care' };
    if (second === 'cards' && rest.length === 0) return { name: 'care-cards' };
    if (second === 'person' && rest.length === 1) return { name: 'care-person', id: rest[0]! };
  }
  if (first === 'admin' && rest.length === 0) {
    if (second === undefined || second === 'users') return { name: 'admin', tab: 'users' };
    if (second === 'org') return { name: 'admin', tab: 'org' };
  }
  return { name: 'not-found', path };
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'households':
      return '#/households';
    case 'household-new':
      return '#/households/new';
    case 'household':
      return `#/households/${encodeURIComponent(route.id)}`;
    case 'admin':
      return `#/admin/${route.tab}`;
    case 'care':
      return '#/care';
    case 'care-cards':
      return '#/care/cards';
    case 'care-person':
      return `#/care/person/${encodeURIComponent(route.id)}`;
    case 'not-found':
      return `#${route.path}`;
  }
}

export function areaOf(route: Route): AreaKey | null {
  if (route.name === 'admin') return 'admin';
  if (route.name === 'not-found') return null;
  if (route.name === 'care' || route.name === 'care-cards' || route.name === 'care-person') return 'care';
  return 'registry';
}
