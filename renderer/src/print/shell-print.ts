/**
 * Printing through the Electron shell (printer dialog, silent to the default printer, or a PDF file),
 * when the app runs in Electron; in browser mode the print route opens in a new window instead and
 * prints itself with the browser's dialog.
 */
import { api } from '../api/client';
import { getBridge } from '../api/bridge';
import type { ShellPrintMode, ShellPrintResult } from '../../../shared/print/request';

export function canShellPrint(): boolean {
  return typeof getBridge()?.print === 'function';
}

/** Prints `hash` (a print route with its `mode` parameter) through the shell; throws a Chinese error. */
export async function shellPrint(hash: string, mode: ShellPrintMode, fileName?: string): Promise<ShellPrintResult> {
  const bridge = getBridge();
  const token = api.tokens.get();
  if (!bridge?.print) throw new Error('当前环境不支持直接打印，请使用浏览器的打印功能');
  if (!token) throw new Error('登录已失效，请重新登录后再打印');
  const r = await bridge.print({ hash, mode, token, ...(fileName ? { fileName } : {}) });
  if (!r.ok) throw new Error(r.error.message);
  return r.result;
}

/** Opens the print route in a new window (browser mode); it prints itself when ready. */
export function openPrintWindow(hash: string): void {
  const url = `${window.location.href.split('#')[0]}${hash}`;
  window.open(url, '_blank', 'noopener=no');
}
