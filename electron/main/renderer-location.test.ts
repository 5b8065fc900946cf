import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { isAppUrl, loadRoute, rendererLocation, routeHash, type RendererLocation } from './renderer-location';

vi.mock('electron', () => ({}));

const indexFile = path.resolve('/opt/doudi/dist/index.html');
const fileLocation: RendererLocation = { kind: 'file', indexFile };
const url = (p: string) => pathToFileURL(path.resolve(p)).href;

describe('rendererLocation', () => {
  it('uses the dev server only in an unpackaged app', () => {
    expect(rendererLocation({ isPackaged: false, devServerUrl: 'http://localhost:5173', indexFile })).toEqual({
      kind: 'dev',
      url: 'http://localhost:5173/',
    });
    expect(rendererLocation({ isPackaged: true, devServerUrl: 'http://localhost:5173', indexFile })).toEqual(fileLocation);
  });

  it('ignores a missing or non-http dev server URL', () => {
    for (const devServerUrl of [undefined, '', 'file:///tmp/x.html', 'javascript:1', 'localhost:5173']) {
      expect(rendererLocation({ isPackaged: false, devServerUrl, indexFile })).toEqual(fileLocation);
    }
  });
});

describe('isAppUrl', () => {
  it('accepts the index page with any route, and the assets beside it', () => {
    expect(isAppUrl(`${url('/opt/doudi/dist/index.html')}#/households/1`, fileLocation)).toBe(true);
    expect(isAppUrl(url('/opt/doudi/dist/assets/index-abc.js'), fileLocation)).toBe(true);
    expect(isAppUrl(url('/opt/doudi/dist'), fileLocation)).toBe(true);
  });

  it('rejects other files, escapes and network shares', () => {
    expect(isAppUrl(url('/etc/passwd'), fileLocation)).toBe(false);
    expect(isAppUrl(url('/opt/doudi/dist-other/index.html'), fileLocation)).toBe(false);
    expect(isAppUrl('file:///opt/doudi/dist/../secret.txt', fileLocation)).toBe(false);
    expect(isAppUrl('file://server/share/opt/doudi/dist/index.html', fileLocation)).toBe(false);
  });

  it('rejects the web and garbage', () => {
    for (const u of ['https://example.com/', 'http://localhost:5173/', 'about:blank', 'devtools://x', '', 'nonsense']) {
      expect(isAppUrl(u, fileLocation)).toBe(false);
    }
  });

  it('matches the dev server by origin', () => {
    const dev: RendererLocation = { kind: 'dev', url: 'http://localhost:5173/' };
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppUrl('ws://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isAppUrl(url('/opt/doudi/dist/index.html'), dev)).toBe(false);
  });
});

describe('loadRoute', () => {
  it('loads the index file with the route as its hash', async () => {
    const target = { loadFile: vi.fn(() => Promise.resolve()), loadURL: vi.fn(() => Promise.resolve()) };
    await loadRoute(target, fileLocation, '/print/card?id=1');
    expect(target.loadFile).toHaveBeenCalledWith(indexFile, { hash: '/print/card?id=1' });
    await loadRoute(target, fileLocation);
    expect(target.loadFile).toHaveBeenLastCalledWith(indexFile, { hash: '/' });
    expect(target.loadURL).not.toHaveBeenCalled();
  });

  it('loads the dev server URL with the route as its hash', async () => {
    const target = { loadFile: vi.fn(() => Promise.resolve()), loadURL: vi.fn(() => Promise.resolve()) };
    await loadRoute(target, { kind: 'dev', url: 'http://localhost:5173/' }, 'households');
    expect(target.loadURL).toHaveBeenCalledWith('http://localhost:5173/#/households');
  });

  it('normalises routes to hash paths', () => {
    expect(routeHash('#/a')).toBe('/a');
    expect(routeHash('a/b')).toBe('/a/b');
    expect(routeHash('/')).toBe('/');
  });
});
