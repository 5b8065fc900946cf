/** The app's routes, as hash paths (#/households/…), so that they work under file:// in Electron. */
/**
 * `filter`: a list screen's filter as URL query text (e.g. status=open&urgency=1), set by the lines
 * of the 工作台 that open the list; each screen reads its own parameters.
 */
export type Route =
  | { name: 'home' }
  | { name: 'households' }
  | { name: 'household-new' }
  | { name: 'household'; id: string }
  | { name: 'admin'; tab: 'users' | 'org' | 'backup' | 'security' }
  | { name: 'policy-params' }
  | { name: 'screening'; tab: ScreeningTab; filter?: string }
  | { name: 'ledger'; tab: LedgerTab; filter?: string }
  | { name: 'ledger-item'; id: string }
  /** 登记并立项 of a 待登记线索: the household registration prefilled with the clue. */
  | { name: 'clue-register'; id: string }
  | { name: 'print-visit-sheet'; gridId: string }
  | { name: 'print-ledger'; query: string }
  | { name: 'print-household'; id: string }
  | { name: 'enrolments'; programme: string | null; status?: string }
  | { name: 'enrolment'; id: string }
  | { name: 'temporary'; filter?: string }
  | { name: 'temporary-payments' }
  | { name: 'payment-list'; programme: string | null; month: string | null }
  | { name: 'payment-batches'; filter?: string }
  | { name: 'entitlement-gaps'; filter?: string }
  /** 复审 due and overdue (issue 17). */
  | { name: 'reviews'; filter?: string }
  | { name: 'print-payment-list'; programme: string; month: string }
  | { name: 'print-monthly-report'; month: string; street: string | null }
  | { name: 'sync' }
  | { name: 'reports'; month: string | null }
  | { name: 'care'; filter?: string }
  | { name: 'care-cards'; filter?: string }
  | { name: 'care-template' }
  | { name: 'care-person'; id: string }
  /** 留守人员 records (issue 17): filter=stale|age-out|…, kind, communityId. */
  | { name: 'left-behind'; filter?: string }
  /** 统计报表 of a district PC (issue 15): 各街道对比 / 排名 / 通报. */
  | { name: 'reports-district'; tab: DistrictReportsTab; month: string | null }
  /** A street's 报送 of its monthly report and the versions submitted. */
  | { name: 'reports-submit'; month: string | null }
  | { name: 'print-circular'; id: string }
  /** 预警 (issue 17): the street's inbox, and every street's disposition rates at a district PC. */
  | { name: 'warnings'; filter?: string }
  | { name: 'warnings-rates' }
  /** 部门数据导入 (issue 17). */
  | { name: 'warnings-imports' }
  | { name: 'not-found'; path: string };

export type DistrictReportsTab = 'compare' | 'ranking' | 'circulars';
const DISTRICT_REPORTS_TABS: readonly DistrictReportsTab[] = ['compare', 'ranking', 'circulars'];

export type ScreeningTab = 'due' | 'round' | 'coverage' | 'policy';
export type LedgerTab = 'items' | 'clues' | 'watch' | 'escalations' | 'lookback';
const SCREENING_TABS: readonly ScreeningTab[] = ['due', 'round', 'coverage', 'policy'];
const LEDGER_TABS: readonly LedgerTab[] = ['items', 'clues', 'watch', 'escalations', 'lookback'];

export type AreaKey = 'home' | 'registry' | 'admin' | 'policy' | 'screening' | 'ledger' | 'sync' | 'care' | 'reports' | 'warnings';

/** Whether a route is a print page (shown without the navigation frame). */
export function isPrintRoute(route: Route): boolean {
  return route.name.startsWith('print-');
}

export function pathFromHash(hash: string): string {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  return path === '' ? '/' : path;
}

/** The query part of a hash (#/x?a=1 -> a=1). */
export function queryFromHash(hash: string): string {
  const i = hash.indexOf('?');
  return i < 0 ? '' : hash.slice(i + 1);
}

/** `{ filter }` when the query has any parameter, else nothing (so that routes compare equal). */
function withFilter(query: string): { filter?: string } {
  return query ? { filter: query } : {};
}

