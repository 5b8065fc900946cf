import { describe, expect, it } from 'vitest';
import { areaOf, hrefOf, isPrintRoute, parseRoute, pathFromHash, queryFromHash, type Route } from './routes';

describe('routes', () => {
  it('reads the path from the hash', () => {
    expect(pathFromHash('')).toBe('/');
    expect(pathFromHash('#/households/new')).toBe('/households/new');
    expect(pathFromHash('#/households?x=1')).toBe('/households');
  });

  it('parses every route and round-trips it', () => {
    const cases: [string, Route][] = [
      ['/', { name: 'home' }],
      ['/home', { name: 'home' }],
      ['/households', { name: 'households' }],
      ['/households/new', { name: 'household-new' }],
      ['/households/0190f0a4-1234-7abc-8def-0123456789ab', { name: 'household', id: '0190f0a4-1234-7abc-8def-0123456789ab' }],
      ['/admin', { name: 'admin', tab: 'users' }],
      ['/admin/org', { name: 'admin', tab: 'org' }],
      ['/admin/security', { name: 'admin', tab: 'security' }],
      ['/sync', { name: 'sync' }],
      ['/assistance/temporary-payments', { name: 'temporary-payments' }],
      ['/screening', { name: 'screening', tab: 'due' }],
      ['/screening/coverage', { name: 'screening', tab: 'coverage' }],
      ['/ledger', { name: 'ledger', tab: 'items' }],
      ['/ledger/watch', { name: 'ledger', tab: 'watch' }],
      ['/ledger/clues', { name: 'ledger', tab: 'clues' }],
      ['/ledger/clues/0190f0a4-1234-7abc-8def-0123456789ab', { name: 'clue-register', id: '0190f0a4-1234-7abc-8def-0123456789ab' }],
      ['/ledger/0190f0a4-1234-7abc-8def-0123456789ab', { name: 'ledger-item', id: '0190f0a4-1234-7abc-8def-0123456789ab' }],
      ['/reports/district', { name: 'reports-district', tab: 'compare', month: null }],
      ['/reports/district/circulars', { name: 'reports-district', tab: 'circulars', month: null }],
      ['/reports/submit', { name: 'reports-submit', month: null }],
      ['/print/circular/0190f0a4-1234-7abc-8def-0123456789ab', { name: 'print-circular', id: '0190f0a4-1234-7abc-8def-0123456789ab' }],
      ['/warnings', { name: 'warnings' }],
      ['/warnings/rates', { name: 'warnings-rates' }],
      ['/warnings/imports', { name: 'warnings-imports' }],
      ['/nowhere', { name: 'not-found', path: '/nowhere' }],
    ];
    for (const [path, route] of cases) {
      expect(parseRoute(path)).toEqual(route);
      expect(parseRoute(pathFromHash(hrefOf(route)))).toEqual(route.name === 'households' ? { name: 'households' } : route);
    }
  });

  it('parses print routes with their query', () => {
    const sheet = '#/print/visit-sheet?gridId=g1';
    expect(parseRoute(pathFromHash(sheet), queryFromHash(sheet))).toEqual({ name: 'print-visit-sheet', gridId: 'g1' });
    expect(parseRoute('/print/visit-sheet')).toEqual({ name: 'not-found', path: '/print/visit-sheet' });
    const ledger = hrefOf({ name: 'print-ledger', query: 'status=open&urgency=1' });
    expect(parseRoute(pathFromHash(ledger), queryFromHash(ledger))).toEqual({ name: 'print-ledger', query: 'status=open&urgency=1' });
    expect(isPrintRoute({ name: 'print-ledger', query: '' })).toBe(true);
    const file = hrefOf({ name: 'print-household', id: 'h-1' });
    expect(parseRoute(pathFromHash(file), queryFromHash(file))).toEqual({ name: 'print-household', id: 'h-1' });
    expect(isPrintRoute({ name: 'print-household', id: 'h-1' })).toBe(true);
    const report = { name: 'print-monthly-report', month: '2026-11', street: '120110001000' } as const;
    expect(hrefOf(report)).toBe('#/print/monthly-report?month=2026-11&street=120110001000');
    expect(parseRoute(pathFromHash(hrefOf(report)), queryFromHash(hrefOf(report)))).toEqual(report);
    expect(parseRoute('/print/monthly-report', 'month=2026-11')).toEqual({ name: 'print-monthly-report', month: '2026-11', street: null });
    expect(parseRoute('/print/monthly-report', 'month=2026-13')).toEqual({ name: 'not-found', path: '/print/monthly-report' });
  });

  it('parses the assistance routes with their query', () => {
    expect(parseRoute('/assistance/enrolments', 'programme=dibao')).toEqual({ name: 'enrolments', programme: 'dibao' });
    expect(parseRoute('/assistance/enrolments/abc')).toEqual({ name: 'enrolment', id: 'abc' });
    expect(parseRoute('/assistance/payments', 'programme=dibao&month=2026-05')).toEqual({ name: 'payment-list', programme: 'dibao', month: '2026-05' });
    const print = { name: 'print-payment-list', programme: 'dibao', month: '2026-05' } as const;
    const href = hrefOf(print);
    expect(href).toBe('#/print/payment-list?programme=dibao&month=2026-05');
    expect(parseRoute(pathFromHash(href), queryFromHash(href))).toEqual(print);
    expect(areaOf(print)).toBe('policy');
    expect(areaOf({ name: 'temporary' })).toBe('policy');
  });

  it('carries a list screen\'s filter in the query (the lines of the 工作台 open filtered lists)', () => {
    const routes: Route[] = [
      { name: 'screening', tab: 'due', filter: 'list=overdue' },
      { name: 'ledger', tab: 'items', filter: 'status=open&urgency=1' },
      { name: 'enrolments', programme: null, status: 'investigated' },
      { name: 'temporary', filter: 'openOnly=1&type=urgent' },
      { name: 'payment-batches', filter: 'status=pending' },
      { name: 'entitlement-gaps', filter: 'problem=missing' },
      { name: 'care', filter: 'gapsOnly=1' },
    ];
    for (const route of routes) {
      const href = hrefOf(route);
      expect(parseRoute(pathFromHash(href), queryFromHash(href))).toEqual(route);
    }
    expect(hrefOf({ name: 'ledger', tab: 'items' })).toBe('#/ledger');
    expect(areaOf({ name: 'home' })).toBe('home');
  });

  it('knows the navigation area of a route', () => {
    expect(areaOf({ name: 'household', id: 'x' })).toBe('registry');
    expect(areaOf({ name: 'admin', tab: 'org' })).toBe('admin');
    expect(areaOf({ name: 'sync' })).toBe('sync');
    expect(areaOf({ name: 'warnings', filter: 'overdueOnly=1' })).toBe('warnings');
    expect(areaOf({ name: 'warnings-rates' })).toBe('warnings');
    expect(areaOf({ name: 'not-found', path: '/x' })).toBeNull();
  });
});
