/**
 * Serves window.doudi.print: checks the request, opens the print route in a hidden window that may
 * read the document with the caller's session (handed over on the print-session channel, never in a
 * URL), and prints it, or saves it as a PDF where the user chooses. Failures come back as envelopes
 * with a Chinese message; nothing throws across IPC.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { parseShellPrintRequest, safePdfName, type ShellPrintEnvelope, type ShellPrintRequest } from '../../shared/print/request';
import { PrintError, printRoute, type PrintMode, type PrintWindow } from './print';

export interface PrintServiceDeps {
  /** A hidden window with the app's secure preferences; `id` is its webContents id. */
  createWindow(): PrintWindow & { webContents: { id: number } };
  load(win: PrintWindow, route: string): Promise<void>;
  /** Asks where to save a PDF; null when the user cancels. */
  choosePdfPath(defaultName: string): Promise<string | null>;
  writeFile(path: string, data: Buffer): Promise<void>;
  isTrustedUrl(url: string): boolean;
  logError?(message: string, err: unknown): void;
  timeoutMs?: number;
}

type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

function failure(code: string, message: string): ShellPrintEnvelope {
  return { ok: false, error: { code, message } };
}

function modeOf(request: ShellPrintRequest): PrintMode {
  if (request.mode === 'pdf') return { kind: 'pdf' };
  return request.mode === 'silent' ? { kind: 'silent' } : { kind: 'dialog' };
}

export function createPrintService(deps: PrintServiceDeps) {
  const logError = deps.logError ?? ((message, err) => console.error(message, err));
  /** Session of each open print window, by webContents id; removed when the print ends. */
  const sessions = new Map<number, string>();

  async function print(event: SenderEvent, payload: unknown): Promise<ShellPrintEnvelope> {
    const frameUrl = event.senderFrame?.url;
    if (!frameUrl || !deps.isTrustedUrl(frameUrl)) return failure('forbidden', '请求来源不受信任，已拒绝');
    const request = parseShellPrintRequest(payload);
    if (!request) return failure('invalid-input', '打印请求格式不正确');
    // Ask for the file first: a cancelled save dialog should not render anything.
    let target: string | null = null;
    if (request.mode === 'pdf') {
      target = await deps.choosePdfPath(safePdfName(request.fileName, '打印文档'));
      if (!target) return { ok: true, result: { kind: 'cancelled' } };
    }
    const opened: number[] = [];
    try {
      const outcome = await printRoute(
        {
          createWindow: () => {
            const win = deps.createWindow();
            sessions.set(win.webContents.id, request.token);
            opened.push(win.webContents.id);
            return win;
          },
          load: deps.load,
          timeoutMs: deps.timeoutMs,
        },
        request.hash,
        modeOf(request),
      );
      if (outcome.kind === 'pdf') {
        await deps.writeFile(target!, outcome.data);
        return { ok: true, result: { kind: 'saved', path: target! } };
      }
      return { ok: true, result: outcome };
    } catch (err) {
      if (err instanceof PrintError) return failure('print-failed', err.message);
      logError('[print] failed', err);
      const message = target ? `PDF 未能保存：${err instanceof Error ? err.message : String(err)}` : '打印失败，请检查打印机后重试';
      return failure('print-failed', message);
    } finally {
      for (const id of opened) sessions.delete(id);
    }
  }

  /** The session for a print window asking for it; any other page gets null. */
  function sessionFor(event: { sender: { id: number } }): string | null {
    return sessions.get(event.sender.id) ?? null;
  }

  return { print, sessionFor };
}