export function parseRoute(path: string, query = ''): Route {
  const q = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  // The 工作台 is the first screen after sign-in; the household list is one click away.
  if (parts.length === 0) return { name: 'home' };
  const [first, second, ...rest] = parts;
  if (first === 'home' && second === undefined) return { name: 'home' };
  if (first === 'households' && rest.length === 0) {
    if (second === undefined) return { name: 'households' };
    if (second === 'new') return { name: 'household-new' };
    return { name: 'household', id: second };
  }
  if (first === 'care') {
    if (second === undefined && rest.length === 0) return { name: 'care', ...withFilter(query) };
    if (second === 'cards' && rest.length === 0) return { name: 'care-cards', ...withFilter(query) };
    if (second === 'template' && rest.length === 0) return { name: 'care-template' };
    if (second === 'person' && rest.length === 1) return { name: 'care-person', id: rest[0]! };
    if (second === 'left-behind' && rest.length === 0) return { name: 'left-behind', ...withFilter(query) };
  }
  if (first === 'admin' && rest.length === 0) {
    if (second === undefined || second === 'users') return { name: 'admin', tab: 'users' };
    if (second === 'org') return { name: 'admin', tab: 'org' };
    if (second === 'backup') return { name: 'admin', tab: 'backup' };
    if (second === 'security') return { name: 'admin', tab: 'security' };
  }
  if (first === 'screening' && rest.length === 0) {
    const tab = (second ?? 'due') as ScreeningTab;
    if (SCREENING_TABS.includes(tab)) return { name: 'screening', tab, ...withFilter(query) };
  }
  if (first === 'ledger' && second === 'clues' && rest.length === 1) return { name: 'clue-register', id: rest[0]! };
  if (first === 'ledger' && rest.length === 0) {
    if (second === undefined) return { name: 'ledger', tab: 'items', ...withFilter(query) };
    if (LEDGER_TABS.includes(second as LedgerTab)) return { name: 'ledger', tab: second as LedgerTab, ...withFilter(query) };
    return { name: 'ledger-item', id: second };
  }
  if (first === 'print' && rest.length === 0) {
    const params = new URLSearchParams(query);
    if (second === 'visit-sheet' && params.get('gridId')) return { name: 'print-visit-sheet', gridId: params.get('gridId')! };
    if (second === 'ledger') return { name: 'print-ledger', query };
  }
  if (first === 'policy' && (second === undefined || second === 'params') && rest.length === 0) return { name: 'policy-params' };
  if (first === 'assistance' && rest.length === 0) {
    if (second === undefined || second === 'enrolments') {
      const status = q.get('status');
      return { name: 'enrolments', programme: q.get('programme'), ...(status ? { status } : {}) };
    }
    if (second === 'temporary') return { name: 'temporary', ...withFilter(query) };
    if (second === 'temporary-payments') return { name: 'temporary-payments' };
    if (second === 'payments') return { name: 'payment-list', programme: q.get('programme'), month: q.get('month') };
    if (second === 'batches') return { name: 'payment-batches', ...withFilter(query) };
    if (second === 'gaps') return { name: 'entitlement-gaps', ...withFilter(query) };
    if (second === 'reviews') return { name: 'reviews', ...withFilter(query) };
  }
  if (first === 'assistance' && second === 'enrolments' && rest.length === 1) return { name: 'enrolment', id: rest[0]! };
  if (first === 'print' && second === 'household' && rest.length === 1) return { name: 'print-household', id: rest[0]! };
  if (first === 'print' && second === 'payment-list' && rest.length === 0) {
    return { name: 'print-payment-list', programme: q.get('programme') ?? 'dibao', month: q.get('month') ?? '' };
  }
  if (first === 'print' && second === 'monthly-report' && rest.length === 0 && /^\d{4}-(0[1-9]|1[0-2])$/.test(q.get('month') ?? '')) {
    return { name: 'print-monthly-report', month: q.get('month')!, street: q.get('street') };
  }
  if (first === 'sync' && second === undefined) return { name: 'sync' };
  if (first === 'reports' && second === 'district' && rest.length <= 1) {
    const tab = (rest[0] ?? 'compare') as DistrictReportsTab;
    if (DISTRICT_REPORTS_TABS.includes(tab)) return { name: 'reports-district', tab, month: q.get('month') };
  }
  if (first === 'reports' && second === 'submit' && rest.length === 0) return { name: 'reports-submit', month: q.get('month') };
  if (first === 'print' && second === 'circular' && rest.length === 1) return { name: 'print-circular', id: rest[0]! };
  if (first === 'reports' && second === undefined) return { name: 'reports', month: q.get('month') };
  if (first === 'warnings' && second === undefined) return { name: 'warnings', ...withFilter(query) };
  if (first === 'warnings' && second === 'rates' && rest.length === 0) return { name: 'warnings-rates' };
  if (first === 'warnings' && second === 'imports' && rest.length === 0) return { name: 'warnings-imports' };
  return { name: 'not-found', path };
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/home';
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
      return (route.tab === 'due' ? '#/screening' : `#/screening/${route.tab}`) + filterPart(route.filter);
    case 'ledger':
      return (route.tab === 'items' ? '#/ledger' : `#/ledger/${route.tab}`) + filterPart(route.filter);
    case 'ledger-item':
      return `#/ledger/${encodeURIComponent(route.id)}`;
    case 'clue-register':
      return `#/ledger/clues/${encodeURIComponent(route.id)}`;
    case 'print-visit-sheet':
      return `#/print/visit-sheet?gridId=${encodeURIComponent(route.gridId)}`;
    case 'print-ledger':
      return route.query ? `#/print/ledger?${route.query}` : '#/print/ledger';
    case 'enrolments':
      return `#/assistance/enrolments${qs({ programme: route.programme, status: route.status ?? null })}`;
    case 'enrolment':
      return `#/assistance/enrolments/${encodeURIComponent(route.id)}`;
    case 'temporary':
      return '#/assistance/temporary' + filterPart(route.filter);
    case 'temporary-payments':
      return '#/assistance/temporary-payments';
    case 'payment-list':
      return `#/assistance/payments${qs({ programme: route.programme, month: route.month })}`;
    case 'payment-batches':
      return '#/assistance/batches' + filterPart(route.filter);
    case 'entitlement-gaps':
      return '#/assistance/gaps' + filterPart(route.filter);
    case 'reviews':
      return '#/assistance/reviews' + filterPart(route.filter);
    case 'print-household':
      return `#/print/household/${encodeURIComponent(route.id)}`;
    case 'print-payment-list':
      return `#/print/payment-list${qs({ programme: route.programme, month: route.month })}`;
    case 'print-monthly-report':
      return `#/print/monthly-report${qs({ month: route.month, street: route.street })}`;
    case 'sync':
      return '#/sync';
    case 'care':
      return '#/care' + filterPart(route.filter);
    case 'care-cards':
      return '#/care/cards' + filterPart(route.filter);
    case 'care-template':
      return '#/care/template';
    case 'care-person':
      return `#/care/person/${encodeURIComponent(route.id)}`;
    case 'left-behind':
      return '#/care/left-behind' + filterPart(route.filter);
    case 'reports-district':
      return `#/reports/district${route.tab === 'compare' ? '' : `/${route.tab}`}${qs({ month: route.month })}`;
    case 'reports-submit':
      return `#/reports/submit${qs({ month: route.month })}`;
    case 'print-circular':
      return `#/print/circular/${encodeURIComponent(route.id)}`;
    case 'reports':
      return `#/reports${qs({ month: route.month })}`;
    case 'warnings':
      return '#/warnings' + filterPart(route.filter);
    case 'warnings-rates':
      return '#/warnings/rates';
    case 'warnings-imports':
      return '#/warnings/imports';
    case 'not-found':
      return `#${route.path}`;
  }
}

