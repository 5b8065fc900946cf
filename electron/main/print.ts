/**
 * Prints a renderer route (care-service card, care agreement, ledger list): the route is loaded in a
 * hidden window; once the page marks itself ready (`<html data-print-ready="true">`, or "error") and
 * its fonts have loaded, it goes to the printer (with or without the dialog) or becomes a PDF.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents, WebPreferences } from 'electron';

export const PRINT_READY_ATTRIBUTE = 'data-print-ready';

export type PrintMode = { kind: 'dialog' } | { kind: 'silent'; deviceName?: string } | { kind: 'pdf' };
export type PrintOutcome = { kind: 'printed' } | { kind: 'cancelled' } | { kind: 'pdf'; data: Buffer };

export class PrintError extends Error {
  override readonly name = 'PrintError';
}

export type PrintContents = Pick<WebContents, 'executeJavaScript' | 'print' | 'printToPDF'>;
export type PrintWindow = Pick<BrowserWindow, 'destroy' | 'isDestroyed'> & { webContents: PrintContents };

export interface PrintDeps {
  /** A hidden window with the app's secure web preferences (see `printWindowOptions`). */
  createWindow(): PrintWindow;
  /** Loads the route into the window (see `loadRoute`). */
  load(win: PrintWindow, route: string): Promise<void>;
  timeoutMs?: number;
  pollMs?: number;
}

/**
 * A4 at 96 dpi, never shown. It still paints (paintWhenInitiallyHidden) and is not throttled, since
 * the print page waits for animation frames and fonts before it marks itself ready.
 */
export function printWindowOptions(webPreferences: WebPreferences): BrowserWindowConstructorOptions {
  return { show: false, paintWhenInitiallyHidden: true, width: 794, height: 1123, webPreferences: { ...webPreferences, backgroundThrottling: false } };
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function waitForPrintReady(contents: PrintContents, timeoutMs = 30_000, pollMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const probe = `document.documentElement.getAttribute(${JSON.stringify(PRINT_READY_ATTRIBUTE)})`;
  for (;;) {
    const state: unknown = await contents.executeJavaScript(probe);
    if (state === 'true') break;
    if (state === 'error') throw new PrintError('打印内容加载失败，请返回检查后重试');
    if (Date.now() >= deadline) throw new PrintError('打印内容加载超时，请稍后重试');
    await delay(pollMs);
  }
  await contents.executeJavaScript('document.fonts.ready.then(() => true)');
}

function sendToPrinter(contents: PrintContents, mode: { kind: 'dialog' } | { kind: 'silent'; deviceName?: string }) {
  return new Promise<PrintOutcome>((resolve, reject) => {
    const options =
      mode.kind === 'silent'
        ? { silent: true, printBackground: true, ...(mode.deviceName ? { deviceName: mode.deviceName } : {}) }
        : { silent: false, printBackground: true };
    contents.print(options, (success, failureReason) => {
      if (success) resolve({ kind: 'printed' });
      else if (failureReason === 'cancelled') resolve({ kind: 'cancelled' });
      else reject(new PrintError(`打印失败：${failureReason || '打印机无响应'}`));
    });
  });
}

export async function printRoute(deps: PrintDeps, route: string, mode: PrintMode): Promise<PrintOutcome> {
  const win = deps.createWindow();
  try {
    await deps.load(win, route);
    await waitForPrintReady(win.webContents, deps.timeoutMs, deps.pollMs);
    if (mode.kind === 'pdf') {
      const data = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
      return { kind: 'pdf', data };
    }
    return await sendToPrinter(win.webContents, mode);
  } finally {
    if (!win.isDestroyed()) win.destroy();
  }
}
