import { describe, expect, it, vi } from 'vitest';
import { PrintError, printRoute, printWindowOptions, waitForPrintReady, type PrintContents, type PrintWindow } from './print';

vi.mock('electron', () => ({}));

/** A page that reports the given ready states, one per probe, then the last one forever. */
function fakeContents(states: unknown[], printResult: [boolean, string] = [true, '']) {
  let probes = 0;
  const executeJavaScript = vi.fn(async (code: string) => {
    if (code.includes('document.fonts.ready')) return true;
    const state = states[Math.min(probes, states.length - 1)];
    probes += 1;
    return state;
  });
  const print = vi.fn((_options: unknown, callback?: (success: boolean, reason: string) => void) =>
    callback?.(...printResult),
  );
  const printToPDF = vi.fn(async () => Buffer.from('%PDF-1.7'));
  return { executeJavaScript, print, printToPDF } as unknown as PrintContents & {
    executeJavaScript: typeof executeJavaScript;
    print: typeof print;
    printToPDF: typeof printToPDF;
  };
}

function fakeWindow(contents: PrintContents) {
  let destroyed = false;
  return {
    webContents: contents,
    destroy: vi.fn(() => {
      destroyed = true;
    }),
    isDestroyed: () => destroyed,
  } as unknown as PrintWindow & { destroy: ReturnType<typeof vi.fn> };
}

describe('waitForPrintReady', () => {
  it('polls until the page is marked ready, then waits for fonts', async () => {
    const contents = fakeContents([null, null, 'true']);
    await waitForPrintReady(contents, 1000, 1);
    const calls = (contents.executeJavaScript as ReturnType<typeof vi.fn>).mock.calls.map((c) => c[0] as string);
    expect(calls.filter((c) => c.includes('data-print-ready'))).toHaveLength(3);
    expect(calls.at(-1)).toContain('document.fonts.ready');
  });

  it('fails when the page reports an error', async () => {
    await expect(waitForPrintReady(fakeContents(['error']), 1000, 1)).rejects.toThrow(/打印内容加载失败/);
  });

  it('gives up after the timeout', async () => {
    await expect(waitForPrintReady(fakeContents([null]), 20, 5)).rejects.toBeInstanceOf(PrintError);
  });
});

describe('printRoute', () => {
  const setup = (contents: PrintContents) => {
    const win = fakeWindow(contents);
    const load = vi.fn(async () => undefined);
    return { win, load, deps: { createWindow: () => win, load, pollMs: 1, timeoutMs: 200 } };
  };

  it('renders a PDF of the route on A4 and closes the hidden window', async () => {
    const contents = fakeContents(['true']);
    const { win, load, deps } = setup(contents);
    const outcome = await printRoute(deps, '/print/card?id=1', { kind: 'pdf' });
    expect(load).toHaveBeenCalledWith(win, '/print/card?id=1');
    expect(outcome).toEqual({ kind: 'pdf', data: Buffer.from('%PDF-1.7') });
    expect(contents.printToPDF).toHaveBeenCalledWith({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(win.destroy).toHaveBeenCalled();
  });

  it('prints silently to the named printer', async () => {
    const contents = fakeContents(['true']);
    const { deps } = setup(contents);
    await expect(printRoute(deps, '/print/card', { kind: 'silent', deviceName: 'HP LaserJet' })).resolves.toEqual({
      kind: 'printed',
    });
    expect(contents.print).toHaveBeenCalledWith(
      { silent: true, printBackground: true, deviceName: 'HP LaserJet' },
      expect.any(Function),
    );
  });

  it('reports a cancelled print dialog as cancelled', async () => {
    const { deps } = setup(fakeContents(['true'], [false, 'cancelled']));
    await expect(printRoute(deps, '/print/card', { kind: 'dialog' })).resolves.toEqual({ kind: 'cancelled' });
  });

  it('reports a printer failure in Chinese and still closes the window', async () => {
    const contents = fakeContents(['true'], [false, 'Print job failed']);
    const { win, deps } = setup(contents);
    await expect(printRoute(deps, '/print/card', { kind: 'dialog' })).rejects.toThrow('打印失败：Print job failed');
    expect(win.destroy).toHaveBeenCalled();
  });

  it('closes the window when the route fails to load', async () => {
    const { win, deps } = setup(fakeContents(['true']));
    deps.load.mockRejectedValueOnce(new Error('ERR_FILE_NOT_FOUND'));
    await expect(printRoute(deps, '/print/card', { kind: 'pdf' })).rejects.toThrow('ERR_FILE_NOT_FOUND');
    expect(win.destroy).toHaveBeenCalled();
  });

  it('uses a hidden A4-sized window that keeps painting, with the secure preferences kept', () => {
    const prefs = { sandbox: true, contextIsolation: true, preload: '/app/preload.cjs' };
    expect(printWindowOptions(prefs)).toEqual({
      show: false,
      paintWhenInitiallyHidden: true,
      width: 794,
      height: 1123,
      webPreferences: { ...prefs, backgroundThrottling: false },
    });
  });
});
