/**
 * Print routes: #/print/care-cards?ids=<id,…>&layout=single|a4-8up, #/print/care-agreement?id=<id> and
 * #/print/accounting-sheet?id=<enrolment id> (the 核算单).
 */
import type { CardLayout } from './CardSheets';

export type PrintMode = 'print' | 'pdf' | 'preview';

export type PrintRoute =
  | { doc: 'care-cards'; ids: string[]; layout: CardLayout; mode: PrintMode; autoprint: boolean }
  | { doc: 'care-agreement'; id: string; mode: PrintMode; autoprint: boolean }
  | { doc: 'accounting-sheet'; id: string; mode: PrintMode; autoprint: boolean }
  | { doc: 'invalid'; reason: string };

export function isPrintHash(hash: string): boolean {
  return /^#\/print\//.test(hash);
}

export function parsePrintRoute(hash: string): PrintRoute {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const q = new URLSearchParams(query);
  const modeParam = q.get('mode');
  const mode: PrintMode = modeParam === 'pdf' || modeParam === 'preview' ? modeParam : 'print';
  const autoprint = q.get('autoprint') === '1';
  if (path === '/print/care-cards') {
    const ids = (q.get('ids') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (ids.length === 0) return { doc: 'invalid', reason: '没有指定要打印的照料服务卡' };
    const layout = q.get('layout') === 'single' ? 'single' : 'a4-8up';
    return { doc: 'care-cards', ids, layout, mode, autoprint };
  }
  if (path === '/print/care-agreement') {
    const id = q.get('id');
    if (!id) return { doc: 'invalid', reason: '没有指定要打印的协议' };
    return { doc: 'care-agreement', id, mode, autoprint };
  }
  if (path === '/print/accounting-sheet') {
    const id = q.get('id');
    if (!id) return { doc: 'invalid', reason: '没有指定要打印的核算单' };
    return { doc: 'accounting-sheet', id, mode, autoprint };
  }
  return { doc: 'invalid', reason: `未知的打印页面：${path}` };
}

export function cardsPrintHash(ids: string[], layout: CardLayout, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ ids: ids.join(','), layout, ...extra });
  return `#/print/care-cards?${q.toString().replace(/%2C/g, ',')}`;
}

export function agreementPrintHash(id: string, extra: Record<string, string> = {}): string {
  return `#/print/care-agreement?${new URLSearchParams({ id, ...extra }).toString()}`;
}

export function accountingSheetPrintHash(id: string, extra: Record<string, string> = {}): string {
  return `#/print/accounting-sheet?${new URLSearchParams({ id, ...extra }).toString()}`;
}
