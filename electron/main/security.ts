/**
 * Renderer hardening: web preferences, the Content Security Policy, blocked navigation and popups,
 * denied permissions. The app shows only its own pages; https links open in the system browser.
 */
import type { App, Session, Shell, WebContents, WebPreferences } from 'electron';
import { isAppUrl, type RendererLocation } from './renderer-location';
import { contentSecurityPolicy } from '../../shared/security/csp';

export { contentSecurityPolicy };

/** Web preferences for every window of the app (main window and hidden print windows). */
export function secureWebPreferences(opts: { preload: string; devTools: boolean }): WebPreferences {
  return {
    preload: opts.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: opts.devTools,
  };
}


type Headers = Record<string, string[]>;

/** Response headers with our CSP replacing any the response carried (whatever its case). */
export function withCsp(headers: Headers | undefined, csp: string): Headers {
  const out: Headers = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}

/** Only https links may leave the app, and only to the system browser. */
export function isExternalLink(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Permission checks the app's own pages pass; every other check and every request is denied. */
const ALLOWED_CHECKS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function installSessionSecurity(ses: Session, location: RendererLocation, csp: string): void {
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url, location)) {
      callback({});
      return;
    }
    callback({ responseHeaders: withCsp(details.responseHeaders, csp) });
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler((contents, permission, _origin, details) => {
    if (!ALLOWED_CHECKS.has(permission)) return false;
    const url = details.requestingUrl ?? contents?.getURL() ?? '';
    return isAppUrl(url, location);
  });
  ses.setDevicePermissionHandler(() => false);
}

type OpenExternal = Pick<Shell, 'openExternal'>;

function openIfExternal(url: string, shell: OpenExternal): void {
  if (!isExternalLink(url)) return;
  shell.openExternal(url).catch((err: unknown) => console.error('[security] openExternal failed', err));
}

/** Blocks popups, foreign navigation, redirects and <webview> for one webContents. */
export function hardenWebContents(contents: WebContents, location: RendererLocation, shell: OpenExternal): void {
  contents.setWindowOpenHandler(({ url }) => {
    openIfExternal(url, shell);
    return { action: 'deny' };
  });
  contents.on('will-frame-navigate', (event) => {
    if (isAppUrl(event.url, location)) return;
    event.preventDefault();
    if (event.isMainFrame) openIfExternal(event.url, shell);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, location)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Applies `hardenWebContents` to every webContents the app ever creates. */
export function installAppSecurity(app: Pick<App, 'on'>, location: RendererLocation, shell: OpenExternal): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, location, shell));
}