function filterPart(filter: string | undefined): string {
  return filter ? `?${filter}` : '';
}

function qs(params: Record<string, string | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const text = q.toString();
  return text ? `?${text}` : '';
}

const POLICY_ROUTES: readonly Route['name'][] = ['policy-params', 'enrolments', 'enrolment', 'temporary', 'temporary-payments', 'payment-list', 'payment-batches', 'entitlement-gaps', 'reviews', 'print-payment-list'];

export function areaOf(route: Route): AreaKey | null {
  if (route.name === 'home') return 'home';
  if (route.name === 'admin') return 'admin';
  if (POLICY_ROUTES.includes(route.name)) return 'policy';
  if (route.name === 'sync') return 'sync';
  if (route.name === 'reports') return 'reports';
  if (route.name === 'screening' || route.name === 'print-visit-sheet') return 'screening';
  if (route.name === 'ledger' || route.name === 'ledger-item' || route.name === 'clue-register' || route.name === 'print-ledger') return 'ledger';
  if (route.name === 'not-found') return null;
  if (route.name === 'warnings' || route.name === 'warnings-rates' || route.name === 'warnings-imports') return 'warnings';
  if (route.name === 'reports-district' || route.name === 'reports-submit' || route.name === 'print-circular') return 'reports';
  if (route.name === 'care' || route.name === 'care-cards' || route.name === 'care-template' || route.name === 'care-person' || route.name === 'left-behind') return 'care';
  return 'registry';
}
