import { EventEmitter } from 'node:events';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { RendererLocation } from './renderer-location';
import {
  contentSecurityPolicy,
  hardenWebContents,
  installAppSecurity,
  installSessionSecurity,
  isExternalLink,
  secureWebPreferences,
  withCsp,
} from './security';

vi.mock('electron', () => ({}));

const distDir = path.resolve('/opt/doudi/resources/app.asar/dist');
const location: RendererLocation = { kind: 'file', indexFile: path.join(distDir, 'index.html') };
const appUrl = `${pathToFileURL(path.join(distDir, 'index.html')).href}#/households`;
const foreignFileUrl = pathToFileURL(path.resolve('/etc/passwd')).href;

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer', () => {
    const prefs = secureWebPreferences({ preload: '/app/preload.cjs', devTools: false });
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
  });
});

describe('contentSecurityPolicy', () => {
  it('is strict for the built app', () => {
    expect(contentSecurityPolicy({ dev: false })).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
        "frame-ancestors 'none'",
    );
  });

  it('leaves frame-ancestors out of the <meta> variant', () => {
    const meta = contentSecurityPolicy({ dev: false, forMeta: true });
    expect(meta).not.toContain('frame-ancestors');
    expect(meta).toBe(contentSecurityPolicy({ dev: false }).replace("; frame-ancestors 'none'", ''));
  });

  it('never allows eval, and inline scripts only for the dev server', () => {
    expect(contentSecurityPolicy({ dev: false })).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy({ dev: true })).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy({ dev: true })).toContain("script-src 'self' 'unsafe-inline';");
  });
});

describe('withCsp', () => {
  it('replaces any policy the response carried, whatever its case', () => {
    const headers = { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] };
    expect(withCsp(headers, "default-src 'self'")).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': ["default-src 'self'"],
    });
  });

  it('works without response headers', () => {
    expect(withCsp(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});

describe('isExternalLink', () => {
  it.each([
    ['https://mca.tj.gov.cn/', true],
    ['http://example.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['mailto:a@b.cn', false],
    ['not a url', false],
  ])('%s -> %s', (url, expected) => expect(isExternalLink(url)).toBe(expected));
});

type Handler = (...args: never[]) => unknown;

function fakeSession() {
  const handlers: Record<string, Handler> = {};
  const session = {
    webRequest: { onHeadersReceived: (h: Handler) => (handlers.headers = h) },
    setPermissionRequestHandler: (h: Handler) => (handlers.request = h),
    setPermissionCheckHandler: (h: Handler) => (handlers.check = h),
    setDevicePermissionHandler: (h: Handler) => (handlers.device = h),
  };
  installSessionSecurity(session as never, location, 'CSP');
  return handlers as Record<'headers' | 'request' | 'check' | 'device', (...args: unknown[]) => unknown>;
}

describe('installSessionSecurity', () => {
  it('sets the CSP header on the app pages only', () => {
    const { headers } = fakeSession();
    const ours = vi.fn();
    headers({ url: appUrl, responseHeaders: { 'X-A': ['1'] } }, ours);
    expect(ours).toHaveBeenCalledWith({ responseHeaders: { 'X-A': ['1'], 'Content-Security-Policy': ['CSP'] } });
    const foreign = vi.fn();
    headers({ url: 'https://example.com/', responseHeaders: {} }, foreign);
    expect(foreign).toHaveBeenCalledWith({});
  });

  it('denies every permission request', () => {
    const { request } = fakeSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      request({ getURL: () => appUrl }, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
    }
  });

  it('passes only the clipboard-write check, and only for the app pages', () => {
    const { check, device } = fakeSession();
    expect(check(null, 'clipboard-sanitized-write', 'file:///', { requestingUrl: appUrl, isMainFrame: true })).toBe(true);
    expect(check(null, 'clipboard-sanitized-write', '', { requestingUrl: foreignFileUrl, isMainFrame: true })).toBe(false);
    expect(check({ getURL: () => appUrl }, 'clipboard-sanitized-write', '', { isMainFrame: true })).toBe(true);
    expect(check({ getURL: () => appUrl }, 'media', '', { requestingUrl: appUrl, isMainFrame: true })).toBe(false);
    expect(check(null, 'clipboard-read', '', { requestingUrl: appUrl, isMainFrame: true })).toBe(false);
    expect(device({})).toBe(false);
  });
});

class FakeContents extends EventEmitter {
  openHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
}

function navEvent(url: string, isMainFrame = true) {
  return { url, isMainFrame, preventDefault: vi.fn() };
}

function hardened() {
  const contents = new FakeContents();
  const shell = { openExternal: vi.fn(() => Promise.resolve()) };
  hardenWebContents(contents as never, location, shell);
  return { contents, shell };
}

describe('hardenWebContents', () => {
  it('denies every new window and opens only https links in the browser', () => {
    const { contents, shell } = hardened();
    expect(contents.openHandler?.({ url: 'https://mca.tj.gov.cn/' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://mca.tj.gov.cn/');
    for (const url of ['http://example.com/', appUrl, foreignFileUrl, 'javascript:alert(1)']) {
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('lets the app navigate within its own pages', () => {
    const { contents, shell } = hardened();
    const event = navEvent(appUrl);
    contents.emit('will-frame-navigate', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('blocks navigation elsewhere, opening https targets in the browser', () => {
    const { contents, shell } = hardened();
    const https = navEvent('https://mca.tj.gov.cn/');
    const http = navEvent('http://example.com/');
    const file = navEvent(foreignFileUrl);
    for (const event of [https, http, file]) contents.emit('will-frame-navigate', event);
    for (const event of [https, http, file]) expect(event.preventDefault).toHaveBeenCalled();
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).toHaveBeenCalledWith('https://mca.tj.gov.cn/');
  });

  it('blocks a subframe navigating away without opening anything', () => {
    const { contents, shell } = hardened();
    const event = navEvent('https://mca.tj.gov.cn/', false);
    contents.emit('will-frame-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('blocks redirects out of the app and <webview> tags', () => {
    const { contents } = hardened();
    const away = navEvent('https://example.com/');
    const home = navEvent(appUrl);
    contents.emit('will-redirect', away);
    contents.emit('will-redirect', home);
    expect(away.preventDefault).toHaveBeenCalled();
    expect(home.preventDefault).not.toHaveBeenCalled();
    const attach = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.preventDefault).toHaveBeenCalled();
  });

  it('is applied to every webContents the app creates', () => {
    const app = new EventEmitter();
    installAppSecurity(app as never, location, { openExternal: vi.fn(() => Promise.resolve()) });
    const contents = new FakeContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.openHandler?.({ url: 'https://x.cn/' })).toEqual({ action: 'deny' });
    expect(contents.listenerCount('will-frame-navigate')).toBe(1);
  });
});

describe('dev server', () => {
  it('trusts the dev server origin and nothing else', () => {
    const dev: RendererLocation = { kind: 'dev', url: 'http://localhost:5173/' };
    const contents = new FakeContents();
    hardenWebContents(contents as never, dev, { openExternal: vi.fn() });
    const same = navEvent('http://localhost:5173/#/households');
    const other = navEvent('http://localhost:5174/');
    contents.emit('will-frame-navigate', same);
    contents.emit('will-frame-navigate', other);
    expect(same.preventDefault).not.toHaveBeenCalled();
    expect(other.preventDefault).toHaveBeenCalled();
  });
});
