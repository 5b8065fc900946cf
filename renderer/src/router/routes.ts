/** The app's routes, as hash paths (#/households/…), so that they work under file:// in Electron. */
export type Route =
  | { name: 'households' }
  | { name: 'household-new' }
  | { name: 'household'; id: string }
  | { name: 'admin'; tab: 'users' | 'org' }
  | { name: 'policy-params' }
  | { name: 'screening'; tab: ScreeningTab }
  | { name: 'ledger'; tab: LedgerTab }
  | { name: 'ledger-item'; id: string }
  | { name: 'print-visit-sheet'; gridId: string }
  | { name: 'print-ledger'; query: string }
  | { name: 'not-found'; path: string };

export type ScreeningTab = 'due' | 'round' | 'coverage';
export type LedgerTab = 'items' | 'watch' | 'escalations' | 'lookback';
const SCREENING_TABS: readonly ScreeningTab[] = ['due', 'round', 'coverage'];
const LEDGER_TABS: readonly LedgerTab[] = ['items', 'watch', 'escalations', 'lookback'];

export type AreaKey = 'registry' | 'admin' | 'policy' | 'screening' | 'ledger';

/** The query string of a hash path (#/print/ledger?status=open → status=open). */
export function queryFromHash(hash: string): string {
  const i = hash.indexOf('?');
  return i < 0 ? '' : hash.slice(i + 1);
}

/** Whether a route is a print page (shown without the navigation frame). */
export function isPrintRoute(route: Route): boolean {
  return route.name === 'print-visit-sheet' || route.name === 'print-ledger';
}

export function pathFromHash(hash: string): string {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  return path === '' ? '/' : path;
}

export function parseRoute(path: string, query = ''): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'households' };
  const [first, second, ...rest] = parts;
  if (first === 'households' && rest.length === 0) {
    if (second === undefined) return { name: 'households' };
    if (second === 'new') return { name: 'household-new' };
    return { name: 'household', id: second };
  }
  if (first === 'admin' && rest.length === 0) {
    if (second === undefined || second === 'users') return { name: 'admin', tab: 'users' };
    if (second === 'org') return { name: 'admin', tab: 'org' };
  }
  if (first === 'screening' && rest.length === 0) {
    const tab = (second ?? 'due') as ScreeningTab;
    if (SCREENING_TABS.includes(tab)) return { name: 'screening', tab };
  }
  if (first === 'ledger' && rest.length === 0) {
    if (second === undefined) return { name: 'ledger', tab: 'items' };
    if (LEDGER_TABS.includes(second as LedgerTab)) return { name: 'ledger', tab: second as LedgerTab };
    return { name: 'ledger-item', id: second };
  }
  if (first === 'print' && rest.length === 0) {
    const params = new URLSearchParams(query);
    if (second === 'visit-sheet' && params.get('gridId')) return { name: 'print-visit-sheet', gridId: params.get('gridId')! };
    if (second === 'ledger') return { name: 'print-ledger', query };
  }
  if (first === 'policy' && (second === undefined || second === 'params') && rest.length === 0) return { name: 'policy-params' };
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
    case 'policy-params':
      return '#/policy/params';
    case 'screening':
      return route.tab === 'due' ? '#/screening' : `#/screening/${route.tab}`;
    case 'ledger':
      return route.tab === 'items' ? '#/ledger' : `#/ledger/${route.tab}`;
    case 'ledger-item':
      return `#/ledger/${encodeURIComponent(route.id)}`;
    case 'print-visit-sheet':
      return `#/print/visit-sheet?gridId=${encodeURIComponent(route.gridId)}`;
    case 'print-ledger':
      return route.query ? `#/print/ledger?${route.query}` : '#/print/ledger';
    case 'not-found':
      return `#${route.path}`;
  }
}

export function areaOf(route: Route): AreaKey | null {
  if (route.name === 'admin') return 'admin';
  if (route.name === 'policy-params') return 'policy';
  if (route.name === 'screening' || route.name === 'print-visit-sheet') return 'screening';
  if (route.name === 'ledger' || route.name === 'ledger-item' || route.name === 'print-ledger') return 'ledger';
  if (route.name === 'not-found') return null;
  return 'registry';
}
