import { describe, expect, it, vi } from 'vitest';
import { createPrintService, type PrintServiceDeps } from './print-service';
import { parseShellPrintRequest, safePdfName } from '../../shared/print/request';

vi.mock('electron', () => ({}));

const trusted = { senderFrame: { url: 'file:///app/index.html' } } as never;
const HASH = '#/print/care-cards?ids=0193a,0193b&layout=a4-8up&mode=print';

/** A hidden window whose page becomes ready at once; remembers what the print window asked for. */
function deps(over: Partial<PrintServiceDeps> = {}) {
  const seen: { sessionInWindow: string | null; loaded: string[]; written: Array<[string, Buffer]> } = {
    sessionInWindow: null,
    loaded: [],
    written: [],
  };
  let nextId = 10;
  const service = createPrintService({
    createWindow: () => {
      const id = nextId++;
      let destroyed = false;
      return {
        destroy: () => (destroyed = true),
        isDestroyed: () => destroyed,
        webContents: {
          id,
          executeJavaScript: async (code: string) => {
            // The page asks for its session while it loads, as the preload does.
            seen.sessionInWindow = service.sessionFor({ sender: { id } });
            return code.includes('fonts') ? true : 'true';
          },
          print: (_o: unknown, cb?: (ok: boolean, reason: string) => void) => cb?.(true, ''),
          printToPDF: async () => Buffer.from('%PDF-1.7 test'),
        },
      } as never;
    },
    load: async (_win, route) => {
      seen.loaded.push(route);
    },
    choosePdfPath: async (name) => `/tmp/out/${name}`,
    writeFile: async (file, data) => {
      seen.written.push([file, data]);
    },
    isTrustedUrl: (url) => url.startsWith('file:///app/'),
    timeoutMs: 1000,
    ...over,
  });
  return { service, seen };
}

describe('print requests from the renderer', () => {
  it('accepts only print routes, known modes and a session', () => {
    expect(parseShellPrintRequest({ hash: HASH, mode: 'dialog', token: 't' })).toEqual({ hash: HASH, mode: 'dialog', token: 't' });
    expect(parseShellPrintRequest({ hash: '#/households', mode: 'dialog', token: 't' })).toBeNull();
    expect(parseShellPrintRequest({ hash: 'https://evil.example/#/print/care-cards?ids=a', mode: 'dialog', token: 't' })).toBeNull();
    expect(parseShellPrintRequest({ hash: '#/print/care-cards?ids=<script>', mode: 'dialog', token: 't' })).toBeNull();
    expect(parseShellPrintRequest({ hash: HASH, mode: 'fax', token: 't' })).toBeNull();
    expect(parseShellPrintRequest({ hash: HASH, mode: 'pdf', token: '' })).toBeNull();
    expect(parseShellPrintRequest([HASH])).toBeNull();
  });

  it('makes safe PDF file names', () => {
    expect(safePdfName('照料协议 张三', 'x')).toBe('照料协议 张三.pdf');
    expect(safePdfName('..\\..\\a/b:c*?.PDF', 'x')).toBe('....abc.pdf');
    expect(safePdfName('  ', '打印文档')).toBe('打印文档.pdf');
  });
});

describe('the print service', () => {
  it('prints through the dialog with the session handed to the print window only while it prints', async () => {
    const { service, seen } = deps();
    const r = await service.print(trusted, { hash: HASH, mode: 'dialog', token: 'sess-1' });
    expect(r).toEqual({ ok: true, result: { kind: 'printed' } });
    expect(seen.loaded).toEqual([HASH]);
    expect(seen.sessionInWindow).toBe('sess-1');
    expect(service.sessionFor({ sender: { id: 10 } })).toBeNull();
    expect(service.sessionFor({ sender: { id: 1 } })).toBeNull();
  });

  it('saves a PDF where the user chooses', async () => {
    const { service, seen } = deps();
    const r = await service.print(trusted, { hash: HASH, mode: 'pdf', token: 's', fileName: '照料服务卡' });
    expect(r).toEqual({ ok: true, result: { kind: 'saved', path: '/tmp/out/照料服务卡.pdf' } });
    expect(seen.written[0]![0]).toBe('/tmp/out/照料服务卡.pdf');
    expect(seen.written[0]![1].toString()).toContain('%PDF');
  });

  it('renders nothing when the save dialog is cancelled', async () => {
    const { service, seen } = deps({ choosePdfPath: async () => null });
    const r = await service.print(trusted, { hash: HASH, mode: 'pdf', token: 's' });
    expect(r).toEqual({ ok: true, result: { kind: 'cancelled' } });
    expect(seen.loaded).toEqual([]);
  });

  it('refuses pages that are not the app and malformed requests, in Chinese', async () => {
    const { service, seen } = deps();
    const foreign = await service.print({ senderFrame: { url: 'https://evil.example/' } } as never, { hash: HASH, mode: 'dialog', token: 's' });
    expect(foreign).toEqual({ ok: false, error: { code: 'forbidden', message: '请求来源不受信任，已拒绝' } });
    const bad = await service.print(trusted, { hash: '#/settings', mode: 'dialog', token: 's' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(seen.loaded).toEqual([]);
  });

  it('reports a failed file write without throwing', async () => {
    const { service } = deps({
      writeFile: async () => {
        throw new Error('EACCES');
      },
      logError: () => undefined,
    });
    const r = await service.print(trusted, { hash: HASH, mode: 'pdf', token: 's' });
    expect(r).toEqual({ ok: false, error: { code: 'print-failed', message: 'PDF 未能保存：EACCES' } });
  });
});
